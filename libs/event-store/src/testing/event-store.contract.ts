import { EventIdConflict, StreamVersionConflict } from '../event-store.errors';
import type { EventStore, NewEvent, RecordedEvent } from '../event-store.port';

/**
 * What an adapter gives the contract suite. `create` is called once per test and must return
 * an empty store of its own (a fresh file, schema or namespace).
 */
export interface EventStoreHarness {
  store: EventStore;
  /** Another client of the same backing store, as a second process would open it. */
  openAnother(options?: { commitDelayMs?: () => number }): Promise<EventStore>;
  /** Changes the stored data of the event at `position` behind the store's back. */
  tamper(position: number): Promise<void>;
  dispose(): Promise<void>;
}

export interface ContractOptions {
  /** When set, the whole suite is skipped and the reason is printed once. */
  skipReason?: string;
  /** Events in the concurrent-writers subscription test (default 50,000). */
  concurrentEvents?: number;
}

const event = (type: string, data: Record<string, unknown> = {}, eventId?: string): NewEvent => ({
  eventId,
  type,
  data,
  metadata: { correlationId: 'corr-1', causationId: 'cause-1', source: 'urn:test', sourceEventId: `src-${type}` },
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function take(iterable: AsyncIterable<RecordedEvent>, count: number, timeoutMs = 60_000): Promise<RecordedEvent[]> {
  const seen: RecordedEvent[] = [];
  const deadline = Date.now() + timeoutMs;
  for await (const recorded of iterable) {
    seen.push(recorded);
    if (seen.length >= count || Date.now() > deadline) break;
  }
  return seen;
}

/**
 * The one suite every event store adapter runs, in full:
 * `describeEventStoreContract('SqliteEventStore', () => startSqliteEventStore())`.
 */
export function describeEventStoreContract(name: string, create: () => Promise<EventStoreHarness>, options: ContractOptions = {}): void {
  if (options.skipReason) {
    describe(`${name} satisfies the event store contract`, () => {
      it.skip(`skipped: ${options.skipReason}`, () => undefined);
    });
    // Said plainly in the run's output, not only as a skipped test.
    process.stdout.write(`\n${name} contract suite SKIPPED: ${options.skipReason}\n`);
    return;
  }

  describe(`${name} satisfies the event store contract`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;

    beforeEach(async () => {
      harness = await create();
      store = harness.store;
    });
    afterEach(async () => {
      await harness.dispose();
    });

    describe('append and read', () => {
      it('stores every field of an event and reads the stream back in version order', async () => {
        const before = Date.now();
        const result = await store.append(
          'audit-a1',
          [event('AuditScheduled', { auditId: 'a1' }), event('AuditCompleted', { auditId: 'a1' })],
          {
            expectedVersion: 'no-stream',
          },
        );
        expect(result.nextExpectedVersion).toBe(2);
        expect(result.events.map((e) => [e.version, e.position, e.status])).toEqual([
          [1, 1, 'appended'],
          [2, 2, 'appended'],
        ]);

        const read = await store.readStream('audit-a1');
        expect(read.map((e) => e.type)).toEqual(['AuditScheduled', 'AuditCompleted']);
        const [first] = read;
        expect(first).toEqual({
          eventId: result.events[0].eventId,
          type: 'AuditScheduled',
          stream: 'audit-a1',
          version: 1,
          position: 1,
          data: { auditId: 'a1' },
          metadata: { correlationId: 'corr-1', causationId: 'cause-1', source: 'urn:test', sourceEventId: 'src-AuditScheduled' },
          recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
        expect(Date.parse(first.recordedAt)).toBeGreaterThanOrEqual(before - 1_000);
        expect(read[1].hash).not.toEqual(first.hash);
      });

      it('keeps nested data, unicode and numbers exactly', async () => {
        const data = {
          title: 'Cyfarfod y Bwrdd – “Ionawr” 👪',
          amountPence: 1234567,
          ratio: 0.1,
          nested: { list: [1, 'two', null, true] },
        };
        await store.append('board-x', [event('BoardMeetingHeld', data)]);
        const [read] = await store.readStream('board-x');
        expect(read.data).toEqual(data);
      });

      it('reads a stream from a version', async () => {
        await store.append('s', [event('A'), event('B'), event('C')]);
        expect((await store.readStream('s', { fromVersion: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
        expect(await store.readStream('missing')).toEqual([]);
      });

      it('reads all events in global order across streams, from a position, with a limit', async () => {
        await store.append('s1', [event('A')]);
        await store.append('s2', [event('B'), event('C')]);
        await store.append('s1', [event('D')]);
        const all = await store.readAll();
        expect(all.map((e) => [e.position, e.stream, e.version, e.type])).toEqual([
          [1, 's1', 1, 'A'],
          [2, 's2', 1, 'B'],
          [3, 's2', 2, 'C'],
          [4, 's1', 2, 'D'],
        ]);
        expect((await store.readAll({ fromPosition: 2, limit: 2 })).map((e) => e.type)).toEqual(['B', 'C']);
        expect((await store.readAll({ fromPosition: 2, toPosition: 2 })).map((e) => e.type)).toEqual(['B']);
        expect(await store.readAll({ fromPosition: 5 })).toEqual([]);
        expect(await store.headPosition()).toBe(4);
      });

      it('reads events by position for lineage, in position order, leaving out positions that do not exist', async () => {
        await store.append('s1', [event('A'), event('B'), event('C'), event('D')]);
        const read = await store.readPositions([4, 2, 9, 2, 0]);
        expect(read.map((e) => [e.position, e.type])).toEqual([
          [2, 'B'],
          [4, 'D'],
        ]);
        expect(await store.readPositions([])).toEqual([]);
      });

      it('answers the head position of an empty log as 0', async () => {
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects an append when the expected version is stale, naming both versions', async () => {
        await store.append('plan-1', [event('A'), event('B')]);
        const error = await store.append('plan-1', [event('C')], { expectedVersion: 1 }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(StreamVersionConflict);
        expect(error).toMatchObject({ stream: 'plan-1', expected: 1, actual: 2 });
        expect((await store.readStream('plan-1')).length).toBe(2);
      });

      it('honours no-stream, stream-exists, any and an exact version', async () => {
        await expect(store.append('s', [event('A')], { expectedVersion: 'stream-exists' })).rejects.toBeInstanceOf(StreamVersionConflict);
        await store.append('s', [event('A')], { expectedVersion: 'no-stream' });
        await expect(store.append('s', [event('B')], { expectedVersion: 'no-stream' })).rejects.toBeInstanceOf(StreamVersionConflict);
        await store.append('s', [event('B')], { expectedVersion: 'stream-exists' });
        await store.append('s', [event('C')], { expectedVersion: 2 });
        await store.append('s', [event('D')], { expectedVersion: 'any' });
        expect((await store.readStream('s')).map((e) => e.version)).toEqual([1, 2, 3, 4]);
      });

      it('lets exactly one of many concurrent appenders win each version of one stream', async () => {
        const others = await Promise.all([harness.openAnother(), harness.openAnother()]);
        const writers = [store, ...others];
        try {
          for (let version = 0; version < 5; version++) {
            const attempts = await Promise.allSettled(
              Array.from({ length: 9 }, (_, i) =>
                writers[i % writers.length].append('contested', [event(`V${version}-${i}`)], { expectedVersion: version }),
              ),
            );
            const won = attempts.filter((a) => a.status === 'fulfilled');
            const lost = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected');
            expect(won).toHaveLength(1);
            expect(lost).toHaveLength(8);
            for (const failure of lost) expect(failure.reason).toBeInstanceOf(StreamVersionConflict);
          }
          const stream = await store.readStream('contested');
          expect(stream.map((e) => e.version)).toEqual([1, 2, 3, 4, 5]);
          expect((await store.verify()).ok).toBe(true);
        } finally {
          await Promise.all(others.map((other) => other.close()));
        }
      });

      it('appends every event of writers racing on one stream with any version, gapless', async () => {
        const others = await Promise.all([harness.openAnother(), harness.openAnother()]);
        const writers = [store, ...others];
        try {
          await Promise.all(
            writers.map(async (writer, w) => {
              for (let i = 0; i < 60; i++) await writer.append('shared', [event(`W${w}-${i}`)]);
            }),
          );
          const stream = await store.readStream('shared');
          expect(stream.map((e) => e.version)).toEqual(Array.from({ length: 180 }, (_, i) => i + 1));
          expect(new Set(stream.map((e) => e.type)).size).toBe(180);
          expect((await store.verify()).ok).toBe(true);
        } finally {
          await Promise.all(others.map((other) => other.close()));
        }
      });

      it('writes nothing when an append fails', async () => {
        await store.append('s', [event('A')]);
        await expect(store.append('s', [event('B'), event('C')], { expectedVersion: 0 })).rejects.toBeInstanceOf(StreamVersionConflict);
        expect(await store.headPosition()).toBe(1);
        await store.append('t', [event('D')]);
        expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2]);
      });
    });

    describe('idempotency', () => {
      it('does not store an event id twice: a retried append reports duplicates at the original positions', async () => {
        const first = await store.append('s', [event('A', { n: 1 }, 'e-1'), event('B', { n: 2 }, 'e-2')], { expectedVersion: 'no-stream' });
        const retry = await store.append('s', [event('A', { n: 1 }, 'e-1'), event('B', { n: 2 }, 'e-2')], { expectedVersion: 'no-stream' });
        expect(retry.events).toEqual(first.events.map((e) => ({ ...e, status: 'duplicate' })));
        expect(retry.nextExpectedVersion).toBe(2);
        expect(await store.headPosition()).toBe(2);
      });

      it('stores only the new events of an append that repeats some ids', async () => {
        await store.append('s', [event('A', { n: 1 }, 'e-1')]);
        const result = await store.append('s', [event('A', { n: 1 }, 'e-1'), event('B', { n: 2 }, 'e-2')]);
        expect(result.events.map((e) => [e.eventId, e.status, e.position])).toEqual([
          ['e-1', 'duplicate', 1],
          ['e-2', 'appended', 2],
        ]);
      });

      it('rejects a stored event id reused with other content, and stores nothing of that append', async () => {
        await store.append('s', [event('A', { n: 1 }, 'e-1')]);
        const differentData = await store.append('s', [event('A', { n: 2 }, 'e-1')]).catch((e: unknown) => e);
        expect(differentData).toBeInstanceOf(EventIdConflict);
        expect(differentData).toMatchObject({ eventId: 'e-1' });
        await expect(store.append('other', [event('Z'), event('A', { n: 1 }, 'e-1')])).rejects.toBeInstanceOf(EventIdConflict);
        expect(await store.headPosition()).toBe(1);
      });

      it('treats the same content with other metadata as a duplicate', async () => {
        await store.append('s', [
          { eventId: 'e-1', type: 'A', data: { n: 1 }, metadata: { transport: { kind: 'http', requestId: 'r1' } } },
        ]);
        const retry = await store.append('s', [
          { eventId: 'e-1', type: 'A', data: { n: 1 }, metadata: { transport: { kind: 'kafka', topic: 't', partition: 0, offset: '9' } } },
        ]);
        expect(retry.events[0].status).toBe('duplicate');
      });
    });

    describe('group commit (appendMany)', () => {
      it('commits many streams together, in request order, and reports each outcome', async () => {
        await store.append('s2', [event('Existing')]);
        const outcomes = await store.appendMany([
          { stream: 's1', events: [event('A', {}, 'm-1'), event('B')], expectedVersion: 'no-stream' },
          { stream: 's2', events: [event('C')], expectedVersion: 0 },
          { stream: 's3', events: [event('D', { n: 1 }, 'm-1')] },
          { stream: 's1', events: [event('A', {}, 'm-1')] },
          { stream: 's4', events: [event('E')], expectedVersion: 'no-stream' },
        ]);
        expect(outcomes.map((o) => o.ok)).toEqual([true, false, false, true, true]);
        expect(outcomes[1]).toMatchObject({ ok: false, error: expect.any(StreamVersionConflict) });
        expect(outcomes[2]).toMatchObject({ ok: false, error: expect.any(EventIdConflict) });
        expect(outcomes[3]).toMatchObject({ ok: true, result: { events: [{ eventId: 'm-1', status: 'duplicate', position: 2 }] } });
        const all = await store.readAll();
        expect(all.map((e) => [e.position, e.stream, e.type])).toEqual([
          [1, 's2', 'Existing'],
          [2, 's1', 'A'],
          [3, 's1', 'B'],
          [4, 's4', 'E'],
        ]);
        expect((await store.verify()).ok).toBe(true);
      });

      it('appends the accepted requests of a group contiguously and refuses the stale ones alone', async () => {
        await store.append('a', [event('A1')]);
        await store.append('b', [event('B1'), event('B2')]);
        const outcomes = await store.appendMany([
          { stream: 'a', events: [event('A2', {}, 'g-1'), event('A3', {}, 'g-2')], expectedVersion: 1 },
          { stream: 'b', events: [event('B3')], expectedVersion: 'no-stream' },
          { stream: 'c', events: [event('C1', {}, 'g-3')], expectedVersion: 'no-stream' },
          { stream: 'd', events: [event('D1')], expectedVersion: 'stream-exists' },
          { stream: 'e', events: [event('E1'), event('E2')] },
          { stream: 'f', events: [event('F1')], expectedVersion: 3 },
        ]);
        expect(outcomes.map((o) => o.ok)).toEqual([true, false, true, false, true, false]);
        expect(outcomes[1]).toMatchObject({ ok: false, error: { expected: 'no-stream', actual: 2 } });
        expect(outcomes[3]).toMatchObject({ ok: false, error: { expected: 'stream-exists', actual: 0 } });
        expect(outcomes[5]).toMatchObject({ ok: false, error: { expected: 3, actual: 0 } });
        const results = outcomes.flatMap((o) => (o.ok ? [o.result] : []));
        expect(results.map((r) => [r.nextExpectedVersion, r.events.map((e) => [e.position, e.version, e.status])])).toEqual([
          [
            3,
            [
              [4, 2, 'appended'],
              [5, 3, 'appended'],
            ],
          ],
          [1, [[6, 1, 'appended']]],
          [
            2,
            [
              [7, 1, 'appended'],
              [8, 2, 'appended'],
            ],
          ],
        ]);
        expect((await store.readAll({ fromPosition: 4 })).map((e) => [e.position, e.stream, e.version, e.type])).toEqual([
          [4, 'a', 2, 'A2'],
          [5, 'a', 3, 'A3'],
          [6, 'c', 1, 'C1'],
          [7, 'e', 1, 'E1'],
          [8, 'e', 2, 'E2'],
        ]);
        expect((await store.verify()).ok).toBe(true);
      });

      it('lets a later request rely on an earlier one in the same call', async () => {
        const outcomes = await store.appendMany([
          { stream: 'board', events: [event('BoardEstablished')], expectedVersion: 'no-stream' },
          { stream: 'board', events: [event('PartnerJoined')], expectedVersion: 1 },
        ]);
        expect(outcomes.every((o) => o.ok)).toBe(true);
        expect((await store.readStream('board')).map((e) => e.version)).toEqual([1, 2]);
      });
    });

    describe('subscriptions', () => {
      it('catches up from a position and then delivers live events', async () => {
        await store.append('s', [event('A'), event('B'), event('C')]);
        const controller = new AbortController();
        const received = take(store.subscribeToAll({ fromPosition: 2, signal: controller.signal }), 4);
        await sleep(50);
        await store.append('s', [event('D')]);
        await store.append('t', [event('E')]);
        const events = await received;
        controller.abort();
        expect(events.map((e) => [e.position, e.type])).toEqual([
          [2, 'B'],
          [3, 'C'],
          [4, 'D'],
          [5, 'E'],
        ]);
      });

      it('sees every event exactly once, in order, while 8 writers append with random commit delays', async () => {
        const total = options.concurrentEvents ?? 50_000;
        const writers = await Promise.all(Array.from({ length: 8 }, () => harness.openAnother({ commitDelayMs: () => Math.random() * 3 })));
        const controller = new AbortController();
        const received = take(store.subscribeToAll({ signal: controller.signal, batchSize: 2_000 }), total, 240_000);
        const perWriter = total / 8;
        try {
          await Promise.all(
            writers.map(async (writer, w) => {
              let written = 0;
              while (written < perWriter) {
                const size = Math.min(perWriter - written, 1 + Math.floor(Math.random() * 120));
                const batch = Array.from({ length: size }, (_, i) => event('Tick', { w, n: written + i }));
                await writer.append(`writer-${w}-${written % 7}`, batch);
                written += size;
                if (Math.random() < 0.2) await sleep(Math.random() * 2);
              }
            }),
          );
          const events = await received;
          expect(events).toHaveLength(total);
          expect(events.every((e, i) => e.position === i + 1)).toBe(true);
          const perWriterSeen = new Map<number, Set<number>>();
          for (const e of events) {
            const { w, n } = e.data as { w: number; n: number };
            if (!perWriterSeen.has(w)) perWriterSeen.set(w, new Set());
            perWriterSeen.get(w)!.add(n);
          }
          for (let w = 0; w < 8; w++) expect(perWriterSeen.get(w)?.size).toBe(perWriter);
          expect(await store.verify()).toEqual({ ok: true, checked: total, firstBrokenPosition: null });
        } finally {
          controller.abort();
          await Promise.all(writers.map((writer) => writer.close()));
        }
      }, 300_000);

      it('stops when its signal aborts', async () => {
        const controller = new AbortController();
        const done = take(store.subscribeToAll({ signal: controller.signal }), 10);
        await store.append('s', [event('A')]);
        await sleep(30);
        controller.abort();
        expect((await done).map((e) => e.type)).toEqual(['A']);
      });
    });

    describe('as known at', () => {
      it('answers the last position recorded at or before an instant', async () => {
        await store.append('s', [event('A')]);
        await sleep(15);
        const between = new Date();
        await sleep(15);
        await store.append('s', [event('B')]);
        expect(await store.positionAt(new Date(0))).toBe(0);
        expect(await store.positionAt(between)).toBe(1);
        expect(await store.positionAt(new Date(Date.now() + 60_000))).toBe(2);
        const all = await store.readAll();
        expect(all[0].recordedAt <= all[1].recordedAt).toBe(true);
      });
    });

    describe('tamper evidence', () => {
      it('chains each hash to the previous one along the global order', async () => {
        await store.append('s1', [event('A')]);
        await store.append('s2', [event('B')]);
        expect(await store.verify()).toEqual({ ok: true, checked: 2, firstBrokenPosition: null });
      });

      it('reports a row edited behind its back at its position', async () => {
        for (let i = 0; i < 10; i++) await store.append(`s${i % 3}`, [event('A', { i })]);
        await harness.tamper(6);
        expect(await store.verify()).toEqual({ ok: false, checked: 6, firstBrokenPosition: 6 });
        expect(await store.verify({ fromPosition: 7 })).toEqual({ ok: true, checked: 4, firstBrokenPosition: null });
        expect((await store.verify({ fromPosition: 3 })).firstBrokenPosition).toBe(6);
      });
    });
  });
}
