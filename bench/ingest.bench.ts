/**
 * Ingestion benchmark (`npm run bench:ingest`): Kafka to the event store through the real
 * ingestor pipeline (decode, validate, pseudonymise, one group commit per batch, offset commit).
 *
 *   raw       the same messages consumed by a bare KafkaJS group with eachBatch, only counted:
 *             the ceiling the client and broker allow on this machine
 *   sqlite    the ingestor app (IngestorModule) into SQLite, synchronous FULL
 *   postgres  the same into PostgreSQL, when DATABASE_URL is set
 *
 * N (BENCH_INGEST_EVENTS, default 200,000) realistic case-event CloudEvents are produced once to a
 * fresh topic (BENCH_INGEST_PARTITIONS, default 3); each run reads all of it with a fresh consumer
 * group into a fresh store. Each run is timed from the moment its consumer joined the group to the
 * last message counted (raw) or the `recordedAt` of the last event stored (the store's clock).
 * BENCH_INGEST_RUNS (default `raw,sqlite,postgres`) selects runs, e.g. `raw,sqlite`; the ratio to
 * raw is printed only when raw ran.
 * Prints a table, PASS/FAIL per target and, as the last line, one JSON object with every figure.
 */
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { KafkaJsClient, kafkaClientOptionsFromEnv, type KafkaClient, type KafkaOutgoingMessage } from '@app/kafka';
import { DeadLetterCipher } from '../apps/ingestor/src/dead-letters/dead-letter.cipher';
import { IngestorConsumer } from '../apps/ingestor/src/consume-events/ingestor.consumer';
import { IngestorModule } from '../apps/ingestor/src/ingestor.module';
import { boardEstablished, caseEvent } from '../apps/ingestor/src/testing/case-event.factory';
import { cpuMicrosPerEvent } from './support/cpu-time';
import { establishBoard } from './support/establish-board';

const EVENTS = Number(process.env.BENCH_INGEST_EVENTS ?? 200_000);
const PARTITIONS = Number(process.env.BENCH_INGEST_PARTITIONS ?? 3);
const TARGETS = { sqlite: 20_000, postgres: 15_000, ratioToRaw: 0.5 };
const RUN_NAMES = ['raw', 'sqlite', 'postgres'] as const;
type RunName = (typeof RUN_NAMES)[number];

interface Figure {
  run: RunName;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  ratioToRaw: number | null;
  /** CPU time of this process (all its threads) per event during the run: steadier than the rate on a shared machine. */
  cpuMicrosPerEvent: number;
}

const write = (line = '') => process.stdout.write(`${line}\n`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The runs BENCH_INGEST_RUNS selects (every run when unset). */
function selectedRuns(): Set<RunName> {
  const value = process.env.BENCH_INGEST_RUNS;
  if (!value) return new Set(RUN_NAMES);
  const names = value.split(',').map((name) => name.trim());
  const unknown = names.filter((name) => !(RUN_NAMES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`BENCH_INGEST_RUNS names unknown runs (${unknown.join(', ')}): use ${RUN_NAMES.join(',')}`);
  return new Set(names as RunName[]);
}

function brokers(): string {
  const value = process.env.KAFKA_BROKERS;
  if (!value) throw new Error('KAFKA_BROKERS is not set: run through scripts/with-services.sh (npm run bench:ingest)');
  return value;
}

async function produce(client: KafkaClient, topic: string, run: string): Promise<number> {
  const admin = client.admin();
  await admin.connect();
  await admin.ensureTopics([{ topic, numPartitions: PARTITIONS }]);
  await admin.disconnect();
  const producer = client.producer({ idempotent: true });
  await producer.connect();
  let bytes = 0;
  let chunk: KafkaOutgoingMessage[] = [];
  for (let n = 0; n < EVENTS; n++) {
    const event = caseEvent(n, { run });
    const value = Buffer.from(JSON.stringify(event));
    bytes += value.length;
    chunk.push({ key: event.id, value });
    if (chunk.length === 2_000 || n === EVENTS - 1) {
      await producer.send({ topic, messages: chunk });
      chunk = [];
    }
  }
  await producer.disconnect();
  return bytes / EVENTS;
}

/** (a) A bare consumer group over the topic, counting messages: no decoding, no store. */
async function rawConsume(client: KafkaClient, topic: string, run: string): Promise<Figure> {
  const consumer = client.consumer({ groupId: `bench-raw-${run}`, maxWaitTimeMs: 500, maxBytesPerPartition: 4 * 1024 * 1024 });
  let count = 0;
  let joined = 0;
  let last = 0;
  consumer.onGroupJoin(() => (joined ||= Date.now()));
  const cpu = process.cpuUsage();
  await consumer.connect();
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    partitionsConsumedConcurrently: PARTITIONS,
    eachBatch: async ({ batch, resolveOffset }) => {
      count += batch.messages.length;
      resolveOffset(batch.messages[batch.messages.length - 1].offset);
      last = Date.now();
    },
  });
  while (count < EVENTS) await sleep(20);
  const cpuMicros = cpuMicrosPerEvent(cpu, count);
  await consumer.disconnect();
  const seconds = (last - joined) / 1000;
  return { run: 'raw', events: count, seconds, eventsPerSecond: count / seconds, ratioToRaw: 1, cpuMicrosPerEvent: cpuMicros };
}

