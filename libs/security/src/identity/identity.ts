/** The roles of api.md's "Who may do what" table. */
export const ROLES = ['ingest', 'board-admin', 'analyst', 'auditor', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Written in an identity's boards, it binds the identity to every board, present and future. */
export const ALL_BOARDS = '*';

/** Who is calling, established from the bearer token alone: never from the request body. */
export interface Identity {
  /**
   * Recorded as "who" in the read audit: `api-key:<keyId>` for a key, the JWT `sub` for a person,
   * `kafka-topic:<topic>` for the ingestor, `system:<name>` for the process's own work (the demo load).
   */
  subject: string;
  kind: 'api-key' | 'jwt' | 'kafka-topic' | 'system';
  roles: readonly Role[];
  boards: readonly string[];
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function hasAnyRole(identity: Identity, roles: readonly Role[]): boolean {
  return roles.some((role) => identity.roles.includes(role));
}

export function seesEveryBoard(identity: Identity): boolean {
  return identity.boards.includes(ALL_BOARDS);
}

export function coversBoard(identity: Identity, boardId: string): boolean {
  return seesEveryBoard(identity) || identity.boards.includes(boardId);
}

/** A board id as the API accepts it in a path or a token: lower-case words joined by hyphens. */
export const BOARD_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
