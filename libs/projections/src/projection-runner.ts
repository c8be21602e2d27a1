import type { EventStore, RecordedEvent } from '@app/event-store';
import type { Projection, ProjectionState, ProjectionStatus, RebuildProgress } from './projection.port';

export interface ProjectionRunnerOptions {
  /** Most events applied in one transaction while live (default 2,000). */
  batchSize?: number;
  /** How long a live batch waits for more events before it is applied (default 10 ms). */
  batchDelayMs?: number;
  /** Events read and applied per batch during a rebuild (default 5,000: small enough to report progress at least once a second). */
  rebuildBatchSize?: number;
  onError?: (error: unknown) => void;
}

const TIMEOUT = Symbol('timeout');

/**
 * Runs one projection: follows the store's subscription from the projection's checkpoint,
 * applying events in batches (each batch and its checkpoint in one transaction), and rebuilds
 * it from position 1 on demand. Live batching trades at most `batchDelayMs` of latency for far
 * fewer transactions.
 */
export class ProjectionRunner {
  private state: ProjectionState = 'stopped';
  private error: string | null = null;
  private position = 0;
  private abort: AbortController | null = null;
  private loop: Promise<void> | null = null;
  private readonly waiters: Array<{ position: number; resolve: () => void }> = [];

  constructor(
    private readonly store: EventStore,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  async start(): Promise<void> {
    if (this.loop) return;
    this.position = await this.projection.checkpoint();
    this.abort = new AbortController();
    this.state = 'catching-up';
    this.error = null;
    this.loop = this.follow(this.abort.signal).catch((error: unknown) => {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      this.options.onError?.(error);
    });
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.loop;
    this.loop = null;
    this.abort = null;
    if (this.state !== 'failed') this.state = 'stopped';
  }

  async status(): Promise<ProjectionStatus> {
    const head = await this.store.headPosition();
    return {
      name: this.projection.name,
      position: this.position,
      head,
      lag: Math.max(0, head - this.position),
      state: this.state,
      error: this.error,
    };
  }

  /** Resolves once the projection has applied `position` (or the current head when omitted). */
  async caughtUp(position?: number, timeoutMs = 30_000): Promise<void> {
    const target = position ?? (await this.store.headPosition());
    if (this.position >= target) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.projection.name} did not reach position ${target} within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push({
        position: target,
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
      });
    });
  }

  /**
   * Empties the read model and replays the whole log into it, reporting progress after every
   * batch; live following resumes afterwards.
   */
  async rebuild(onProgress?: (progress: RebuildProgress) => void): Promise<RebuildProgress> {
    const wasRunning = this.loop !== null;
    await this.stop();
    this.state = 'rebuilding';
    this.error = null;
    const batchSize = this.options.rebuildBatchSize ?? 5_000;
    const started = performance.now();
    try {
      await this.projection.reset();
      this.position = 0;
      const total = await this.store.headPosition();
      let applied = 0;
      const progress = (): RebuildProgress => {
        const elapsedMs = performance.now() - started;
        return { applied, total, elapsedMs, eventsPerSecond: elapsedMs > 0 ? Math.round((applied / elapsedMs) * 1000) : 0 };
      };
      let next = this.store.readAll({ fromPosition: 1, toPosition: total, limit: batchSize });
      for (;;) {
        const batch = await next;
        if (batch.length === 0) break;
        const last = batch[batch.length - 1].position;
        next = last < total ? this.store.readAll({ fromPosition: last + 1, toPosition: total, limit: batchSize }) : Promise.resolve([]);
        await this.projection.apply(batch);
        applied += batch.length;
        this.advanced(last);
        onProgress?.(progress());
      }
      await this.projection.rebuilt?.();
      const done = progress();
      this.state = 'stopped';
      if (wasRunning) await this.start();
      return done;
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const batchSize = this.options.batchSize ?? 2_000;
    const delay = this.options.batchDelayMs ?? 10;
    const iterator = this.store.subscribeToAll({ fromPosition: this.position + 1, signal, batchSize })[Symbol.asyncIterator]();
    let pending = iterator.next();
    try {
      while (!signal.aborted) {
        if (this.state === 'catching-up' && this.position >= (await this.store.headPosition())) this.state = 'live';
        const first = await pending;
        if (first.done) return;
        pending = iterator.next();
        const batch: RecordedEvent[] = [first.value];
        const timeout = sleep(delay);
        while (batch.length < batchSize) {
          const next = await Promise.race([pending, timeout]);
          if (next === TIMEOUT) break;
          if (next.done) break;
          batch.push(next.value);
          pending = iterator.next();
        }
        await this.projection.apply(batch);
        this.advanced(batch[batch.length - 1].position);
      }
    } finally {
      await iterator.return?.();
    }
  }

  private advanced(position: number): void {
    this.position = position;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= position) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
  }
}

function sleep(ms: number): Promise<typeof TIMEOUT> {
  return new Promise((resolve) => setTimeout(() => resolve(TIMEOUT), ms));
}
