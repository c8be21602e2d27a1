import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
export const INGESTOR_MAIN = join(ROOT, 'dist', 'apps', 'ingestor', 'src', 'main.js');

/** The brokers of the real Kafka the test runs against; fails the test file clearly without one. */
export function requireKafkaBrokers(): string {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) {
    throw new Error(
      'KAFKA_BROKERS is not set: this test needs a real broker. Start one with `bash scripts/services/kafka.sh up` and pass ' +
        '`KAFKA_BROKERS=$(bash scripts/services/kafka.sh env | cut -d= -f2)`, or run through scripts/with-services.sh',
    );
  }
  return brokers;
}

/**
 * The built ingestor (`node dist/apps/ingestor/src/main.js`) as a real child process. Everything
 * it writes (stdout and stderr) is appended to `logFile` and kept in `output`.
 */
export class IngestorProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);
  output = '';

  constructor(
    private readonly env: Record<string, string>,
    private readonly logFile: string,
  ) {}

  start(): void {
    const child = spawn(process.execPath, [INGESTOR_MAIN], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', ...this.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const keep = (chunk: Buffer) => {
      this.output += chunk.toString('utf8');
      appendFileSync(this.logFile, chunk);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    this.child = child;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  async waitForLog(text: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.output.includes(text)) {
      if (!this.running) throw new Error(`The ingestor exited before logging "${text}":\n${this.output.slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`The ingestor did not log "${text}" within ${timeoutMs} ms:\n${this.output.slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Sends the signal and waits for the exit; resolves with the exit code (null when killed by the signal). */
  async stop(signal: NodeJS.Signals): Promise<number | null> {
    if (!this.running) return this.exited;
    this.child?.kill(signal);
    return this.exited;
  }
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
