import { setTimeout as sleep } from 'node:timers/promises';
import type { EventStore, RecordedEvent } from '@app/event-store';
import { RebuildUnderway, type Projection, type ProjectionState, type ProjectionStatus, type RebuildProgress } from './projection.port';

export interface ProjectionRunnerOptions {
  /** Most events applied in one transaction while live (default 2,000). */
  batchSize?: number;
  /** How long a live batch waits for more events before it is applied (default 10 ms). */
  batchDelayMs?: number;
  /** Events read and applied per batch during a rebuild (default 5,000: small enough to report progress at least once a second). */
  rebuildBatchSize?: number;
  /** How often a projector waiting for another process's rebuild looks again (default 1,000 ms). */
  rebuildPollMs?: number;
  onError?: (error: unknown) => void;
}

const TIMEOUT = Symbol('timeout');

/**
 * Runs one projection: follows the store's subscription from the projection's checkpoint,
 * applying events in batches (each batch and its checkpoint in one transaction), and rebuilds
 * it from position 1 on demand. Live batching trades at most `batchDelayMs` of latency for far
 * fewer transactions.
 *
 * A read model shared by several processes (an API and a CLI `rebuild`) may be rebuilt by
 * another one: while it is, this runner applies nothing (`waiting-for-rebuild`) and then
 * follows on from the checkpoint the rebuild left. A rebuild whose process stopped before it
 * finished (it crashed, or was killed) is carried on from its checkpoint by the next runner that
 * starts or looks again, so that the read model never stays half rebuilt.
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
    this.loop = this.run(this.abort.signal).catch((error: unknown) => {
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
    try {
      await this.projection.reset();
      this.position = 0;
      const done = await this.replay(onProgress);
      this.state = 'stopped';
      if (wasRunning) await this.start();
      return done;
    } catch (error) {
      this.state = 'failed';
      this.error = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  /**
   * Applies the log from the current position to the head in rebuild batches, reading the next
   * batch while one is applied, then lets the projection finish (`rebuilt`). When `signal` aborts
   * (the runner is stopped), it returns after the batch at hand and leaves the rebuild underway,
   * for the next runner to carry on.
   */
  private async replay(onProgress?: (progress: RebuildProgress) => void, signal?: AbortSignal): Promise<RebuildProgress> {
    const batchSize = this.options.rebuildBatchSize ?? 5_000;
    const started = performance.now();
    const total = await this.store.headPosition();
    let applied = 0;
    const progress = (): RebuildProgress => {
      const elapsedMs = performance.now() - started;
      return { applied, total, elapsedMs, eventsPerSecond: elapsedMs > 0 ? Math.round((applied / elapsedMs) * 1000) : 0 };
    };
    const read = (from: number) =>
      from <= total ? this.store.readAll({ fromPosition: from, toPosition: total, limit: batchSize }) : Promise.resolve([]);
    let next = read(this.position + 1);
    for (;;) {
      const batch = await next;
      if (batch.length === 0) break;
      if (signal?.aborted) return progress();
      const last = batch[batch.length - 1].position;
      next = read(last + 1);
      await this.projection.apply(batch);
      applied += batch.length;
      this.advanced(last);
      onProgress?.(progress());
    }
    await this.projection.rebuilt?.();
    return progress();
  }

  /**
   * Follows the log until stopped. Before following, and whenever a batch finds the read model
   * being rebuilt by another process, it looks at that rebuild: it waits while the rebuild goes
   * on, carries it on when it was abandoned, and follows from the stored checkpoint once it is done.
   */
  private async run(signal: AbortSignal): Promise<void> {
    const poll = this.options.rebuildPollMs ?? 1_000;
    while (!signal.aborted) {
      const underway = (await this.projection.rebuildUnderway?.()) ?? null;
      if (underway !== null) {
        if (underway.abandoned && (await this.projection.resumeRebuild?.())) {
          this.state = 'rebuilding';
          this.position = await this.projection.checkpoint();
          await this.replay(undefined, signal);
          this.state = 'catching-up';
        } else {
          this.state = 'waiting-for-rebuild';
          // Rejects when the runner is stopped, which the loop's condition then sees.
          await sleep(poll, undefined, { signal }).catch(() => undefined);
        }
        continue;
      }
      this.position = await this.projection.checkpoint();
      if (this.state !== 'live') this.state = 'catching-up';
      try {
        await this.follow(signal);
        return;
      } catch (error) {
        if (!(error instanceof RebuildUnderway)) throw error;
      }
    }
  }

  private async follow(signal: AbortSignal): Promise<void> {
    const batchSize = this.options.batchSize ?? 2_000;
    const delay = this.options.batchDelayMs ?? 10;
    // Its own signal too: when a batch fails, the subscription waiting for the next events must be
    // woken to end, or closing it would wait for an append that may never come.
    const ended = new AbortController();
    const subscription = this.store.subscribeToAll({
      fromPosition: this.position + 1,
      signal: AbortSignal.any([signal, ended.signal]),
      batchSize,
    });
    const iterator = subscription[Symbol.asyncIterator]();
    let pending = iterator.next();
    try {
      while (!signal.aborted) {
        if (this.state === 'catching-up' && this.position >= (await this.store.headPosition())) this.state = 'live';
        const first = await pending;
        if (first.done) return;
        pending = iterator.next();
        const batch: RecordedEvent[] = [first.value];
        const timeout = sleep(delay, TIMEOUT);
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
      ended.abort();
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
