import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parsePeriod } from '@app/calendar';
import { SqliteEventStore } from '@app/event-store-sqlite';
import { ProjectionRunner } from '@app/projections';
import { untilState } from '@app/projections/testing/until-state';
import { CASE_METRIC_DEFINITIONS, computeChildUnits } from '../case';
import { DEFAULT_BOARD_SETTINGS } from '../facts/fact';
import { SqliteMetricsReadModel } from './sqlite-metrics-read-model';
import { syntheticCaseLog } from './testing/synthetic-case-log';

const root = resolve(__dirname, '../../../..');
const year = parsePeriod('2024-25');

describe('SqliteMetricsReadModel rebuilt by a process that is killed half-way', () => {
  let dir: string;
  let built: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-kill-'));
    mkdirSync(join(root, '.local'), { recursive: true });
    // Inside the repository so that the child resolves node_modules.
    built = mkdtempSync(join(root, '.local', 'test-build-'));
    execFileSync(join(root, 'node_modules/.bin/swc'), ['libs', '-d', built, '--copy-files', '--quiet'], { cwd: root });
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  });

  it('is carried on by the next projector, into the read model a rebuild that ran through gives', async () => {
    const logFile = join(dir, 'ledger.sqlite');
    const store = new SqliteEventStore({ filename: logFile });
    const log = syntheticCaseLog({ children: 4_000, seed: 7 });
    for (let i = 0; i < log.length; i += 500) {
      await store.appendMany(log.slice(i, i + 500).map((event, j) => ({ stream: `case-${i + j}`, events: [event] })));
    }
    const head = await store.headPosition();

    // The rebuilding process is killed once it has applied a few batches of 250 events.
    const readModelFile = join(dir, 'read-model.sqlite');
    const child = spawn(
      process.execPath,
      [join(built, 'libs/metrics/src/read-model/testing/sqlite-rebuild.process.js'), logFile, readModelFile, '250'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').filter(Boolean).length;
      if (lines >= 4) child.kill('SIGKILL');
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.on('close', (code, signal) => done({ code, signal })),
    );
    expect({ ...exit, stderr }).toEqual({ code: null, signal: 'SIGKILL', stderr: '' });

    const reopened = new SqliteMetricsReadModel({
      filename: readModelFile,
      childUnits: computeChildUnits,
      settingsOf: () => DEFAULT_BOARD_SETTINGS,
      rebuildAbandonedAfterMs: 500,
    });
    const applied = await reopened.checkpoint();
    expect(applied).toBeGreaterThanOrEqual(1_000);
    expect(applied).toBeLessThan(head);
    expect(await reopened.rebuildUnderway()).not.toBeNull();

    const runner = new ProjectionRunner(store, reopened, { rebuildPollMs: 50 });
    await runner.start();
    await untilState(runner, 'live', 30_000);
    await runner.stop();

    const clean = new SqliteMetricsReadModel({
      filename: join(dir, 'clean.sqlite'),
      childUnits: computeChildUnits,
      settingsOf: () => DEFAULT_BOARD_SETTINGS,
    });
    await new ProjectionRunner(store, clean).rebuild();
    expect(await reopened.rebuildUnderway()).toBeNull();
    expect(await reopened.checkpoint()).toBe(head);
    expect(await reopened.digest()).toBe(await clean.digest());
    // Current totals (from the daily totals the carried-on rebuild made) for every case metric.
    let withUnits = 0;
    for (const { code: metric } of CASE_METRIC_DEFINITIONS) {
      const totals = await reopened.unitTotals('cv', metric, year, null);
      expect(totals).toEqual(await clean.unitTotals('cv', metric, year, null));
      if (totals.length > 0) withUnits++;
    }
    expect(withUnits).toBeGreaterThanOrEqual(4);
    reopened.close();
    clean.close();
    await store.close();
  }, 180_000);
});
