import { DEFAULT_BOARD_SETTINGS } from '../facts/fact';
import { PostgresMetricsReadModel } from './postgres-metrics-read-model';
import { Client } from 'pg';
import { describeMetricsReadModel } from './testing/metrics-read-model.contract';
import { dropTestSchema, postgresReadModelHarness, testDatabaseUrl, uniqueTestSchema } from './testing/postgres-read-model.harness';

describeMetricsReadModel('PostgresMetricsReadModel', postgresReadModelHarness);

describe('PostgresMetricsReadModel in its own schema', () => {
  it('creates its tables, views and checkpoint once when several processes open it at the same time', async () => {
    const schema = uniqueTestSchema();
    const models = await Promise.all(
      Array.from({ length: 4 }, () =>
        PostgresMetricsReadModel.open({
          connectionString: testDatabaseUrl(),
          schema,
          childUnits: () => [],
          settingsOf: () => DEFAULT_BOARD_SETTINGS,
        }),
      ),
    );
    try {
      expect(await Promise.all(models.map((model) => model.checkpoint()))).toEqual([0, 0, 0, 0]);
      const client = new Client({ connectionString: testDatabaseUrl() });
      await client.connect();
      try {
        const { rows } = await client.query<{ table_name: string }>(
          'SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name',
          [schema],
        );
        expect(rows.map((row) => row.table_name)).toEqual(
          expect.arrayContaining(['checkpoints', 'conference_children', 'cp_plans', 'facts', 'metric_daily', 'metric_units', 'referrals']),
        );
        expect(rows).toHaveLength(4 + 19);
      } finally {
        await client.end();
      }
    } finally {
      for (const model of models) await model.close();
      await dropTestSchema(schema);
    }
  });
});
