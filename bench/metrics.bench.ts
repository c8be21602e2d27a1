/**
 * Metrics benchmark (`npm run bench:metrics`): a log of ~1,000,000 generated events for 6 boards
 * (the deterministic demo generator, ingested through the real pipeline into the embedded
 * SQLite store), then, in one run:
 *   read-all   the store's raw readAll rate over the whole log (the ceiling for a rebuild)
 *   project    read-all again, each batch through the metrics projector (FactProjector) with no
 *              storage: with read-all and rebuild, it splits a rebuild's time between reading the
 *              log, the projector, and writing the read model (its rows, indexes and daily totals)
 *   rebuild    the metrics projection rebuilt from position 1 (events/s, and its ratio to read-all)
 *              (both also as CPU µs per event of this process: steadier than a rate on a shared machine)
 *   metrics    p50/p99 of a board's full metrics request over HTTP (random board and quarter)
 *   lineage    p50/p99 of a lineage page over HTTP (50 units)
 *   as-known   p50/p99 of an asKnownAt metrics request for a board's financial year
 * Prints a table, PASS/FAIL per target and, as the last line, one JSON object with every figure.
 * BENCH_EVENTS sets the log size (default 1,000,000). BENCH_LEDGER_DIR keeps the log in that folder
 * and reuses it when it is already there (generating it is most of a run's time), so that the
 * projection can be measured again and again against the same log (each run adds the audit
 * events of its lineage requests, a few hundred).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cpuMicrosPerEvent } from './support/cpu-time';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const keptDir = process.env.BENCH_LEDGER_DIR;
const dir = keptDir ?? mkdtempSync(join(tmpdir(), 'ledger-bench-metrics-'));
const reuse = keptDir !== undefined && existsSync(join(keptDir, 'ledger.sqlite'));
if (keptDir !== undefined) mkdirSync(keptDir, { recursive: true });
const removeDir = () => {
  if (keptDir === undefined) rmSync(dir, { recursive: true, force: true });
};
Object.assign(process.env, {
  LEDGER_STORE: 'sqlite',
  LEDGER_SQLITE_FILE: join(dir, 'ledger.sqlite'),
  LEDGER_READ_MODEL_FILE: join(dir, 'read-model.sqlite'),
  LEDGER_RUN_PROJECTIONS: 'false',
  LEDGER_PSEUDONYMISATION_SECRET: `hex:${'3c'.repeat(32)}`,
  LOG_LEVEL: 'silent',
});

const write = (line = '') => process.stdout.write(`${line}\n`);

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function main(): Promise<void> {
  const { NestFactory } = await import('@nestjs/core');
  const { AppModule } = await import('../apps/api/src/app.module');
  const { configureApp } = await import('../apps/api/src/configure-app');
  const { generateDemo } = await import('@app/demo');
  const { IngestEvents } = await import('@app/ingestion');
  const { EVENT_STORE } = await import('@app/event-store');
  const { ProjectionRegistry } = await import('@app/projections');
  const { BOARD_SETTINGS, FactProjector, MetricQueries } = await import('@app/metrics');
  const { computeChildUnits } = await import('../libs/metrics/src/case');
  const { ALL_BOARDS, ApiKeyRing, IdentityContext } = await import('@app/security');
  type EventStore = import('@app/event-store').EventStore;

  const app = await NestFactory.create(AppModule, { logger: false });
  configureApp(app);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const { key } = await app
    .get(ApiKeyRing)
    .issue({ roles: ['analyst', 'auditor'], boards: [ALL_BOARDS], label: 'metrics benchmark', issuedBy: 'bench' });
  const headers: Record<string, string> = { authorization: `Bearer ${key}` };
  const loader = { subject: 'system:bench', kind: 'system' as const, roles: ['ingest' as const], boards: [ALL_BOARDS] };
  const store = app.get<EventStore>(EVENT_STORE);
  const ingestion = app.get(IngestEvents);
  const load = async () => {
    let batch: Array<{ raw: unknown; transport: { kind: 'internal'; name: string }; correlationId: string }> = [];
    let sent = 0;
    let rejected = 0;
    const reasons = new Map<string, number>();
    const flush = async () => {
      const items = batch;
      const outcomes = await IdentityContext.runAs(loader, () => ingestion.ingest(items, new Date('2026-04-01T12:00:00Z')));
      for (const outcome of outcomes) {
        if (outcome.status !== 'rejected') continue;
        rejected++;
        const reason = `${outcome.kind}: ${outcome.errors.map((e) => `${e.path} ${e.problem}`).join('; ')}`;
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      }
      batch = [];
    };
    for (const event of generateDemo({ boards: 6, years: 2, seed: 1, scale: Number(process.env.BENCH_SCALE ?? 8) })) {
      batch.push({ raw: event, transport: { kind: 'internal', name: 'bench' }, correlationId: 'bench' });
      sent++;
      if (batch.length === 1_000) await flush();
      if (sent >= EVENTS) break;
      if (sent % 100_000 === 0)
        write(`  loaded ${sent} events (${Math.round(sent / ((performance.now() - loadStarted) / 1000))} events/s)`);
    }
    await flush();
    const seconds = (performance.now() - loadStarted) / 1000;
    const stored = await store.headPosition();
    write(
      `  loaded ${sent} events in ${seconds.toFixed(1)} s: ${stored} stored, ${rejected} rejected by the contract or the board's rules`,
    );
    for (const [reason, count] of [...reasons].sort((a, b) => b[1] - a[1]).slice(0, 12)) write(`    ${count} x ${reason}`);
  };

  write(`metrics benchmark: ${EVENTS} events, ${cpus().length} cores, load ${loadavg()[0].toFixed(1)}, Node ${process.version}`);
  const loadStarted = performance.now();
  if (reuse) write(`  reusing the log in ${dir}: ${await store.headPosition()} events`);
  else await load();
  const head = await store.headPosition();
  const loadSeconds = (performance.now() - loadStarted) / 1000;

  const readStarted = performance.now();
  const readCpu = process.cpuUsage();
  let read = 0;
  for (let from = 1; from <= head;) {
    const events = await store.readAll({ fromPosition: from, limit: 10_000 });
    if (events.length === 0) break;
    read += events.length;
    from = events[events.length - 1].position + 1;
  }
  const readAllRate = read / ((performance.now() - readStarted) / 1000);
  const readAllCpu = Number(cpuMicrosPerEvent(readCpu, read).toFixed(1));

  // The rebuild's reading and projecting, without its storage: the same batches as the rebuild. In
  // a function of its own, so that the projector's state (about 1.5 GB at 1M events) is garbage
  // before the rebuild and the requests run: kept, it would double their heap and their GC pauses.
  const settingsOf = app.get<(boardId: string) => import('@app/metrics').BoardSettings>(BOARD_SETTINGS);
  const readAndProject = async () => {
    const projector = new FactProjector(computeChildUnits, settingsOf);
    const started = performance.now();
    for (let from = 1; from <= head;) {
      const events = await store.readAll({ fromPosition: from, limit: 5_000 });
      if (events.length === 0) break;
      projector.apply(events);
      from = events[events.length - 1].position + 1;
    }
    return ((performance.now() - started) * 1000) / head;
  };
  const projectMicros = await readAndProject();

  const registry = app.get(ProjectionRegistry);
  let progressReports = 0;
  const rebuildCpu = process.cpuUsage();
  const rebuild = await registry.get('metrics').rebuild(() => progressReports++);
  const rebuildRate = rebuild.eventsPerSecond;
  const rebuildCpuMicros = Number(cpuMicrosPerEvent(rebuildCpu, head).toFixed(1));
  const readMicros = 1e6 / readAllRate;
  const rebuildMicros = (rebuild.elapsedMs * 1000) / head;

  const queries = app.get(MetricQueries);
  const boards = (await queries.boards()).map((b) => b.boardId);
  const quarters = ['2024-25-Q1', '2024-25-Q2', '2024-25-Q3', '2024-25-Q4', '2025-26-Q1', '2025-26-Q2', '2025-26-Q3', '2025-26-Q4'];
  const pick = <T>(items: T[], i: number) => items[i % items.length];
  const time = async (path: string) => {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    await response.arrayBuffer();
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    return performance.now() - started;
  };
  const sample = async (count: number, path: (i: number) => string) => {
    for (let i = 0; i < 20; i++) await time(path(i));
    const samples: number[] = [];
    for (let i = 0; i < count; i++) samples.push(await time(path(i * 7 + 3)));
    return { p50: percentile(samples, 50), p99: percentile(samples, 99), count };
  };
  const metrics = await sample(300, (i) => `/v1/boards/${pick(boards, i)}/metrics?period=${pick(quarters, i >> 1)}`);
  const lineage = await sample(
    300,
    (i) =>
      `/v1/boards/${pick(boards, i)}/metrics/${pick(['CP-ICPC-15WD', 'CP-REREF-12M', 'CIN-ASSESS-TIMELY'], i)}/lineage?period=${pick(quarters, i >> 2)}&limit=50`,
  );
  const [middle] = await store.readPositions([Math.floor(head / 2)]);
  const asKnown = await sample(30, (i) => `/v1/boards/${pick(boards, i)}/metrics?period=2025-26&asKnownAt=${middle.recordedAt}`);

  const figures = {
    events: head,
    loadSeconds: Number(loadSeconds.toFixed(1)),
    readAllEventsPerSecond: Math.round(readAllRate),
    readAllCpuMicrosPerEvent: readAllCpu,
    rebuildEventsPerSecond: rebuildRate,
    rebuildSeconds: Number((rebuild.elapsedMs / 1000).toFixed(1)),
    rebuildToReadAll: Number((rebuildRate / readAllRate).toFixed(3)),
    rebuildCpuMicrosPerEvent: rebuildCpuMicros,
    rebuildMicrosPerEvent: Number(rebuildMicros.toFixed(1)),
    rebuildReadMicrosPerEvent: Number(readMicros.toFixed(1)),
    rebuildProjectorMicrosPerEvent: Number((projectMicros - readMicros).toFixed(1)),
    rebuildStorageMicrosPerEvent: Number((rebuildMicros - projectMicros).toFixed(1)),
    rebuildProgressReports: progressReports,
    metricsP50Ms: Number(metrics.p50.toFixed(1)),
    metricsP99Ms: Number(metrics.p99.toFixed(1)),
    lineageP50Ms: Number(lineage.p50.toFixed(1)),
    lineageP99Ms: Number(lineage.p99.toFixed(1)),
    asKnownAtP50Ms: Number(asKnown.p50.toFixed(1)),
    asKnownAtP99Ms: Number(asKnown.p99.toFixed(1)),
    cores: cpus().length,
    load: Number(loadavg()[0].toFixed(1)),
  };
  write();
  write('| measure | figure |');
  write('|---|---|');
  write(`| events in the log | ${figures.events} |`);
  write(`| store readAll | ${figures.readAllEventsPerSecond} events/s (${figures.readAllCpuMicrosPerEvent} CPU µs/event) |`);
  write(
    `| projection rebuild | ${figures.rebuildEventsPerSecond} events/s (${figures.rebuildSeconds} s, ${figures.rebuildCpuMicrosPerEvent} CPU µs/event), ${(figures.rebuildToReadAll * 100).toFixed(1)}% of readAll |`,
  );
  write(
    `| rebuild, where its time goes | ${figures.rebuildMicrosPerEvent} µs/event: reading the log ${figures.rebuildReadMicrosPerEvent}, projector ${figures.rebuildProjectorMicrosPerEvent}, read-model writes, indexes and daily totals ${figures.rebuildStorageMicrosPerEvent} |`,
  );
  write(`| board metrics request | p50 ${figures.metricsP50Ms} ms, p99 ${figures.metricsP99Ms} ms (${metrics.count} requests) |`);
  write(`| lineage page | p50 ${figures.lineageP50Ms} ms, p99 ${figures.lineageP99Ms} ms (${lineage.count} requests) |`);
  write(
    `| asKnownAt metrics (financial year) | p50 ${figures.asKnownAtP50Ms} ms, p99 ${figures.asKnownAtP99Ms} ms (${asKnown.count} requests) |`,
  );
  write();
  const target = (name: string, ok: boolean) => write(`${ok ? 'PASS' : 'FAIL'} ${name}`);
  target('rebuild >= 100,000 events/s on SQLite', figures.rebuildEventsPerSecond >= 100_000);
  target('rebuild >= 40% of readAll in the same run', figures.rebuildToReadAll >= 0.4);
  target('board metrics request p99 <= 50 ms', figures.metricsP99Ms <= 50);
  target('lineage page p99 <= 50 ms', figures.lineageP99Ms <= 50);
  target('asKnownAt metrics request <= 2 s', figures.asKnownAtP99Ms <= 2_000);
  await app.close();
  removeDir();
  write(JSON.stringify({ benchmark: 'metrics', ...figures }));
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  removeDir();
  process.exit(1);
});
