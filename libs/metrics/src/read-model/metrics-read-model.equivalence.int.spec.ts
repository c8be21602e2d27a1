import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { parsePeriod } from '@app/calendar';
import { InMemoryEventStore, type NewEvent } from '@app/event-store';
import { VALID_EXAMPLES } from '@app/ingestion/catalogue/valid-examples.fixture';
import { ProjectionRunner } from '@app/projections';
import { CASE_METRIC_DEFINITIONS, computeChildUnits } from '../case';
import { DEFAULT_BOARD_SETTINGS } from '../facts/fact';
import { PostgresMetricsReadModel } from './postgres-metrics-read-model';
import { POSTGRES_READ_MODEL_VIEWS } from './postgres-read-model.schema';
import { canonicalJson } from '@app/event-store';
import { READ_MODEL_VIEWS } from './read-model.schema';
import { SqliteMetricsReadModel } from './sqlite-metrics-read-model';
import { dropTestSchema, testDatabaseUrl, uniqueTestSchema } from './testing/postgres-read-model.harness';
import { SYNTHETIC_BOARD, syntheticCaseLog } from './testing/synthetic-case-log';

const viewsOf = (ddl: string) => [...ddl.matchAll(/CREATE (?:OR REPLACE )?VIEW (?:IF NOT EXISTS )?(\w+)/g)].map(([, name]) => name);

/**
 * One view row in a form both stores give alike: booleans as 1/0 (SQLite's json_extract),
 * numbers as numbers (PostgreSQL's numeric arrives as text), JSON (text in SQLite, parsed
 * jsonb in PostgreSQL) as canonical JSON.
 */
function comparable(row: Record<string, unknown>): string {
  const value = (v: unknown): unknown => {
    if (v === true) return 1;
    if (v === false) return 0;
    if (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return Number(v);
    if (typeof v === 'string' && /^[[{]/.test(v)) return canonicalJson(JSON.parse(v));
    if (v !== null && typeof v === 'object') return canonicalJson(v);
    return v;
  };
  return canonicalJson(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, value(v)])));
}

describe('SqliteMetricsReadModel and PostgresMetricsReadModel', () => {
  const store = new InMemoryEventStore();
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-'));
  const schema = uniqueTestSchema();
  let sqlite: SqliteMetricsReadModel;
  let postgres: PostgresMetricsReadModel;

  beforeAll(async () => {
    const examples = [...VALID_EXAMPLES].sort((a, b) => Number(b.name === 'BoardEstablished') - Number(a.name === 'BoardEstablished'));
    const log: NewEvent[] = [
      ...examples.map((example) => ({ type: example.name, data: example.data })),
      ...syntheticCaseLog({ children: 400, seed: 7 }),
    ];
    for (const event of log) await store.append(`s-${event.type}`, [event]);
    sqlite = new SqliteMetricsReadModel({
      filename: join(dir, 'read-model.sqlite'),
      childUnits: computeChildUnits,
      settingsOf: () => DEFAULT_BOARD_SETTINGS,
    });
    postgres = await PostgresMetricsReadModel.open({
      connectionString: testDatabaseUrl(),
      schema,
      childUnits: computeChildUnits,
      settingsOf: () => DEFAULT_BOARD_SETTINGS,
    });
    await new ProjectionRunner(store, sqlite, { rebuildBatchSize: 97 }).rebuild();
    const runner = new ProjectionRunner(store, postgres, { batchSize: 61 });
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
  });
  afterAll(async () => {
    sqlite.close();
    await postgres.close();
    rmSync(dir, { recursive: true, force: true });
    await dropTestSchema(schema);
  });

  it('hold the same rows and give the same answers for the same log', async () => {
    const head = await store.headPosition();
    expect(await postgres.digest()).toBe(await sqlite.digest());
    const counted = await sqlite.unitTotals(SYNTHETIC_BOARD, 'CP-ICPC-15WD', parsePeriod('2024-25'), null);
    expect(counted.reduce((sum, total) => sum + total.units, 0)).toBeGreaterThan(50);
    for (const { code } of CASE_METRIC_DEFINITIONS) {
      for (const period of [parsePeriod('2024-25'), parsePeriod('2025-26-Q2')]) {
        for (const asOf of [null, Math.floor(head / 2)]) {
          expect([code, await postgres.unitTotals(SYNTHETIC_BOARD, code, period, asOf)]).toEqual([
            code,
            await sqlite.unitTotals(SYNTHETIC_BOARD, code, period, asOf),
          ]);
        }
        expect(await postgres.unitsPage(SYNTHETIC_BOARD, code, period, null, null, 50)).toEqual(
          await sqlite.unitsPage(SYNTHETIC_BOARD, code, period, null, null, 50),
        );
      }
    }
    expect(await postgres.boards(null)).toEqual(await sqlite.boards(null));
    expect(await postgres.boardFacts('cardiff-vale', null)).toEqual(await sqlite.boardFacts('cardiff-vale', null));
  });

  it('show the same rows in every BI view', async () => {
    const views = viewsOf(READ_MODEL_VIEWS);
    expect(viewsOf(POSTGRES_READ_MODEL_VIEWS)).toEqual(views);
    const file = new Database(join(dir, 'read-model.sqlite'), { readonly: true });
    const client = new Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    try {
      const empty: string[] = [];
      for (const view of views) {
        const expected = file
          .prepare(`SELECT * FROM ${view}`)
          .all()
          .map((row) => comparable(row as Record<string, unknown>))
          .sort();
        const { rows } = await client.query<Record<string, unknown>>(`SELECT * FROM "${schema}".${view}`);
        expect([view, rows.map(comparable).sort()]).toEqual([view, expected]);
        if (expected.length === 0) empty.push(view);
      }
      expect(empty).toEqual([]);
    } finally {
      file.close();
      await client.end();
    }
  });
});
