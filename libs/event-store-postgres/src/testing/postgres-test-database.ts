import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/**
 * The PostgreSQL that integration tests run against, from `DATABASE_URL` (set by
 * `scripts/with-services.sh`, which `npm test` uses). Without it the tests fail rather than
 * skip: a suite that silently skips its real store proves nothing.
 */
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new Error(
      'DATABASE_URL is not set: the PostgreSQL integration tests need a server. Run them through ' +
        '`bash scripts/with-services.sh npx jest ...` (npm test does), which starts the local PostgreSQL.',
    );
  }
  return url;
}

/** A schema name no other test uses. */
export function uniqueSchemaName(prefix = 'test'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

/** Runs `work` on a plain client of the test database, then closes it. */
export async function withTestClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withTestClient((client) => client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}
