import { parsePeriod } from '@app/calendar';
import { InMemoryEventStore, type NewEvent } from '@app/event-store';
import { ProjectionRunner, RebuildUnderway, type Projection } from '@app/projections';
import { untilState } from '@app/projections/testing/until-state';
import type { Fact } from '../../facts/fact';
import type { MetricUnit } from '../../metric-unit';
import type { ChildUnitsFn } from '../fact-projection';
import type { MetricsReadModel } from '../metrics-read-model.port';

/** A read model as the contract drives it: the projection, the queries, and closing it. */
export type MetricsReadModelUnderTest = Projection & MetricsReadModel & { close(): void | Promise<void> };

/**
 * What a read model gives the contract suite. `create` is called for every storage a test
 * needs and must return an empty storage of its own (a fresh file, a fresh schema).
 */
export interface MetricsReadModelHarness {
  /** Opens a read model on this storage; a second call is another process opening the same storage. */
  open(childUnits: ChildUnitsFn, options?: ReadModelTestOptions): Promise<MetricsReadModelUnderTest>;
  dispose(): Promise<void>;
}

/** Options every read model takes, which tests set. */
export interface ReadModelTestOptions {
  rebuildAbandonedAfterMs?: number;
}

/** A stand-in case metric, as simple as possible: re-referrals of a child (any earlier referral). */
function referralUnits(child: { childKey: string; facts: Fact[] }): MetricUnit[] {
  const referrals = child.facts
    .filter((f) => f.type === 'ReferralReceived')
    .sort((a, b) => String(a.data.receivedOn).localeCompare(String(b.data.receivedOn)));
  return referrals.map((fact, index) => ({
    metricCode: 'TEST-REREF',
    unitKey: `referral:${fact.key}`,
    unitDate: String(fact.data.receivedOn),
    counted: index > 0 ? 'numerator' : 'denominator-only',
    reason: index > 0 ? null : 'first-referral',
    positions: index > 0 ? [referrals[index - 1].position, fact.position] : [fact.position],
  }));
}

const board: NewEvent = {
  type: 'BoardEstablished',
  data: { boardId: 'cv', name: 'Cardiff and Vale', establishedOn: '2024-01-01', localAuthorities: ['W06000015'], partners: [] },
};
const referral = (referralId: string, childId: string, receivedOn: string): NewEvent => ({
  type: 'ReferralReceived',
  data: { localAuthority: 'W06000015', referralId, childId, receivedOn },
  metadata: { boardId: 'cv', source: 'urn:case-system:test' },
});
const retraction = (businessId: string): NewEvent => ({
  type: 'RecordRetracted',
  data: { localAuthority: 'W06000015', retractedType: 'ReferralReceived', businessId, reason: 'recorded in error' },
  metadata: { boardId: 'cv', source: 'urn:case-system:test' },
});
const boardMeeting = (meetingId: string, heldOn: string): NewEvent => ({
  type: 'BoardMeetingHeld',
  data: { boardId: 'cv', meetingId, heldOn, attendees: [{ partnerId: 'cardiff-council', delegate: false }], quorate: true },
});

/**
 * The one suite every metrics read model runs, in full:
 * `describeMetricsReadModel('PostgresMetricsReadModel', () => postgresHarness())`.
 */
