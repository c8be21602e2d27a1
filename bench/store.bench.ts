/**
 * Event store benchmark (`npm run bench:store`): our SQLite and PostgreSQL adapters and, as the
 * peer, Emmett's PostgreSQL event store on the same server in the same run.
 *
 * Workloads, each on a fresh store:
 *   single-1   one-event command appends to distinct streams with an expected version, 1 client
 *   single-8   the same with 8 concurrent clients of one store
 *   batch-1000 1,000-event appends, one client
 *   read-all   everything written, read back in global order
 *
 * Prints a table, our/peer ratios, PASS/FAIL per target and, as the last line, one JSON object.
 * Sizes can be changed with BENCH_SINGLE, BENCH_CONCURRENT and BENCH_BATCHES; BENCH_STORES
 * (e.g. `postgres,emmett`) runs only the stores named, and only the targets they allow.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { dumbo, endAllPools } from '@event-driven-io/dumbo';
import { getPostgreSQLEventStore, readMessagesBatch } from '@event-driven-io/emmett-postgresql';
import type { EventStore, NewEvent } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store-postgres';
import { SqliteEventStore } from '@app/event-store-sqlite';
import { caseFact } from './support/case-fact';

type StoreName = 'sqlite' | 'postgres' | 'emmett';
type Workload = 'single-1' | 'single-8' | 'batch-1000' | 'read-all';

interface Figure {
  store: StoreName;
  workload: Workload;
  events: number;
  seconds: number;
  eventsPerSecond: number;
}

/** What a workload needs of a store: ours through the port, Emmett through its own API. */
interface BenchStore {
  name: StoreName;
  appendNew(stream: string, events: NewEvent[]): Promise<void>;
  readEverything(): Promise<number>;
  close(): Promise<void>;
}

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 4_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const BATCH_SIZE = 1_000;
const CLIENTS = 8;
const READ_BATCH = 5_000;
const STORES: StoreName[] = ['sqlite', 'postgres', 'emmett'];
const SELECTED = new Set(
  (process.env.BENCH_STORES ?? STORES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);

const write = (line = '') => process.stdout.write(`${line}\n`);

function ourStore(name: 'sqlite' | 'postgres', store: EventStore, cleanup: () => Promise<void>): BenchStore {
  return {
    name,
    appendNew: async (stream, events) => {
      await store.append(stream, events, { expectedVersion: 'no-stream' });
    },
    readEverything: async () => {
      let read = 0;
      for (let from = 1; ;) {
        const batch = await store.readAll({ fromPosition: from, limit: READ_BATCH });
        read += batch.length;
        if (batch.length < READ_BATCH) return read;
        from = batch[batch.length - 1].position + 1;
      }
    },
    close: async () => {
      await store.close();
      await cleanup();
    },
  };
}

async function openSqlite(): Promise<BenchStore> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.sqlite'), synchronous: 'FULL' });
  return ourStore('sqlite', store, async () => rmSync(dir, { recursive: true, force: true }));
}

