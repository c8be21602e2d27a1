import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { OUT_MEASURED_IMPROVEMENT } from './out-measured-improvement.metric';

function improvementUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), OUT_MEASURED_IMPROVEMENT);
}

const SAFE = 'feels-safe-scale';

describe('OUT-MEASURED-IMPROVEMENT: measured improvement during a plan', () => {
  it('counts a rise of 1 on a 0-10 scale (exactly 10% of the range) from the start day to the end day, whatever happened between', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2025-01-01');
    const first = given.outcome('m-1', SAFE, 4, '2025-01-01');
    const middle = given.outcome('m-2', SAFE, 2, '2025-03-01');
    const last = given.outcome('m-3', SAFE, 5, '2025-06-30');
    const end = given.planEnded('plan-1', '2025-06-30');

    expect(improvementUnits(given, start, first, middle, last, end)).toEqual([
      {
        metricCode: OUT_MEASURED_IMPROVEMENT,
        unitKey: `child:child-a/plan:plan-1/instrument:${SAFE}`,
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        positions: [start.position, first.position, last.position, end.position],
      },
    ]);
  });

  it('leaves a rise of 0.9 on a 0-10 scale in the denominator only', () => {
    const given = new CaseFactsFixture();

    const units = improvementUnits(
      given,
      given.planStarted('plan-1', '2025-01-01'),
      given.outcome('m-1', SAFE, 4, '2025-02-01'),
      given.outcome('m-2', SAFE, 4.9, '2025-05-01'),
      given.planEnded('plan-1', '2025-06-30'),
    );

    expect(units).toEqual([expect.objectContaining({ counted: 'denominator-only', reason: 'improvement-below-10-percent-of-scale' })]);
  });

  it('counts a fall as no improvement: a higher score is better', () => {
    const given = new CaseFactsFixture();

    const units = improvementUnits(
      given,
      given.planStarted('plan-1', '2025-01-01'),
      given.outcome('m-1', SAFE, 8, '2025-02-01'),
      given.outcome('m-2', SAFE, 2, '2025-05-01'),
      given.planEnded('plan-1', '2025-06-30'),
    );

    expect(units).toEqual([expect.objectContaining({ counted: 'denominator-only' })]);
  });

  it('ignores measurements outside the plan: a 0 the day before the start and a 10 the day after the end leave one measurement, no unit', () => {
    const given = new CaseFactsFixture();

    const units = improvementUnits(
      given,
      given.outcome('m-0', SAFE, 0, '2024-12-31'),
      given.planStarted('plan-1', '2025-01-01'),
      given.outcome('m-1', SAFE, 5, '2025-03-01'),
      given.planEnded('plan-1', '2025-06-30'),
      given.outcome('m-2', SAFE, 10, '2025-07-01'),
    );

    expect(units).toEqual([]);
  });

  it('makes one unit per instrument measured twice, and none for an instrument measured once', () => {
    const given = new CaseFactsFixture();

    const units = improvementUnits(
      given,
      given.planStarted('plan-1', '2025-01-01'),
      given.outcome('m-1', SAFE, 3, '2025-02-01'),
      given.outcome('m-2', 'family-stress', 20, '2025-02-01', { scaleMin: 0, scaleMax: 40 }),
      given.outcome('m-3', 'school-attendance', 50, '2025-02-01', { scaleMin: 0, scaleMax: 100 }),
      given.outcome('m-4', 'family-stress', 23, '2025-05-01', { scaleMin: 0, scaleMax: 40 }),
      given.outcome('m-5', SAFE, 6, '2025-05-01'),
      given.planEnded('plan-1', '2025-06-30'),
    );

    // feels-safe 3 -> 6 is 3 >= 1 (10% of 10); family-stress 20 -> 23 is 3 < 4 (10% of 40).
    expect(units.map((u) => [u.unitKey, u.counted])).toEqual([
      [`child:child-a/plan:plan-1/instrument:${SAFE}`, 'numerator'],
      ['child:child-a/plan:plan-1/instrument:family-stress', 'denominator-only'],
    ]);
  });

  it('orders measurements on the same day by ledger position: 5 recorded before 6 on the first day makes 5 the first score', () => {
    const given = new CaseFactsFixture();
    const recordedFirst = given.outcome('m-b', SAFE, 5, '2025-02-01');
    const recordedSecond = given.outcome('m-a', SAFE, 6, '2025-02-01');
    const last = given.outcome('m-c', SAFE, 6, '2025-05-01');

    // Taking 6 as the first would make no improvement; 5 -> 6 is exactly 10% of the range.
    const units = improvementUnits(
      given,
      given.planStarted('plan-1', '2025-01-01'),
      given.planEnded('plan-1', '2025-06-30'),
      last,
      recordedSecond,
      recordedFirst,
    );

    expect(units).toEqual([expect.objectContaining({ counted: 'numerator' })]);
    expect(units[0].positions).toContain(recordedFirst.position);
    expect(units[0].positions).not.toContain(recordedSecond.position);
  });

  it('counts 2.7 to 3.3 on a 1-7 scale as 10% of the range, though 3.3 - 2.7 is 0.5999999999999996 in floating point', () => {
    const given = new CaseFactsFixture();
    const scale = { scaleMin: 1, scaleMax: 7 };

    const units = improvementUnits(
      given,
      given.planStarted('plan-1', '2025-01-01'),
      given.outcome('m-1', SAFE, 2.7, '2025-02-01', scale),
      given.outcome('m-2', SAFE, 3.3, '2025-05-01', scale),
      given.planEnded('plan-1', '2025-06-30'),
    );

    expect(units).toEqual([expect.objectContaining({ counted: 'numerator' })]);
  });

  it('makes no pairs for a plan end with no known start or an end before the start', () => {
    const given = new CaseFactsFixture();

    const units = improvementUnits(
      given,
      given.outcome('m-1', SAFE, 1, '2025-02-01'),
      given.outcome('m-2', SAFE, 9, '2025-05-01'),
      given.planEnded('plan-1', '2025-06-30'),
      given.planStarted('plan-2', '2025-07-01'),
      given.planEnded('plan-2', '2025-01-01'),
    );

    expect(units).toEqual([]);
  });

  it('keeps each plan to its own dates: two plans of one child each pair only their own measurements', () => {
    const given = new CaseFactsFixture();

    const units = improvementUnits(
      given,
      given.planStarted('plan-1', '2024-01-01'),
      given.outcome('m-1', SAFE, 2, '2024-02-01'),
      given.outcome('m-2', SAFE, 2.5, '2024-05-01'),
      given.planEnded('plan-1', '2024-06-30'),
      given.planStarted('plan-2', '2025-01-01'),
      given.outcome('m-3', SAFE, 3, '2025-02-01'),
      given.outcome('m-4', SAFE, 7, '2025-05-01'),
      given.planEnded('plan-2', '2025-06-30'),
    );

    // plan-1: 2 -> 2.5 is below 1; plan-2: 3 -> 7 is 4 >= 1. Across the plans 2 -> 7 would wrongly count plan-1.
    expect(units.map((u) => [u.unitKey, u.unitDate, u.counted])).toEqual([
      [`child:child-a/plan:plan-1/instrument:${SAFE}`, '2024-06-30', 'denominator-only'],
      [`child:child-a/plan:plan-2/instrument:${SAFE}`, '2025-06-30', 'numerator'],
    ]);
  });
});
