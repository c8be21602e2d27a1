import { existsSync, mkdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ApiKeyRing } from '../api-keys/api-key-ring';
import { ALL_BOARDS, ROLES } from '../identity/identity';

/**
 * For a first local run: when no key is active, issues one with every role for every board and
 * writes it to `file`, created afresh with mode 0600 (readable by its owner only). Answers the
 * key id, or null when a key existed. The key itself is never logged.
 */
export async function ensureFirstAdminKey(ring: ApiKeyRing, file: string): Promise<{ keyId: string; file: string } | null> {
  if (await ring.hasActiveKey()) return null;
  const path = resolve(file);
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  if (existsSync(path)) unlinkSync(path);
  const { keyId, key } = await ring.issue({
    roles: [...ROLES],
    boards: [ALL_BOARDS],
    label: 'first admin key, created by npm start',
    issuedBy: 'api-bootstrap',
  });
  writeFileSync(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  return { keyId, file: path };
}
