/**
 * Stream names of board facts. Every board fact lives in a stream that starts with
 * `board-<boardId>-` (the raw events endpoint filters on it), except the establishment of boards,
 * which share the one `boards` stream so that "a local authority belongs to at most one board"
 * is guarded by that stream's optimistic concurrency.
 */
export const BOARDS_STREAM = 'boards';

/** The kinds of board fact stream, each followed by the fact's business key. */
export const BOARD_FACT_STREAM_KINDS = [
  'meeting',
  'contribution',
  'publication',
  'priority',
  'subgroup',
  'audit',
  'action',
  'practice-review',
  'training',
  'engagement',
  'target',
] as const;
export type BoardFactStreamKind = (typeof BOARD_FACT_STREAM_KINDS)[number];

export function boardStreamPrefix(boardId: string): string {
  return `board-${boardId}-`;
}

/** `board-<boardId>-partners`: PartnerJoined and PartnerLeft of the board. */
export function partnersStream(boardId: string): string {
  return `${boardStreamPrefix(boardId)}partners`;
}

/** `board-<boardId>-<kind>-<key>`, e.g. `board-cardiff-vale-audit-a1`. */
export function boardFactStream(boardId: string, kind: BoardFactStreamKind, key: string): string {
  return `${boardStreamPrefix(boardId)}${kind}-${key}`;
}

/**
 * The kind of a board fact stream of `boardId` (`audit` for `board-cardiff-vale-audit-a1`), or null
 * for a stream that is not one. Longer kinds are tried first, so that no kind shadows another.
 */
export function boardFactStreamKind(boardId: string, stream: string): BoardFactStreamKind | null {
  const prefix = boardStreamPrefix(boardId);
  if (!stream.startsWith(prefix)) return null;
  const rest = stream.slice(prefix.length);
  return KINDS_LONGEST_FIRST.find((kind) => rest.startsWith(`${kind}-`)) ?? null;
}

const KINDS_LONGEST_FIRST = [...BOARD_FACT_STREAM_KINDS].sort((a, b) => b.length - a.length);
