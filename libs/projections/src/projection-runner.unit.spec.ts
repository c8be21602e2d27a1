import { InMemoryEventStore, type RecordedEvent } from '@app/event-store';
import { ProjectionRunner } from './projection-runner';
import type { Projection, RebuildUnderwayState } from './projection.port';
import { untilState } from './testing/until-state';

/** A read model in memory: the types it has seen, in order; it refuses an event typed `Unreadable`. */
class TypesSeen implements Projection {
  readonly name = 'types-seen';
  readonly types: string[] = [];
  position = 0;
  underway: RebuildUnderwayState | null = null;

  async checkpoint(): Promise<number> {
    return this.position;
  }

  async apply(events: readonly RecordedEvent[]): Promise<void> {
    const bad = events.find((event) => event.type === 'Unreadable');
    if (bad) throw new Error(`event ${bad.position} is unreadable`);
    this.types.push(...events.map((event) => event.type));
    this.position = events[events.length - 1].position;
  }

  async reset(): Promise<void> {
    this.types.length = 0;
    this.position = 0;
  }

  async rebuildUnderway(): Promise<RebuildUnderwayState | null> {
    return this.underway;
  }

  async resumeRebuild(): Promise<boolean> {
    return false;
  }
}

describe('ProjectionRunner', () => {
  let store: InMemoryEventStore;
  let projection: TypesSeen;
  let runner: ProjectionRunner;

  beforeEach(() => {
    store = new InMemoryEventStore();
    projection = new TypesSeen();
    runner = new ProjectionRunner(store, projection, { batchDelayMs: 1, rebuildPollMs: 60_000 });
  });
  afterEach(() => runner.stop());

  it('reports failed, with the error, when a batch fails while it follows the log live', async () => {
    await store.append('a', [{ type: 'Readable', data: {} }]);
    await runner.start();
    await runner.caughtUp();
    await store.append('b', [{ type: 'Unreadable', data: {} }]);

    await untilState(runner, 'failed');
    expect(await runner.status()).toMatchObject({ state: 'failed', position: 1, lag: 1, error: 'event 2 is unreadable' });
    expect(projection.types).toEqual(['Readable']);
  });

  it('waits while another process rebuilds the read model, and stops at once when asked', async () => {
    await store.append('a', [{ type: 'Readable', data: {} }]);
    projection.underway = { since: new Date(), abandoned: false };
    await runner.start();
    await untilState(runner, 'waiting-for-rebuild');
    expect(projection.types).toEqual([]);

    const asked = performance.now();
    await runner.stop();
    expect(performance.now() - asked).toBeLessThan(1_000);
    expect((await runner.status()).state).toBe('stopped');
  });

  it('follows on from the checkpoint the other process left once its rebuild is done', async () => {
    for (const type of ['One', 'Two', 'Three']) await store.append(type, [{ type, data: {} }]);
    projection.underway = { since: new Date(), abandoned: false };
    runner = new ProjectionRunner(store, projection, { batchDelayMs: 1, rebuildPollMs: 10 });
    await runner.start();
    await untilState(runner, 'waiting-for-rebuild');

    // The other process rebuilt the first two events, then finished.
    projection.types.push('One', 'Two');
    projection.position = 2;
    projection.underway = null;
    await untilState(runner, 'live');
    await runner.caughtUp();
    expect(projection.types).toEqual(['One', 'Two', 'Three']);
  });
});
