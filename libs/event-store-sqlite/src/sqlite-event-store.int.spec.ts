import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '@app/event-store/testing/event-store.contract';
import { SqliteEventStore } from './sqlite-event-store';

describeEventStoreContract('SqliteEventStore', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
  const filename = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ filename });
  const others: SqliteEventStore[] = [];
  return {
    store,
    openAnother: async (options) => {
      const other = new SqliteEventStore({ filename, ...options });
      others.push(other);
      return other;
    },
    tamper: async (position) => {
      const raw = new Database(filename);
      raw.prepare("UPDATE events SET data = json_set(data, '$.tampered', 1) WHERE position = ?").run(position);
      raw.close();
    },
    dispose: async () => {
      await Promise.all(others.map((other) => other.close()));
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
