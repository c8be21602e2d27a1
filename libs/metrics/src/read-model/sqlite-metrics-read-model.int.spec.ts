import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parsePeriod } from '@app/calendar';
import { InMemoryEventStore, type NewEvent } from '@app/event-store';
import { ProjectionRunner } from '@app/projections';
import { DEFAULT_BOARD_SETTINGS, type Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { SqliteMetricsReadModel } from './sqlite-metrics-read-model';

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

describe('SqliteMetricsReadModel', () => {
  let dir: string;
  let store: InMemoryEventStore;
  const open = (name = 'read-model.sqlite') =>
    new SqliteMetricsReadModel({ filename: join(dir, name), childUnits: referralUnits, settingsOf: () => DEFAULT_BOARD_SETTINGS });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-'));
    store = new InMemoryEventStore();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const q1 = parsePeriod('2025-26-Q1');

  it('recomputes a child when a later fact arrives, and keeps what was known before it', async () => {
    const model = open();
    const runner = new ProjectionRunner(store, model);
    await store.append('boards', [board]);
    await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
    await runner.rebuild();
    const before = await store.headPosition();
    await store.append('r2', [referral('r2', 'child-a', '2025-05-10')]);
    await store.append('r3', [referral('r3', 'child-b', '2025-06-30')]);
    await model.apply(await store.readAll({ fromPosition: before + 1 }));

    expect(await model.unitTotals('cv', 'TEST-REREF', q1, null)).toEqual(
      expect.arrayContaining([
        { counted: 'numerator', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
        { counted: 'denominator-only', breakdown: '', units: 2, value: 0, denominatorValue: 0 },
      ]),
    );
    expect(await model.unitTotals('cv', 'TEST-REREF', q1, before)).toEqual([
      { counted: 'denominator-only', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
    ]);
    model.close();
  });

  it('replaces a corrected fact and removes a retracted one, in every later answer only', async () => {
    const model = open();
    await store.append('boards', [board]);
    await store.append('r1', [referral('r1', 'child-a', '2025-04-10')]);
    await store.append('r2', [referral('r2', 'child-a', '2025-05-10')]);
    const beforeCorrection = await store.headPosition();
    await store.append('r2', [referral('r2', 'child-a', '2025-07-10')]);
    const beforeRetraction = await store.headPosition();
    await store.append('r1', [retraction('r1')]);
    await model.apply(await store.readAll());

    const page = (asOf: number | null) => model.unitsPage('cv', 'TEST-REREF', parsePeriod('2025-26'), asOf, null, 10);
    expect((await page(beforeCorrection)).map((u) => [u.unitKey, u.unitDate, u.counted])).toEqual([
      ['referral:r1', '2025-04-10', 'denominator-only'],
      ['referral:r2', '2025-05-10', 'numerator'],
    ]);
    expect((await page(beforeRetraction)).map((u) => [u.unitKey, u.unitDate])).toEqual([
      ['referral:r1', '2025-04-10'],
      ['referral:r2', '2025-07-10'],
    ]);
    expect((await page(null)).map((u) => [u.unitKey, u.counted])).toEqual([['referral:r2', 'denominator-only']]);
    expect(await model.unitTotals('cv', 'TEST-REREF', parsePeriod('2025-26'), null)).toEqual([
      { counted: 'denominator-only', breakdown: '', units: 1, value: 0, denominatorValue: 0 },
    ]);
    model.close();
  });

  it('rebuilds from position 1 into rows identical to the live ones', async () => {
    await store.append('boards', [board]);
    for (let i = 0; i < 200; i++) await store.append(`r${i}`, [referral(`r${i}`, `child-${i % 37}`, `2025-0${4 + (i % 5)}-1${i % 9}`)]);
    await store.append('r5', [retraction('r5')]);
    await store.append('r7', [referral('r7', 'child-7', '2025-06-01')]);

    const live = open('live.sqlite');
    const liveRunner = new ProjectionRunner(store, live, { batchSize: 7 });
    await liveRunner.start();
    await liveRunner.caughtUp();
    await liveRunner.stop();

    const rebuilt = open('rebuilt.sqlite');
    const progress = await new ProjectionRunner(store, rebuilt, { rebuildBatchSize: 50 }).rebuild();
    expect(progress.applied).toBe(203);
    expect(await rebuilt.digest()).toBe(await live.digest());
    expect(await rebuilt.unitTotals('cv', 'TEST-REREF', parsePeriod('2025-26'), null)).toEqual(
      await live.unitTotals('cv', 'TEST-REREF', parsePeriod('2025-26'), null),
    );
    live.close();
    rebuilt.close();
  });
});
