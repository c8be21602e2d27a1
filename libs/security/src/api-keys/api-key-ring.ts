import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { BOARD_ID_PATTERN, ALL_BOARDS, isRole, type Identity, type Role } from '../identity/identity';
import { InvalidApiKeyGrant, UnknownApiKey } from '../security.errors';
import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKey } from './api-key-secret';
import { API_KEYS_STREAM, ApiKeyIssued, ApiKeyRevoked, type ApiKeyIssuedData, type ApiKeyRevokedData } from './api-keys.events';

/** A key as listed: everything but its hash. */
export interface ApiKeyView {
  keyId: string;
  label: string;
  roles: Role[];
  boards: string[];
  issuedAt: string;
  issuedBy: string;
  revokedAt: string | null;
}

export interface ApiKeyGrant {
  roles: readonly string[];
  boards: readonly string[];
  label?: string;
  issuedBy: string;
}

interface StoredKey {
  issued: ApiKeyIssuedData;
  revokedAt: string | null;
}

export const API_KEY_REFRESH_MS = Symbol.for('safeguarding-ledger.ApiKeyRefreshMs');

/**
 * The API keys, folded from the `api-keys` stream and held in memory. A lookup reads only the
 * events after the cached version (one indexed read), at most once per refresh interval, and at
 * once when a key id is not known yet; so a key issued by the CLI works on its first use and a
 * revocation made by any process takes effect within the interval.
 */
@Injectable()
export class ApiKeyRing {
  private readonly keys = new Map<string, StoredKey>();
  private version = 0;
  private refreshedAt = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(API_KEY_REFRESH_MS) private readonly refreshMs: number = 1_000,
  ) {}

  /** The identity a key stands for, or null when it is malformed, unknown, wrong or revoked. */
  async authenticate(text: string): Promise<Identity | null> {
    const parsed = parseApiKey(text);
    if (parsed === null) return null;
    if (Date.now() - this.refreshedAt >= this.refreshMs || !this.keys.has(parsed.keyId)) await this.refresh();
    const stored = this.keys.get(parsed.keyId);
    if (stored === undefined || !apiKeyMatches(parsed.key, stored.issued.hash) || stored.revokedAt !== null) return null;
    return { subject: `api-key:${parsed.keyId}`, kind: 'api-key', roles: stored.issued.roles, boards: stored.issued.boards };
  }

  /** Issues a key and answers it: the only time the key exists outside its holder's hands. */
  async issue(grant: ApiKeyGrant, now = new Date()): Promise<{ keyId: string; key: string }> {
    const roles = [...new Set(grant.roles)];
    const boards = [...new Set(grant.boards)];
    const problems: string[] = [];
    if (roles.length === 0) problems.push('at least one role is required');
    for (const role of roles) if (!isRole(role)) problems.push(`"${role}" is not a role`);
    if (boards.length === 0) problems.push(`at least one board (or ${ALL_BOARDS} for every board) is required`);
    for (const board of boards) if (board !== ALL_BOARDS && !BOARD_ID_PATTERN.test(board)) problems.push(`"${board}" is not a board id`);
    if (problems.length > 0) throw new InvalidApiKeyGrant(problems);
    const { keyId, key } = generateApiKey();
    const data: ApiKeyIssuedData = {
      keyId,
      hash: hashApiKey(key),
      roles: roles as Role[],
      boards,
      label: grant.label ?? '',
      issuedAt: now.toISOString(),
      issuedBy: grant.issuedBy,
    };
    await this.store.append(API_KEYS_STREAM, [{ type: ApiKeyIssued.type, data, metadata: { transport: { kind: 'command' } } }]);
    await this.refresh();
    return { keyId, key };
  }

  /** @throws UnknownApiKey when no key has that id. Revoking a revoked key changes nothing. */
  async revoke(keyId: string, revokedBy: string, now = new Date()): Promise<ApiKeyView> {
    await this.refresh();
    const stored = this.keys.get(keyId);
    if (stored === undefined) throw new UnknownApiKey(keyId);
    if (stored.revokedAt === null) {
      const data: ApiKeyRevokedData = { keyId, revokedAt: now.toISOString(), revokedBy };
      await this.store.append(API_KEYS_STREAM, [{ type: ApiKeyRevoked.type, data, metadata: { transport: { kind: 'command' } } }]);
      await this.refresh();
    }
    return viewOf(this.keys.get(keyId)!);
  }

  async list(): Promise<ApiKeyView[]> {
    await this.refresh();
    return [...this.keys.values()].map(viewOf);
  }

  /** True when at least one key that is not revoked exists. */
  async hasActiveKey(): Promise<boolean> {
    return (await this.list()).some((key) => key.revokedAt === null);
  }

  /** Reads the events after the cached version; concurrent callers share one read. */
  refresh(): Promise<void> {
    this.inFlight ??= this.readNewEvents().finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  private async readNewEvents(): Promise<void> {
    const events: RecordedEvent[] = await this.store.readStream(API_KEYS_STREAM, { fromVersion: this.version + 1 });
    for (const event of events) {
      this.apply(event);
      this.version = event.version;
    }
    this.refreshedAt = Date.now();
  }

  private apply(event: RecordedEvent): void {
    if (event.type === ApiKeyIssued.type) {
      const issued = event.data as ApiKeyIssuedData;
      this.keys.set(issued.keyId, { issued, revokedAt: null });
    } else if (event.type === ApiKeyRevoked.type) {
      const revoked = event.data as ApiKeyRevokedData;
      const stored = this.keys.get(revoked.keyId);
      if (stored !== undefined && stored.revokedAt === null) stored.revokedAt = revoked.revokedAt;
    }
  }
}

function viewOf(stored: StoredKey): ApiKeyView {
  const { keyId, label, roles, boards, issuedAt, issuedBy } = stored.issued;
  return { keyId, label, roles, boards, issuedAt, issuedBy, revokedAt: stored.revokedAt };
}
