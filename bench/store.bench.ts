/**
 * Event store benchmark (`npm run bench:store`): our SQLite and PostgreSQL adapters and, as the
 * peer, Emmett's PostgreSQL event store on the same server in the same run.
 *
 * Workloads:
 *   single-1   one-event command appends to distinct streams with an expected version, 1 client
 *   single-8   the same with 8 concurrent clients of one store
 *   batch-1000 1,000-event appends, one client
 *   read-all   everything written, read back in global order
 *
 * The stores are opened fresh together, and each workload runs in BENCH_ROUNDS (default 10)
 * rounds in which the stores take turns (read-all reads a tenth of the log per round); a store's figure is its events over its summed
 * time. So a ratio compares the stores under the same conditions: this machine's speed drifts
 * by a fifth within a minute, which made a ratio of two runs taken one after the other swing
 * between 1.25 and 2.27 for the same code.
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
  /** Reads up to `count` more events in global order, from where the last call stopped; returns how many. */
  readNext(count: number): Promise<number>;
  close(): Promise<void>;
}

const SINGLE = Number(process.env.BENCH_SINGLE ?? 2_000);
const CONCURRENT = Number(process.env.BENCH_CONCURRENT ?? 4_000);
const BATCHES = Number(process.env.BENCH_BATCHES ?? 100);
const BATCH_SIZE = 1_000;
const CLIENTS = 8;
const READ_BATCH = 5_000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const STORES: StoreName[] = ['sqlite', 'postgres', 'emmett'];
const SELECTED = new Set(
  (process.env.BENCH_STORES ?? STORES.join(','))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean),
);

const write = (line = '') => process.stdout.write(`${line}\n`);

function ourStore(name: 'sqlite' | 'postgres', store: EventStore, cleanup: () => Promise<void>): BenchStore {
  let next = 1;
  return {
    name,
    appendNew: async (stream, events) => {
      await store.append(stream, events, { expectedVersion: 'no-stream' });
    },
    readNext: async (count) => {
      let read = 0;
      while (read < count) {
        const batch = await store.readAll({ fromPosition: next, limit: Math.min(READ_BATCH, count - read) });
        if (batch.length === 0) break;
        read += batch.length;
        next = batch[batch.length - 1].position + 1;
      }
      return read;
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
  let after = 0n;
  return {
    name: 'emmett',
    appendNew: async (stream, events) => {
      await store.appendToStream(
        stream,
        events.map((event) => ({ type: event.type, data: event.data, metadata: event.metadata })),
        { expectedStreamVersion: 0n },
      );
    },
    readNext: async (count) => {
      let read = 0;
      while (read < count) {
        const batch = await readMessagesBatch(reader.execute, { after, batchSize: Math.min(READ_BATCH, count - read) });
        read += batch.messages.length;
        if (batch.messages.length === 0) break;
        after = batch.currentGlobalPosition;
      }
      return read;
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

/** The part of `total` that round `round` of `ROUNDS` takes. */
function share(total: number, round: number): number {
  return Math.floor((total * (round + 1)) / ROUNDS) - Math.floor((total * round) / ROUNDS);
}

/** Runs a workload in rounds, the stores taking turns in each, and sums each store's time. */
async function interleaved(
  stores: BenchStore[],
  workload: Workload,
  events: number,
  work: (store: BenchStore, round: number) => Promise<void>,
): Promise<Figure[]> {
  const seconds = new Map<StoreName, number>(stores.map((store) => [store.name, 0]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const store of stores) {
      const started = process.hrtime.bigint();
      await work(store, round);
      seconds.set(store.name, seconds.get(store.name)! + Number(process.hrtime.bigint() - started) / 1e9);
    }
  }
  return stores.map((store) => {
    const s = seconds.get(store.name)!;
    return { store: store.name, workload, events, seconds: s, eventsPerSecond: events / s };
  });
}

async function benchmark(opens: Array<() => Promise<BenchStore>>): Promise<Figure[]> {
  const stores: BenchStore[] = [];
  try {
    for (const open of opens) stores.push(await open());
    // Warm-up (JIT, prepared statements, caches), not counted.
    for (const store of stores) {
      await singleAppends(store, 'warm', 200, CLIENTS);
      await batchAppends(store, 'warm', 2);
    }
    const warm = 200 + 2 * BATCH_SIZE;
    const figures = [
      ...(await interleaved(stores, 'single-1', SINGLE, (store, r) => singleAppends(store, `s1-${r}`, share(SINGLE, r), 1))),
      ...(await interleaved(stores, 'single-8', CONCURRENT, (store, r) => singleAppends(store, `s8-${r}`, share(CONCURRENT, r), CLIENTS))),
      ...(await interleaved(stores, 'batch-1000', BATCHES * BATCH_SIZE, (store, r) => batchAppends(store, `b-${r}`, share(BATCHES, r)))),
    ];
    const total = warm + SINGLE + CONCURRENT + BATCHES * BATCH_SIZE;
    const read = new Map<StoreName, number>(stores.map((store) => [store.name, 0]));
    figures.push(
      ...(await interleaved(stores, 'read-all', total, async (store, r) => {
        read.set(store.name, read.get(store.name)! + (await store.readNext(share(total, r))));
      })),
    );
    for (const store of stores) {
      const beyond = await store.readNext(READ_BATCH);
      if (read.get(store.name) !== total || beyond !== 0) {
        throw new Error(`${store.name} read ${read.get(store.name)! + beyond} events back, wrote ${total}`);
      }
    }
    return figures;
  } finally {
    for (const store of stores) await store.close();
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
  write(
    `single-1 ${SINGLE}, single-8 ${CONCURRENT} (${CLIENTS} clients), batch-1000 ${BATCHES} x ${BATCH_SIZE}; ${ROUNDS} interleaved rounds\n`,
  );

  const unknown = [...SELECTED].filter((name) => !STORES.includes(name as StoreName));
  if (unknown.length > 0) throw new Error(`BENCH_STORES names unknown stores: ${unknown.join(', ')} (known: ${STORES.join(', ')})`);
  const opens: Record<StoreName, () => Promise<BenchStore>> = {
    sqlite: openSqlite,
    postgres: () => openPostgres(connectionString),
    emmett: () => openEmmett(connectionString),
  };
  const figures = await benchmark(STORES.filter((name) => SELECTED.has(name)).map((name) => opens[name]));
  figures.sort((a, b) => STORES.indexOf(a.store) - STORES.indexOf(b.store));
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
      sizes: { single: SINGLE, concurrent: CONCURRENT, clients: CLIENTS, batches: BATCHES, batchSize: BATCH_SIZE, rounds: ROUNDS },
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
