import type { ReadAllOptions, RecordedEvent, SubscribeOptions } from './event-store.port';

/**
 * A catch-up-then-live subscription over `readAll`, shared by the adapters whose positions are
 * handed out in commit order (all of ours): reading `position >= next` can never skip an event.
 * `appended` wakes it when new events may exist: at once on an in-process append, or after the
 * adapter's poll interval for appends made by other processes.
 */
export async function* liveSubscription(
  readAll: (options: ReadAllOptions) => Promise<RecordedEvent[]>,
  appended: AppendSignal,
  options: SubscribeOptions = {},
): AsyncGenerator<RecordedEvent> {
  const batchSize = options.batchSize ?? 1_000;
  const stop = new AbortController();
  const outer = options.signal;
  const onAbort = () => stop.abort();
  outer?.addEventListener('abort', onAbort, { once: true });
  let next = options.fromPosition ?? 1;
  try {
    while (!stop.signal.aborted) {
      // Taken before the read, so that an append landing between the read and the wait
      // still wakes us (no lost wake-up).
      const mark = appended.mark();
      const batch = await readAll({ fromPosition: next, limit: batchSize });
      for (const event of batch) {
        if (stop.signal.aborted) return;
        yield event;
        next = event.position + 1;
      }
      if (batch.length < batchSize) await appended.wait(stop.signal, mark);
    }
  } finally {
    outer?.removeEventListener('abort', onAbort);
    stop.abort();
  }
}

/**
 * Wakes waiting subscribers when this process appends, and otherwise after `pollMs` so that
 * appends from other processes are seen too.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  private appends = 0;

  constructor(private readonly pollMs: number) {}

  /** A token for `wait`: any append after it makes `wait` return at once. */
  mark(): number {
    return this.appends;
  }

  notify(): void {
    this.appends++;
    const waiters = this.waiters;
    this.waiters = new Set();
    for (const wake of waiters) wake();
  }

  wait(signal: AbortSignal, mark: number): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted || mark !== this.appends) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, this.pollMs);
      signal.addEventListener('abort', done, { once: true });
      this.waiters.add(done);
    });
  }
}
