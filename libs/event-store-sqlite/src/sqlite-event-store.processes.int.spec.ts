import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SqliteEventStore } from './sqlite-event-store';

const root = resolve(__dirname, '../../..');

function runProcess(script: string, args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [script, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => done({ code, stderr }));
  });
}

describe('SqliteEventStore used by two processes at once', () => {
  let dir: string;
  let appender: string;
  let built: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-processes-'));
    mkdirSync(join(root, '.local'), { recursive: true });
    // Inside the repository so that the child resolves node_modules.
    const out = mkdtempSync(join(root, '.local', 'test-build-'));
    built = out;
    execFileSync(join(root, 'node_modules/.bin/swc'), ['libs/event-store/src', 'libs/event-store-sqlite/src', '-d', out, '--quiet'], {
      cwd: root,
    });
    appender = join(out, 'libs/event-store-sqlite/src/testing/sqlite-appender.process.js');
  }, 60_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(built, { recursive: true, force: true });
  });

  it('queues appenders from two processes and this one, never surfacing "database is locked"', async () => {
    const filename = join(dir, 'shared.sqlite');
    const here = new SqliteEventStore({ filename });
    const children = [runProcess(appender, [filename, 'p1', '400', '5']), runProcess(appender, [filename, 'p2', '400', '5'])];
    const mine = (async () => {
      for (let i = 0; i < 400; i++)
        await here.append(`here-${i % 5}`, [
          { type: 'Tick', data: { i } },
          { type: 'Tick', data: { i } },
        ]);
    })();
    const results = await Promise.all(children);
    await mine;
    for (const result of results) expect(result).toEqual({ code: 0, stderr: '' });
    expect(await here.headPosition()).toBe(400 * 5 * 2 + 400 * 2);
    expect(await here.verify()).toEqual({ ok: true, checked: 4_800, firstBrokenPosition: null });
    const all = await here.readAll({ limit: 10_000 });
    expect(all.every((event, index) => event.position === index + 1)).toBe(true);
    await here.close();
  }, 120_000);
});