async function openPostgres(connectionString: string): Promise<BenchStore> {
  const schema = `bench_${Date.now().toString(36)}`;
  const store = await PostgresEventStore.connect({ connectionString, schema });
  return ourStore('postgres', store, () => admin(connectionString, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/** Emmett keeps its tables in `public`, so it gets a database of its own, dropped afterwards. */
async function openEmmett(connectionString: string): Promise<BenchStore> {
  const database = `ledger_bench_emmett_${Date.now().toString(36)}`;
  await admin(connectionString, `CREATE DATABASE ${database}`);
  const url = new URL(connectionString);
  url.pathname = `/${database}`;
  const emmettUrl = url.toString();
  const store = getPostgreSQLEventStore(emmettUrl);
  await store.schema.migrate();
  const reader = dumbo({ connectionString: emmettUrl });
  return {
    name: 'emmett',
    appendNew: async (stream, events) => {
      await store.appendToStream(
        stream,
        events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })),
        { expectedStreamVersion: 0n },
      );
    },
    readEverything: async () => {
      let read = 0;
      let after = 0n;
      for (;;) {
        const batch = await readMessagesBatch(reader.execute, { after, batchSize: READ_BATCH });
        read += batch.messages.length;
        if (!batch.areMessagesLeft) return read;
        after = batch.currentGlobalPosition;
      }
    },
    close: async () => {
      await reader.close();
      await store.close();
      await endAllPools();
      await admin(connectionString, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

async function admin(connectionString: string, sql: string): Promise<void> {
  const client = new Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function timed(store: StoreName, workload: Workload, events: number, work: () => Promise<unknown>): Promise<Figure> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { store, workload, events, seconds, eventsPerSecond: events / seconds };
}

async function singleAppends(store: BenchStore, run: string, count: number, clients: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (next < count) {
        const n = next++;
        await store.appendNew(`single-${run}-${n}`, [caseFact(run, n)]);
      }
    }),
  );
}

async function batchAppends(store: BenchStore, run: string, batches: number): Promise<void> {
  for (let b = 0; b < batches; b++) {
    await store.appendNew(
      `batch-${run}-${b}`,
      Array.from({ length: BATCH_SIZE }, (_, i) => caseFact(run, b * BATCH_SIZE + i)),
    );
  }
}

async function benchmark(open: () => Promise<BenchStore>): Promise<Figure[]> {
  const store = await open();
  try {
    // Warm-up (JIT, prepared statements, caches), not counted.
    await singleAppends(store, 'warm', 200, CLIENTS);
    await batchAppends(store, 'warm', 2);
    const warm = 200 + 2 * BATCH_SIZE;
    const figures = [
      await timed(store.name, 'single-1', SINGLE, () => singleAppends(store, 's1', SINGLE, 1)),
      await timed(store.name, 'single-8', CONCURRENT, () => singleAppends(store, 's8', CONCURRENT, CLIENTS)),
      await timed(store.name, 'batch-1000', BATCHES * BATCH_SIZE, () => batchAppends(store, 'b', BATCHES)),
    ];
    const total = warm + SINGLE + CONCURRENT + BATCHES * BATCH_SIZE;
    let read = 0;
    const readFigure = await timed(store.name, 'read-all', total, async () => (read = await store.readEverything()));
    if (read !== total) throw new Error(`${store.name} read ${read} events back, wrote ${total}`);
    return [...figures, readFigure];
  } finally {
    await store.close();
  }
}

function table(figures: Figure[]): void {
  const rows = figures.map((f) => [
    f.store,
    f.workload,
    String(f.events),
    f.seconds.toFixed(2),
    Math.round(f.eventsPerSecond).toLocaleString('en-GB'),
  ]);
  const header = ['store', 'workload', 'events', 'seconds', 'events/s'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  write(line(header));
  write(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) write(line(row));
}

async function main(): Promise<void> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error('DATABASE_URL is not set: run through scripts/with-services.sh (npm run bench:store does)');
  const started = Date.now();
  const loadBefore = loadavg()[0];
  write(`Event store benchmark: ${cpus().length} cores, Node ${process.versions.node}, load average ${loadBefore.toFixed(2)}`);
  write(`single-1 ${SINGLE}, single-8 ${CONCURRENT} (${CLIENTS} clients), batch-1000 ${BATCHES} x ${BATCH_SIZE}\n`);

  const unknown = [...SELECTED].filter((name) => !STORES.includes(name as StoreName));
  if (unknown.length > 0) throw new Error(`BENCH_STORES names unknown stores: ${unknown.join(', ')} (known: ${STORES.join(', ')})`);
  const opens: Record<StoreName, () => Promise<BenchStore>> = {
    sqlite: openSqlite,
    postgres: () => openPostgres(connectionString),
    emmett: () => openEmmett(connectionString),
  };
  const figures: Figure[] = [];
  for (const name of STORES) if (SELECTED.has(name)) figures.push(...(await benchmark(opens[name])));
  table(figures);

  const rate = (store: StoreName, workload: Workload) => figures.find((f) => f.store === store && f.workload === workload)!.eventsPerSecond;
  const workloads: Workload[] = ['single-1', 'single-8', 'batch-1000', 'read-all'];
  const compared = SELECTED.has('postgres') && SELECTED.has('emmett');
  const ratios: Record<string, number> = compared
    ? Object.fromEntries(workloads.map((w) => [w, rate('postgres', w) / rate('emmett', w)]))
    : {};
  if (compared) {
    write('\nPostgreSQL / Emmett');
    for (const w of workloads) write(`  ${w.padEnd(10)}  ${ratios[w].toFixed(2)}x`);
  }

  const sqliteTargets = !SELECTED.has('sqlite')
    ? []
    : [
        {
          target: 'sqlite batch-1000 >= 50,000 events/s',
          value: rate('sqlite', 'batch-1000'),
          pass: rate('sqlite', 'batch-1000') >= 50_000,
        },
        { target: 'sqlite read-all >= 150,000 events/s', value: rate('sqlite', 'read-all'), pass: rate('sqlite', 'read-all') >= 150_000 },
      ];
  const postgresTargets = !SELECTED.has('postgres')
    ? []
    : [
        {
          target: 'postgres batch-1000 >= 30,000 events/s',
          value: rate('postgres', 'batch-1000'),
          pass: rate('postgres', 'batch-1000') >= 30_000,
        },
        {
          target: 'postgres read-all >= 150,000 events/s',
          value: rate('postgres', 'read-all'),
          pass: rate('postgres', 'read-all') >= 150_000,
        },
        ...(compared
          ? [
              { target: 'postgres single-1 >= 1.5x emmett', value: ratios['single-1'], pass: ratios['single-1'] >= 1.5 },
              { target: 'postgres single-8 >= 1.5x emmett', value: ratios['single-8'], pass: ratios['single-8'] >= 1.5 },
            ]
          : []),
      ];
  const targets = [...sqliteTargets, ...postgresTargets];
  write('\nTargets');
  for (const t of targets)
    write(
      `  ${t.pass ? 'PASS' : 'FAIL'}  ${t.target} (${t.value >= 100 ? Math.round(t.value).toLocaleString('en-GB') : `${t.value.toFixed(2)}x`})`,
    );
  const seconds = (Date.now() - started) / 1000;
  const loadAfter = loadavg()[0];
  write(`\n${seconds.toFixed(1)} s in all; 1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after\n`);
  write(
    JSON.stringify({
      benchmark: 'store',
      date: new Date().toISOString(),
      cores: cpus().length,
      node: process.versions.node,
      sizes: { single: SINGLE, concurrent: CONCURRENT, clients: CLIENTS, batches: BATCHES, batchSize: BATCH_SIZE },
      figures: figures.map((f) => ({ ...f, seconds: Number(f.seconds.toFixed(3)), eventsPerSecond: Math.round(f.eventsPerSecond) })),
      ratios: Object.fromEntries(Object.entries(ratios).map(([w, r]) => [w, Number(r.toFixed(3))])),
      targets,
      seconds,
      loadAverage: { before: loadBefore, after: loadAfter },
    }),
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
