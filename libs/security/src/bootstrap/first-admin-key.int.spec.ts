import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@app/event-store-sqlite';
import { ApiKeyRing } from '../api-keys/api-key-ring';
import { ensureFirstAdminKey } from './first-admin-key';

describe('ensureFirstAdminKey on the embedded store', () => {
  const directory = mkdtempSync(join(tmpdir(), 'admin-key-'));
  const store = new SqliteEventStore({ filename: join(directory, 'ledger.sqlite'), synchronous: 'NORMAL' });
  afterAll(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('writes a working admin key readable by its owner only, once', async () => {
    const ring = new ApiKeyRing(store, 0);
    const file = join(directory, 'data', 'admin.key');
    const created = await ensureFirstAdminKey(ring, file);
    expect(created?.file).toBe(file);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const identity = await ring.authenticate(readFileSync(file, 'utf8').trim());
    expect(identity).toMatchObject({ roles: ['ingest', 'board-admin', 'analyst', 'auditor', 'operator'], boards: ['*'] });
    expect(await ensureFirstAdminKey(ring, file)).toBeNull();
  });
});
