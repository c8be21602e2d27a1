/**
 * Apply throughput of the metrics read models (a measurement, not a test): the same synthetic
 * case log (`syntheticCaseLog`, about 200,000 events by default, BENCH_READ_MODEL_EVENTS to
 * change) through the real case metrics, into SQLite and into PostgreSQL (DATABASE_URL).
 *
 * Workloads, each on fresh storage:
 *   projector  FactProjector alone, no storage: the CPU cost both stores share
 *   rebuild    ProjectionRunner.rebuild, 10,000-event batches, indexes and daily totals deferred
 *   live       2,000-event batches (the live runner's largest) into an indexed model with daily totals
 *
 * Prints one line per store and workload, then one JSON object.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { InMemoryEventStore } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { computeChildUnits } from '../../case';
import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { FactProjector } from '../fact-projection';
import { PostgresMetricsReadModel } from '../postgres-metrics-read-model';
import { SqliteMetricsReadModel } from '../sqlite-metrics-read-model';
import type { MetricsReadModelUnderTest } from './metrics-read-model.contract';
import { syntheticCaseLog } from './synthetic-case-log';

const EVENTS = Number(process.env.BENCH_READ_MODEL_EVENTS ?? 200_000);
const LIVE_BATCH = 2_000;
const settingsOf = () => DEFAULT_BOARD_SETTINGS;
const write = (line = '') => process.stdout.write(`${line}\n`);

interface Figure {
  store: 'none' | 'sqlite' | 'postgres';
  workload: 'projector' | 'rebuild' | 'live';
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run through `bash scripts/with-services.sh node ...`');

  const store = new InMemoryEventStore();
  const log = syntheticCaseLog({ children: Math.ceil(EVENTS / 5), seed: 11 }).slice(0, EVENTS);
  for (let i = 0; i < log.length; i += 1_000) {
    await store.appendMany(log.slice(i, i + 1_000).map((event, j) => ({ stream: `s-${i + j}`, events: [event] })));
  }
  const events = await store.readAll({ fromPosition: 1, limit: log.length });
  write(`read-model apply: ${events.length} events, ${cpus().length} CPUs`);

  const figures: Figure[] = [];
  const record = (store: Figure['store'], workload: Figure['workload'], seconds: number) => {
    const figure = {
      store,
      workload,
      events: events.length,
      seconds: round(seconds),
      eventsPerSecond: Math.round(events.length / seconds),
    };
    figures.push(figure);
    write(
      `${store.padEnd(9)} ${workload.padEnd(10)} ${figure.seconds.toFixed(2).padStart(7)} s ${String(figure.eventsPerSecond).padStart(8)} events/s`,
    );
  };

  const started = performance.now();
  const projector = new FactProjector(computeChildUnits, settingsOf);
  for (let i = 0; i < events.length; i += 10_000) projector.apply(events.slice(i, i + 10_000));
  record('none', 'projector', (performance.now() - started) / 1000);

  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-bench-'));
  const schemas: string[] = [];
  let n = 0;
  const open: Record<'sqlite' | 'postgres', () => Promise<MetricsReadModelUnderTest>> = {
    sqlite: async () =>
      new SqliteMetricsReadModel({ filename: join(dir, `bench-${n++}.sqlite`), childUnits: computeChildUnits, settingsOf }),
    postgres: async () => {
      const schema = `read_bench_${process.pid}_${n++}`;
      schemas.push(schema);
      return PostgresMetricsReadModel.open({ connectionString: url, schema, childUnits: computeChildUnits, settingsOf });
    },
  };
  try {
    for (const name of ['sqlite', 'postgres'] as const) {
      const rebuilt = await open[name]();
      const t0 = performance.now();
      await new ProjectionRunner(store, rebuilt).rebuild();
      record(name, 'rebuild', (performance.now() - t0) / 1000);

      const live = await open[name]();
      const t1 = performance.now();
      for (let i = 0; i < events.length; i += LIVE_BATCH) await live.apply(events.slice(i, i + LIVE_BATCH));
      record(name, 'live', (performance.now() - t1) / 1000);

      if ((await live.digest()) !== (await rebuilt.digest())) throw new Error(`${name}: the live and rebuilt read models differ`);
      await live.close();
      await rebuilt.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    const client = new Client({ connectionString: url });
    await client.connect();
    for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
  write(JSON.stringify({ events: events.length, figures }));
}

const round = (seconds: number) => Math.round(seconds * 100) / 100;

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
