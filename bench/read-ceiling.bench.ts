/**
 * Read ceiling benchmark (`npm run bench:read-ceiling`): how fast this machine can hand back
 * stored events at all, the yardstick for the stores' `readAll` figures. For SQLite and
 * PostgreSQL, over the same N events (BENCH_CEILING_EVENTS, default 100,000: the store
 * benchmark's facts, appended 1,000 at a time), in one run:
 *
 *   readAll   the store's readAll, pages of 5,000: rows fetched, data and metadata parsed
 *   fetch     the same query through the same driver, data and metadata left as text
 *   parse     JSON.parse of those texts alone: no driver, no I/O
 *   ceiling   1 / (1/fetch + 1/parse), a reader that fetches and then parses; readAll can beat it
 *             only by overlapping the two (PostgreSQL's rows arrive while earlier ones are parsed)
 *
 * Each figure is the median of BENCH_CEILING_ROUNDS rounds (default 5), in events/s. Prints a
 * table and, as the last line, one JSON object. PostgreSQL runs when DATABASE_URL is set
 * (`npm run bench:read-ceiling` starts it).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client, Pool } from 'pg';
import type { EventStore } from '@app/event-store';
import { PostgresEventStore } from '@app/event-store-postgres';
import { SqliteEventStore } from '@app/event-store-sqlite';
import { caseFact } from './support/case-fact';

const EVENTS = Number(process.env.BENCH_CEILING_EVENTS ?? 100_000);
const ROUNDS = Number(process.env.BENCH_CEILING_ROUNDS ?? 5);
const PAGE = 5_000;
const COLUMNS = 'position, event_id, stream, version, type, data, metadata, recorded_at, hash';

type Measure = 'readAll' | 'fetch' | 'parse' | 'ceiling';
type Figures = Record<Measure, number>;

/** One store's ways of reading the same rows: through the port, and through its driver without parsing. */
interface Subject {
  name: 'sqlite' | 'postgres';
  store: EventStore;
  /** Up to PAGE full rows from position `from` on, in position order, every column as the driver gives it unparsed. */
  fetchPage(from: number): Promise<unknown[][]>;
  close(): Promise<void>;
}

const write = (line = '') => process.stdout.write(`${line}\n`);

async function fill(store: EventStore): Promise<void> {
  for (let b = 0; b * 1_000 < EVENTS; b++) {
    const size = Math.min(1_000, EVENTS - b * 1_000);
    await store.append(
      `ceiling-${b}`,
      Array.from({ length: size }, (_, i) => caseFact('ceiling', b * 1_000 + i)),
    );
  }
}