export function describeMetricsReadModel(name: string, create: () => Promise<MetricsReadModelHarness>): void {
  describe(`${name} satisfies the metrics read model contract`, () => {
    let store: InMemoryEventStore;
    let harnesses: MetricsReadModelHarness[];
    let opened: MetricsReadModelUnderTest[];
    let runners: ProjectionRunner[];
    /** A runner on `model`, stopped after the test whatever its outcome. */
    const runnerOf = (model: MetricsReadModelUnderTest, options: ConstructorParameters<typeof ProjectionRunner>[2] = {}) => {
      const runner = new ProjectionRunner(store, model, options);
      runners.push(runner);
      return runner;
    };

    /** A fresh storage and a read model on it; `another` opens a second one on the same storage. */
    const fresh = async (childUnits: ChildUnitsFn = referralUnits, options: ReadModelTestOptions = {}) => {
      const harness = await create();
      harnesses.push(harness);
      const open = async () => {
        const model = await harness.open(childUnits, options);
        opened.push(model);
        return model;
      };
      return { model: await open(), another: open };
    };

    beforeEach(() => {
      store = new InMemoryEventStore();
      harnesses = [];
      opened = [];
      runners = [];
    });
    afterEach(async () => {
      for (const runner of runners) await runner.stop();
      for (const model of opened) await model.close();
      for (const harness of harnesses) await harness.dispose();
    });

    const q1 = parsePeriod('2025-26-Q1');
    const year = parsePeriod('2025-26');

    it('recomputes a child when a later fact arrives, and keeps what was known before it', async () => {
      const { model } = await fresh();
      const runner = new ProjectionRunner(store, model);
      await store.append('boards', [board]);
      await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
      await runner.rebuild();
      const before = await store.headPosition();
      await store.append('r2', [referral('r2', 'child-a', '2025-05-10')]);
      await store.append('r3', [referral('r3', 'child-b', '2025-06-30')]);
      await model.apply(await store.readAll({ fromPosition: before + 1 }));

      expect(await model.unitTotals('cv', 'TEST-REREF', q1, null)).toEqual([
        { counted: 'denominator-only', breakdown: '', units: 2, value: 0, denominatorValue: 0 },
        { counted: 'numerator', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
      ]);
      expect(await model.unitTotals('cv', 'TEST-REREF', q1, before)).toEqual([
        { counted: 'denominator-only', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
      ]);
      expect(await model.checkpoint()).toBe(await store.headPosition());
    });

    it('replaces a corrected fact and removes a retracted one, in every later answer only', async () => {
      const { model } = await fresh();
      await store.append('boards', [board]);
      await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
      await store.append('r2', [referral('r2', 'child-a', '2025-05-10')]);
      const beforeCorrection = await store.headPosition();
      await store.append('r2', [referral('r2', 'child-a', '2025-07-10')]);
      const beforeRetraction = await store.headPosition();
      await store.append('r1', [retraction('r1')]);
      await model.apply(await store.readAll());

      const page = (asOf: number | null) => model.unitsPage('cv', 'TEST-REREF', year, asOf, null, 10);
      expect((await page(beforeCorrection)).map((u) => [u.unitKey, u.unitDate, u.counted])).toEqual([
        ['referral:r1', '2025-04-10', 'denominator-only'],
        ['referral:r2', '2025-05-10', 'numerator'],
      ]);
      expect((await page(beforeRetraction)).map((u) => [u.unitKey, u.unitDate])).toEqual([
        ['referral:r1', '2025-04-10'],
        ['referral:r2', '2025-07-10'],
      ]);
      expect(await page(null)).toEqual([
        {
          metricCode: 'TEST-REREF',
          unitKey: 'referral:r2',
          unitDate: '2025-07-10',
          counted: 'denominator-only',
          reason: 'first-referral',
          positions: [4],
        },
      ]);
      expect(await model.unitTotals('cv', 'TEST-REREF', year, null)).toEqual([
        { counted: 'denominator-only', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
      ]);
    });

    it('keeps a retraction that arrived before its fact (another Kafka partition) and never counts that fact', async () => {
      const { model, another } = await fresh();
      await store.append('boards', [board]);
      await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
      await store.append('r2', [retraction('r2')]);
      await model.apply(await store.readAll());
      const beforeFact = await store.headPosition();
      await store.append('r2', [referral('r2', 'child-a', '2025-05-10')]);
      await model.apply(await store.readAll({ fromPosition: beforeFact + 1 }));

      const keys = async (m: typeof model, asOf: number | null) =>
        (await m.unitsPage('cv', 'TEST-REREF', year, asOf, null, 10)).map((u) => u.unitKey);
      expect(await keys(model, null)).toEqual(['referral:r1']);
      expect(await keys(model, beforeFact)).toEqual(['referral:r1']);
      // Another process opening the read model finds the tombstone spent: a later version of the fact counts again.
      const reopened = await another();
      await store.append('r2', [referral('r2', 'child-a', '2025-06-10')]);
      await reopened.apply(await store.readAll({ fromPosition: beforeFact + 2 }));
      expect(await keys(reopened, null)).toEqual(['referral:r1', 'referral:r2']);
    });

    it('rebuilds from position 1 into rows identical to the live ones, and keeps daily totals right afterwards', async () => {
      await store.append('boards', [board]);
      for (let i = 0; i < 200; i++) await store.append(`r${i}`, [referral(`r${i}`, `child-${i % 37}`, `2025-0${4 + (i % 5)}-1${i % 9}`)]);
      await store.append('r5', [retraction('r5')]);
      await store.append('r7', [referral('r7', 'child-7', '2025-06-01')]);

      const { model: live } = await fresh();
      const liveRunner = new ProjectionRunner(store, live, { batchSize: 7 });
      await liveRunner.start();
      await liveRunner.caughtUp();
      await liveRunner.stop();

      const { model: rebuilt } = await fresh();
      const progress = await new ProjectionRunner(store, rebuilt, { rebuildBatchSize: 50 }).rebuild();
      expect(progress.applied).toBe(203);
      expect(await rebuilt.digest()).toBe(await live.digest());
      // One batch for the whole log: rows opened and closed by the same batch, and many rows to a batch.
      const { model: inOneBatch } = await fresh();
      await new ProjectionRunner(store, inOneBatch, { rebuildBatchSize: 1_000 }).rebuild();
      expect(await inOneBatch.digest()).toBe(await live.digest());
      expect(await rebuilt.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(await live.unitTotals('cv', 'TEST-REREF', year, null));

      const head = await store.headPosition();
      await store.append('r9', [referral('r9', 'child-9', '2025-04-01')]);
      await store.append('r11', [retraction('r11')]);
      await rebuilt.apply(await store.readAll({ fromPosition: head + 1 }));
      expect(await rebuilt.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(
        await rebuilt.unitTotals('cv', 'TEST-REREF', year, await store.headPosition()),
      );
    });

    it('carries on a rebuild its process left unfinished, ending with the rows and daily totals of an uninterrupted one', async () => {
      await store.append('boards', [board]);
      for (let i = 0; i < 120; i++) await store.append(`r${i}`, [referral(`r${i}`, `child-${i % 23}`, `2025-0${4 + (i % 5)}-1${i % 9}`)]);
      await store.append('r5', [retraction('r5')]);
      await store.append('r8', [referral('r8', 'child-8', '2025-06-02')]);
      const events = await store.readAll();

      // The process rebuilding the read model stops after two batches: it never reaches `rebuilt`.
      const { model: stopped, another } = await fresh(referralUnits, { rebuildAbandonedAfterMs: 2_000 });
      await stopped.reset();
      await stopped.apply(events.slice(0, 40));
      await stopped.apply(events.slice(40, 80));

      // Another process meanwhile answers current totals from what the rebuild has applied, not from
      // daily totals the rebuild has not made yet.
      const restarted = await another();
      expect(await restarted.rebuildUnderway?.()).toMatchObject({ abandoned: false });
      expect(await restarted.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(await restarted.unitTotals('cv', 'TEST-REREF', year, 80));
      expect(await restarted.unitTotals('cv', 'TEST-REREF', year, null)).not.toEqual([]);

      // Its projector waits while the rebuild may still be going on, then carries it on.
      const runner = runnerOf(restarted, { rebuildPollMs: 20, rebuildBatchSize: 25 });
      await runner.start();
      await untilState(runner, 'waiting-for-rebuild');
      await untilState(runner, 'live');
      await runner.stop();

      const { model: uninterrupted } = await fresh();
      await new ProjectionRunner(store, uninterrupted).rebuild();
      expect(await restarted.rebuildUnderway?.()).toBeNull();
      expect(await restarted.checkpoint()).toBe(events.length);
      expect(await restarted.digest()).toBe(await uninterrupted.digest());
      expect(await restarted.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(
        await uninterrupted.unitTotals('cv', 'TEST-REREF', year, null),
      );
      // The process that stopped, should it come back, finds the rebuild done and applies live.
      await store.append('r9', [referral('r9', 'child-9', '2025-04-01')]);
      await stopped.apply(await store.readAll({ fromPosition: events.length + 1 }));
      expect(await stopped.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(
        await stopped.unitTotals('cv', 'TEST-REREF', year, await store.headPosition()),
      );
    });

    it('applies nothing while another process rebuilds, then follows on from where the rebuild ends', async () => {
      await store.append('boards', [board]);
      for (let i = 0; i < 60; i++) await store.append(`r${i}`, [referral(`r${i}`, `child-${i % 7}`, `2025-0${4 + (i % 5)}-2${i % 8}`)]);
      const events = await store.readAll();

      const { model: live, another } = await fresh();
      const runner = runnerOf(live, { rebuildPollMs: 20, batchDelayMs: 1 });
      await runner.start();
      await runner.caughtUp();

      // A CLI rebuild starts in another process, and new events arrive half-way through it.
      const rebuilder = await another();
      await rebuilder.reset();
      await rebuilder.apply(events.slice(0, 30));
      await store.append('r100', [referral('r100', 'child-1', '2025-04-03')]);
      await store.append('r3', [retraction('r3')]);
      await untilState(runner, 'waiting-for-rebuild');
      await expect(live.apply(await store.readAll({ fromPosition: events.length + 1 }))).rejects.toBeInstanceOf(RebuildUnderway);
      expect(await rebuilder.checkpoint()).toBe(30);

      await rebuilder.apply(events.slice(30));
      await rebuilder.rebuilt?.();
      await untilState(runner, 'live');
      await runner.caughtUp();
      await runner.stop();

      const { model: alone } = await fresh();
      await alone.apply(await store.readAll());
      expect(await live.checkpoint()).toBe(await store.headPosition());
      expect(await live.digest()).toBe(await alone.digest());
      expect(await live.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(await alone.unitTotals('cv', 'TEST-REREF', year, null));
    });

    it('pages units in byte order of unit date then unit key, whatever the case of the keys', async () => {
      const { model } = await fresh();
      await store.append('boards', [board]);
      const ids = ['b', 'B', 'a', 'Z', '_', 'a-2', 'é', 'A'];
      for (const [i, id] of ids.entries()) await store.append(id, [referral(id, `child-${i}`, i % 2 === 0 ? '2025-05-01' : '2025-04-01')]);
      await model.apply(await store.readAll());

      const seen: string[] = [];
      let cursor: { unitDate: string; unitKey: string } | null = null;
      for (;;) {
        const page: MetricUnit[] = await model.unitsPage('cv', 'TEST-REREF', year, null, cursor, 3);
        seen.push(...page.map((u) => `${u.unitDate} ${u.unitKey}`));
        if (page.length < 3) break;
        cursor = { unitDate: page[2].unitDate, unitKey: page[2].unitKey };
      }
      const expected = ids
        .map((id, i) => `${i % 2 === 0 ? '2025-05-01' : '2025-04-01'} referral:${id}`)
        .sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
      expect(seen).toEqual(expected);
    });

    it('answers the board and its own facts as known at a position', async () => {
      const { model } = await fresh();
      await store.append('boards', [board]);
      await store.append('m1', [boardMeeting('m1', '2025-05-01')]);
      const beforeRename = await store.headPosition();
      await store.append('boards', [{ type: 'BoardEstablished', data: { ...board.data, name: 'Cardiff and Vale RSB' } }]);
      await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
      await model.apply(await store.readAll());

      expect(await model.boards(beforeRename)).toEqual([{ boardId: 'cv', name: 'Cardiff and Vale', localAuthorities: ['W06000015'] }]);
      expect(await model.boards(null)).toEqual([{ boardId: 'cv', name: 'Cardiff and Vale RSB', localAuthorities: ['W06000015'] }]);
      expect(await model.boards(0)).toEqual([]);
      const facts = await model.boardFacts('cv', null);
      expect(facts.facts.map((f) => [f.type, f.key, f.positions])).toEqual([
        ['BoardMeetingHeld', 'm1', [2]],
        ['BoardEstablished', 'cv', [1, 3]],
      ]);
      expect(facts.facts[0].data).toEqual(boardMeeting('m1', '2025-05-01').data);
      expect((await model.boardFacts('cv', beforeRename)).facts.map((f) => [f.type, f.positions])).toEqual([
        ['BoardEstablished', [1]],
        ['BoardMeetingHeld', [2]],
      ]);
    });

    it('lets two processes apply overlapping batches without applying an event twice', async () => {
      await store.append('boards', [board]);
      for (let i = 0; i < 60; i++) await store.append(`r${i}`, [referral(`r${i}`, `child-${i % 7}`, `2025-0${4 + (i % 5)}-2${i % 8}`)]);
      await store.append('r3', [retraction('r3')]);
      const events = await store.readAll();

      const { model: first, another } = await fresh();
      const second = await another();
      await first.apply(events.slice(0, 20));
      await second.apply(events.slice(0, 30));
      await first.apply(events.slice(10, 45));
      await second.apply(events.slice(30, 50));
      await first.apply(events.slice(45));
      await second.apply(events.slice(40));

      const { model: alone } = await fresh();
      await alone.apply(events);
      expect(await first.checkpoint()).toBe(events.length);
      expect(await second.digest()).toBe(await alone.digest());
      expect(await second.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(await alone.unitTotals('cv', 'TEST-REREF', year, null));
      expect(await first.unitTotals('cv', 'TEST-REREF', year, null)).toEqual(
        await first.unitTotals('cv', 'TEST-REREF', year, events.length),
      );
    });

    it('leaves no trace of a batch that failed, and applies it in full when retried', async () => {
      let failing = true;
      const flaky: ChildUnitsFn = (child) => {
        if (failing && child.childKey === 'child-x') throw new Error('case metric failed for child-x');
        return referralUnits(child);
      };
      await store.append('boards', [board]);
      await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
      await store.append('r2', [referral('r2', 'child-a', '2025-05-10')]);
      await store.append('r3', [referral('r3', 'child-x', '2025-05-11')]);
      await store.append('r1', [referral('r1', 'child-a', '2025-04-12')]);
      const events = await store.readAll();

      const { model } = await fresh(flaky);
      await model.apply(events.slice(0, 2));
      const before = await model.digest();
      await expect(model.apply(events.slice(2))).rejects.toThrow('case metric failed for child-x');
      expect(await model.checkpoint()).toBe(2);
      expect(await model.digest()).toBe(before);

      failing = false;
      await model.apply(events.slice(2));
      const { model: clean } = await fresh(flaky);
      await clean.apply(events);
      expect(await model.digest()).toBe(await clean.digest());
      expect(await model.unitTotals('cv', 'TEST-REREF', year, null)).toEqual([
        { counted: 'denominator-only', breakdown: '', units: 2, value: 0, denominatorValue: 0 },
        { counted: 'numerator', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
      ]);
    });
  });
}
