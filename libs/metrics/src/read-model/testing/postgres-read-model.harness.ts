import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { PostgresMetricsReadModel } from '../postgres-metrics-read-model';
import type { MetricsReadModelHarness } from './metrics-read-model.contract';

/**
 * The PostgreSQL the integration tests run against, from `DATABASE_URL`. Without it the tests
 * fail rather than skip: a suite that silently skips its real store proves nothing.
 */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: the PostgreSQL read model tests need a server. Run them through ' +
        '`bash scripts/with-services.sh npx jest ...`, which starts the local PostgreSQL.',
    );
  }
  return url;
}

/** A schema name no other test uses. */
export function uniqueTestSchema(): string {
  return `read_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

export async function dropTestSchema(schema: string): Promise<void> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** A schema of its own; every `open` is another process's pool on that schema. */
export async function postgresReadModelHarness(): Promise<MetricsReadModelHarness> {
  const connectionString = testDatabaseUrl();
  const schema = uniqueTestSchema();
  return {
    open: (childUnits, options) =>
      PostgresMetricsReadModel.open({
        connectionString,
        schema,
        childUnits,
        settingsOf: () => DEFAULT_BOARD_SETTINGS,
        poolSize: 2,
        ...options,
      }),
    dispose: () => dropTestSchema(schema),
  };
}