async function sqliteSubject(): Promise<Subject> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-ceiling-'));
  const filename = join(dir, 'events.sqlite');
  const store = new SqliteEventStore({ filename });
  await fill(store);
  const db = new Database(filename, { readonly: true });
  // The full row, as readAll fetches it, though only data and metadata are kept.
  const page = db.prepare<[number, number], unknown[]>(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).raw();
  return {
    name: 'sqlite',
    store,
    fetchPage: async (from) => page.all(from, PAGE),
    close: async () => {
      db.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function postgresSubject(connectionString: string): Promise<Subject> {
  const schema = `ceiling_${Date.now().toString(36)}`;
  const store = await PostgresEventStore.connect({ connectionString, schema });
  await fill(store);
  const pool = new Pool({ connectionString, max: 1 });
  // Every column as the text the server sent: no JSON.parse, no integer parsing.
  const asText = { getTypeParser: () => (value: string) => value };
  return {
    name: 'postgres',
    store,
    fetchPage: async (from) =>
      (
        await pool.query<string[]>({
          name: 'ceiling-fetch',
          text: `SELECT ${COLUMNS} FROM "${schema}".events WHERE position >= $1 ORDER BY position LIMIT $2`,
          values: [from, PAGE],
          rowMode: 'array',
          types: asText,
        })
      ).rows,
    close: async () => {
      await pool.end();
      await store.close();
      const client = new Client({ connectionString });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** Every row's data and metadata as text, in position order, fetched a page at a time. */
async function fetchTexts(subject: Subject): Promise<string[]> {
  const texts: string[] = [];
  for (let from = 1; ;) {
    const rows = await subject.fetchPage(from);
    for (const row of rows) texts.push(row[5] as string, row[6] as string);
    if (rows.length < PAGE) return texts;
    from = Number(rows[rows.length - 1][0]) + 1;
  }
}

async function readEverything(store: EventStore): Promise<number> {
  let read = 0;
  for (let from = 1; ;) {
    const batch = await store.readAll({ fromPosition: from, limit: PAGE });
    read += batch.length;
    if (batch.length < PAGE) return read;
    from = batch[batch.length - 1].position + 1;
  }
}

async function rate(events: number, work: () => Promise<unknown> | unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return events / (Number(process.hrtime.bigint() - started) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function measure(subject: Subject): Promise<Figures> {
  const samples: Record<Measure, number[]> = { readAll: [], fetch: [], parse: [], ceiling: [] };
  for (let round = 0; round < ROUNDS; round++) {
    const read = await rate(EVENTS, async () => {
      const count = await readEverything(subject.store);
      if (count !== EVENTS) throw new Error(`${subject.name} readAll returned ${count} events, not ${EVENTS}`);
    });
    let texts: string[] = [];
    const fetch = await rate(EVENTS, async () => {
      texts = await fetchTexts(subject);
    });
    let members = 0;
    const parse = await rate(EVENTS, () => {
      for (const text of texts) members += Object.keys(JSON.parse(text) as object).length;
    });
    if (members === 0) throw new Error('nothing was parsed');
    samples.readAll.push(read);
    samples.fetch.push(fetch);
    samples.parse.push(parse);
    samples.ceiling.push(1 / (1 / fetch + 1 / parse));
  }
  return {
    readAll: median(samples.readAll),
    fetch: median(samples.fetch),
    parse: median(samples.parse),
    ceiling: median(samples.ceiling),
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadBefore = loadavg()[0];
  write(
    `Read ceiling benchmark: ${EVENTS} events, median of ${ROUNDS} rounds, ${cpus().length} cores, Node ${process.versions.node}, load ${loadBefore.toFixed(2)}\n`,
  );
  const opens: Array<() => Promise<Subject>> = [sqliteSubject];
  const connectionString = process.env.DATABASE_URL;
  if (connectionString) opens.push(() => postgresSubject(connectionString));
  else write('PostgreSQL skipped: DATABASE_URL is not set (npm run bench:read-ceiling sets it)\n');

  const results: Array<{ store: Subject['name'] } & Figures> = [];
  for (const open of opens) {
    const subject = await open();
    try {
      results.push({ store: subject.name, ...(await measure(subject)) });
    } finally {
      await subject.close();
    }
  }

  const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');
  write('| store | readAll | fetch (text) | JSON.parse alone | ceiling (fetch then parse) | readAll / ceiling |');
  write('|---|---:|---:|---:|---:|---:|');
  for (const r of results) {
    write(
      `| ${r.store} | ${fmt(r.readAll)} | ${fmt(r.fetch)} | ${fmt(r.parse)} | ${fmt(r.ceiling)} | ${(r.readAll / r.ceiling).toFixed(2)} |`,
    );
  }
  write(
    `\nevents/s; ${((Date.now() - started) / 1000).toFixed(1)} s in all; load ${loadBefore.toFixed(2)} before, ${loadavg()[0].toFixed(2)} after\n`,
  );
  write(
    JSON.stringify({
      benchmark: 'read-ceiling',
      date: new Date().toISOString(),
      cores: cpus().length,
      node: process.versions.node,
      events: EVENTS,
      rounds: ROUNDS,
      figures: results,
      loadAverage: { before: loadBefore, after: loadavg()[0] },
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
