import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { CP_PLAN_2Y } from './cp-plan-2y.metric';

function planUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), CP_PLAN_2Y);
}

describe('CP-PLAN-2Y: plans ending after two years or more', () => {
  it('counts a plan ending on the day two years after its start (2023-06-15 to 2025-06-15)', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2023-06-15');
    const end = given.planEnded('plan-1', '2025-06-15');

    expect(planUnits(given, start, end)).toEqual([
      {
        metricCode: CP_PLAN_2Y,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2025-06-15',
        counted: 'numerator',
        reason: null,
        positions: [start.position, end.position],
      },
    ]);
  });

  it('leaves a plan ending the day before its second anniversary in the denominator only', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2023-06-15');
    const end = given.planEnded('plan-1', '2025-06-14');

    expect(planUnits(given, start, end)).toEqual([
      expect.objectContaining({ counted: 'denominator-only', reason: 'plan-shorter-than-2-years' }),
    ]);
  });

  it('clamps a 29 February start to 28 February two years on: 2024-02-29 + 24 months is 2026-02-28', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2024-02-29');
    const onTheClampedDay = given.planEnded('plan-1', '2026-02-28');
    const startBefore = given.planStarted('plan-2', '2024-02-29');
    const dayBefore = given.planEnded('plan-2', '2026-02-27');

    expect(planUnits(given, start, onTheClampedDay, startBefore, dayBefore).map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/plan:plan-2', 'denominator-only'],
      ['child:child-a/plan:plan-1', 'numerator'],
    ]);
  });

  it('excludes and flags a plan end with no known start', () => {
    const given = new CaseFactsFixture();
    const end = given.planEnded('plan-1', '2025-06-14');

    expect(planUnits(given, end)).toEqual([
      {
        metricCode: CP_PLAN_2Y,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2025-06-14',
        counted: 'excluded',
        reason: 'plan-end-without-start',
        dataQuality: true,
        positions: [end.position],
      },
    ]);
  });

  it('keeps a plan that ends before it starts in the denominator only, flagged, even when the dates are years apart', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2025-06-15');
    const end = given.planEnded('plan-1', '2022-01-10');

    expect(planUnits(given, start, end)).toEqual([
      expect.objectContaining({
        counted: 'denominator-only',
        reason: 'plan-ended-before-start',
        dataQuality: true,
        positions: [start.position, end.position],
      }),
    ]);
  });

  it('makes no unit for a plan that has started and not ended', () => {
    const given = new CaseFactsFixture();

    expect(planUnits(given, given.planStarted('plan-1', '2020-01-01'))).toEqual([]);
  });

  it('uses the corrected end date: an end moved from 2025-06-14 to 2025-06-16 makes the plan two years or more', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2023-06-15');
    given.skip(5);
    const corrected = given.planEnded('plan-1', '2025-06-16', { earlierPositions: [2] });

    expect(planUnits(given, start, corrected)).toEqual([
      expect.objectContaining({ counted: 'numerator', unitDate: '2025-06-16', positions: [start.position, corrected.position] }),
    ]);
  });
});
