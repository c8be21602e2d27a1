import type { Role } from '../identity/identity';

/** The stream every process reads its key ring from; hash-chained like the rest of the log. */
export const API_KEYS_STREAM = 'api-keys';

/** A key was issued. Only the key's hash is stored; the key itself was shown once to whoever issued it. */
export interface ApiKeyIssuedData {
  keyId: string;
  hash: string;
  roles: Role[];
  boards: string[];
  label: string;
  issuedAt: string;
  issuedBy: string;
  [key: string]: unknown;
}

/** A key was revoked: from then on it authenticates nobody. */
export interface ApiKeyRevokedData {
  keyId: string;
  revokedAt: string;
  revokedBy: string;
  [key: string]: unknown;
}

export const ApiKeyIssued = { type: 'ApiKeyIssued' } as const;
export const ApiKeyRevoked = { type: 'ApiKeyRevoked' } as const;
