import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { CP_REREG_12M } from './cp-rereg-12m.metric';

function reRegistrationUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), CP_REREG_12M);
}

describe('CP-REREG-12M: re-registrations within 12 months of a plan ending', () => {
  it('counts a plan started exactly 12 months after the previous plan ended (2024-06-10 then 2025-06-10), not the first plan', () => {
    const given = new CaseFactsFixture();
    const firstStart = given.planStarted('plan-1', '2023-12-01');
    const firstEnd = given.planEnded('plan-1', '2024-06-10');
    const secondStart = given.planStarted('plan-2', '2025-06-10');

    expect(reRegistrationUnits(given, firstStart, firstEnd, secondStart)).toEqual([
      {
        metricCode: CP_REREG_12M,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2023-12-01',
        counted: 'denominator-only',
        reason: 'no-plan-end-in-previous-12-months',
        positions: [firstStart.position],
      },
      {
        metricCode: CP_REREG_12M,
        unitKey: 'child:child-a/plan:plan-2',
        unitDate: '2025-06-10',
        counted: 'numerator',
        reason: null,
        positions: [firstEnd.position, secondStart.position],
      },
    ]);
  });

  it('does not count a plan started 12 months and a day after the previous end', () => {
    const given = new CaseFactsFixture();

    const units = reRegistrationUnits(given, given.planEnded('plan-1', '2024-06-10'), given.planStarted('plan-2', '2025-06-11'));

    expect(units).toEqual([expect.objectContaining({ unitKey: 'child:child-a/plan:plan-2', counted: 'denominator-only' })]);
  });

  it('counts a plan started the day the previous one ended (p <= startedOn)', () => {
    const given = new CaseFactsFixture();

    const units = reRegistrationUnits(given, given.planEnded('plan-1', '2025-06-10'), given.planStarted('plan-2', '2025-06-10'));

    expect(units).toEqual([expect.objectContaining({ counted: 'numerator' })]);
  });

  it("never counts the plan's own end, even one recorded before its start", () => {
    const given = new CaseFactsFixture();

    const units = reRegistrationUnits(given, given.planStarted('plan-1', '2025-06-10'), given.planEnded('plan-1', '2025-06-01'));

    expect(units).toEqual([expect.objectContaining({ counted: 'denominator-only', reason: 'no-plan-end-in-previous-12-months' })]);
  });

  it('does not count an end after the start (an overlapping plan ending later)', () => {
    const given = new CaseFactsFixture();

    const units = reRegistrationUnits(given, given.planStarted('plan-2', '2025-06-10'), given.planEnded('plan-1', '2025-06-11'));

    expect(units).toEqual([expect.objectContaining({ counted: 'denominator-only' })]);
  });

  it('takes the latest end on or before the start: ends 2023-01-05 and 2024-08-01 make a 2025-07-31 start a re-registration', () => {
    const given = new CaseFactsFixture();
    const older = given.planEnded('plan-1', '2023-01-05');
    const latest = given.planEnded('plan-2', '2024-08-01');
    const start = given.planStarted('plan-3', '2025-07-31');

    expect(reRegistrationUnits(given, start, latest, older)).toEqual([
      expect.objectContaining({ counted: 'numerator', positions: [latest.position, start.position] }),
    ]);
  });
});
