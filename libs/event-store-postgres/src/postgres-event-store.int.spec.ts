import { describeEventStoreContract } from '@app/event-store/testing/event-store.contract';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName, withTestClient } from './testing/postgres-test-database';

describeEventStoreContract('PostgresEventStore', async () => {
  const connectionString = testDatabaseUrl();
  const schema = uniqueSchemaName('contract');
  const store = await PostgresEventStore.connect({ connectionString, schema });
  const others: PostgresEventStore[] = [];
  return {
    store,
    openAnother: async (options) => {
      const other = await PostgresEventStore.connect({ connectionString, schema, ...options });
      others.push(other);
      return other;
    },
    tamper: async (position) => {
      await withTestClient((client) =>
        client.query(`UPDATE "${schema}".events SET data = data::jsonb || '{"tampered": 1}'::jsonb WHERE position = $1`, [position]),
      );
    },
    dispose: async () => {
      await Promise.all(others.map((other) => other.close()));
      await store.close();
      await dropSchema(schema);
    },
  };
});