/** (b)/(c) The ingestor app over the topic into a fresh store, timed by the store's head position. */
async function pipeline(store: 'sqlite' | 'postgres', topic: string, run: string, env: Record<string, string>): Promise<Figure> {
  Object.assign(process.env, {
    LEDGER_STORE: store,
    INGESTOR_TOPICS: topic,
    INGESTOR_DEAD_LETTER_TOPIC: `${topic}.dead-letter`,
    INGESTOR_GROUP_ID: `bench-${store}-${run}`,
    LEDGER_DEAD_LETTER_KEY: DeadLetterCipher.randomKeySetting(),
    LOG_LEVEL: 'warn',
    ...env,
  });
  const base = await establishBoard(boardEstablished(run));
  const cpu = process.cpuUsage();
  const app = await NestFactory.createApplicationContext(IngestorModule, { logger: ['error', 'warn'] });
  const events = app.get<EventStore>(EVENT_STORE);
  const consumer = app.get(IngestorConsumer);
  const deadline = Date.now() + 30 * 60_000;
  let head = await events.headPosition();
  while (head < base + EVENTS) {
    if (Date.now() > deadline) throw new Error(`The ${store} run stored ${head - base} of ${EVENTS} events in 30 minutes`);
    await sleep(50);
    head = await events.headPosition();
  }
  const cpuMicros = cpuMicrosPerEvent(cpu, EVENTS);
  const [lastEvent] = await events.readAll({ fromPosition: head, limit: 1 });
  const joined = consumer.stats.firstJoinedAt;
  if (joined === null) throw new Error(`The ${store} run stored events without joining the group`);
  const seconds = (Date.parse(lastEvent.recordedAt) - joined) / 1000;
  await app.close();
  return {
    run: store,
    events: head - base,
    seconds,
    eventsPerSecond: EVENTS / seconds,
    ratioToRaw: null,
    cpuMicrosPerEvent: cpuMicros,
  };
}

async function main(): Promise<void> {
  const runs = selectedRuns();
  const run = randomUUID().slice(0, 8);
  const topic = `bench-${run}.case-events`;
  const client = new KafkaJsClient({
    ...kafkaClientOptionsFromEnv({ KAFKA_BROKERS: brokers(), KAFKA_CLIENT_ID: 'ingest-bench' }),
    logLevel: 'error',
  });
  write(
    `Ingestion benchmark: ${EVENTS} case events, ${PARTITIONS} partitions, runs ${[...runs].join(',')}, ${cpus().length} cores, node ${process.version}`,
  );
  const started = performance.now();
  const averageBytes = await produce(client, topic, run);
  write(
    `produced ${EVENTS} events (${averageBytes.toFixed(0)} bytes each on average) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const figures: Figure[] = [];
  if (runs.has('raw')) figures.push(await rawConsume(client, topic, run));
  if (runs.has('sqlite')) {
    const folder = mkdtempSync(join(tmpdir(), 'ingest-bench-'));
    try {
      figures.push(
        await pipeline('sqlite', topic, run, { LEDGER_SQLITE_FILE: join(folder, 'ledger.sqlite'), LEDGER_SQLITE_SYNCHRONOUS: 'FULL' }),
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  const postgres = runs.has('postgres') && process.env.DATABASE_URL !== undefined;
  if (postgres) {
    figures.push(
      await pipeline('postgres', topic, run, {
        LEDGER_PG_SCHEMA: `bench_ingest_${run}`,
        LEDGER_PSEUDONYMISATION_SECRET: `base64:${Buffer.alloc(32, 7).toString('base64')}`,
      }),
    );
  }
  const raw = figures.find((figure) => figure.run === 'raw')?.eventsPerSecond ?? null;
  for (const figure of figures) figure.ratioToRaw = raw === null ? null : figure.eventsPerSecond / raw;

  write();
  write('| run      |  events | seconds |  events/s | of raw | CPU µs/event |');
  write('|----------|--------:|--------:|----------:|-------:|-------------:|');
  for (const f of figures) {
    write(
      `| ${f.run.padEnd(8)} | ${String(f.events).padStart(7)} | ${f.seconds.toFixed(2).padStart(7)} | ${Math.round(f.eventsPerSecond).toLocaleString('en-GB').padStart(9)} | ${(f.ratioToRaw === null ? '-' : `${(f.ratioToRaw * 100).toFixed(0)}%`).padStart(6)} | ${f.cpuMicrosPerEvent.toFixed(1).padStart(12)} |`,
    );
  }
  write();
  const checks: Array<{ target: string; pass: boolean }> = [];
  for (const f of figures.filter((figure) => figure.run !== 'raw')) {
    const goal = f.run === 'sqlite' ? TARGETS.sqlite : TARGETS.postgres;
    checks.push({ target: `${f.run} >= ${goal.toLocaleString('en-GB')} events/s`, pass: f.eventsPerSecond >= goal });
    if (f.ratioToRaw === null) continue;
    checks.push({
      target: `${f.run} >= ${TARGETS.ratioToRaw * 100}% of the raw consume rate`,
      pass: f.ratioToRaw >= TARGETS.ratioToRaw,
    });
  }
  if (runs.has('postgres') && !postgres) write('postgres: skipped (DATABASE_URL is not set)');
  for (const check of checks) write(`${check.pass ? 'PASS' : 'FAIL'}  ${check.target}`);
  write(
    JSON.stringify({
      benchmark: 'ingest',
      events: EVENTS,
      partitions: PARTITIONS,
      averageBytes: Math.round(averageBytes),
      figures,
      checks,
    }),
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
