import { types } from 'pg';
import { EventStoreUnavailable, type RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from './testing/postgres-test-database';

describe('PostgresEventStore connections', () => {
  it('reports an unreachable server as EventStoreUnavailable, which is retryable', async () => {
    const url = new URL(testDatabaseUrl());
    url.port = '1';
    const error = await PostgresEventStore.connect({ connectionString: url.toString(), schema: 'unreachable' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EventStoreUnavailable);
    expect(error).toMatchObject({ retryable: true });
  });

  it("reads with its own type parsers, whatever another library sets as node-postgres's defaults", async () => {
    const schema = uniqueSchemaName('types');
    const store = await PostgresEventStore.connect({ connectionString: testDatabaseUrl(), schema });
    const defaults = { json: types.getTypeParser(114), bigint: types.getTypeParser(20) };
    // What a driver layer in the same process may do (Emmett's does both).
    types.setTypeParser(114, () => 'replaced');
    types.setTypeParser(20, (value: string) => BigInt(value));
    try {
      const data = { count: 12, nested: { items: [1, 'two'] } };
      await store.append('s', [{ type: 'A', data }]);
      await store.append('s', [
        { type: 'B', data },
        { type: 'C', data },
      ]);
      const events = await store.readAll();
      expect(events.map((e) => [e.position, e.version, e.type])).toEqual([
        [1, 1, 'A'],
        [2, 2, 'B'],
        [3, 3, 'C'],
      ]);
      expect(events.every((e) => JSON.stringify(e.data) === JSON.stringify(data))).toBe(true);
      expect(await store.headPosition()).toBe(3);
      expect(await store.verify()).toMatchObject({ ok: true, checked: 3 });
    } finally {
      types.setTypeParser(114, defaults.json);
      types.setTypeParser(20, defaults.bigint);
      await store.close();
      await dropSchema(schema);
    }
  });

  it('wakes a subscriber through NOTIFY when another process appends, long before its poll interval', async () => {
    const schema = uniqueSchemaName('notify');
    const subscriber = await PostgresEventStore.connect({ connectionString: testDatabaseUrl(), schema, pollIntervalMs: 60_000 });
    const writer = await PostgresEventStore.connect({ connectionString: testDatabaseUrl(), schema });
    const controller = new AbortController();
    try {
      const seen: RecordedEvent[] = [];
      const done = (async () => {
        for await (const event of subscriber.subscribeToAll({ signal: controller.signal })) {
          seen.push(event);
          if (seen.length === 2) return;
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const started = Date.now();
      await writer.append('s', [{ type: 'A', data: {} }]);
      await writer.append('t', [{ type: 'B', data: {} }]);
      await done;
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(seen.map((e) => [e.position, e.type])).toEqual([
        [1, 'A'],
        [2, 'B'],
      ]);
    } finally {
      controller.abort();
      await Promise.all([subscriber.close(), writer.close()]);
      await dropSchema(schema);
    }
  });

  it('creates its schema idempotently when several processes connect at once', async () => {
    const schema = uniqueSchemaName('migrate');
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => PostgresEventStore.connect({ connectionString: testDatabaseUrl(), schema })),
    );
    try {
      await stores[0].append('s', [{ type: 'A', data: {} }]);
      expect(await stores[3].headPosition()).toBe(1);
    } finally {
      await Promise.all(stores.map((store) => store.close()));
      await dropSchema(schema);
    }
  });
});
