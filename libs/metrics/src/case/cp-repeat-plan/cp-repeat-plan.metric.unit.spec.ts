import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { CP_REPEAT_PLAN } from './cp-repeat-plan.metric';

function repeatUnits(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), CP_REPEAT_PLAN);
}

describe('CP-REPEAT-PLAN: second or subsequent plans', () => {
  it('counts a second plan and not the first, however long ago the first was', () => {
    const given = new CaseFactsFixture();
    const first = given.planStarted('plan-1', '2019-03-01');
    const firstEnd = given.planEnded('plan-1', '2019-09-01');
    const second = given.planStarted('plan-2', '2025-06-10');

    expect(repeatUnits(given, second, first, firstEnd)).toEqual([
      {
        metricCode: CP_REPEAT_PLAN,
        unitKey: 'child:child-a/plan:plan-1',
        unitDate: '2019-03-01',
        counted: 'denominator-only',
        reason: 'first-plan',
        positions: [first.position],
      },
      {
        metricCode: CP_REPEAT_PLAN,
        unitKey: 'child:child-a/plan:plan-2',
        unitDate: '2025-06-10',
        counted: 'numerator',
        reason: null,
        positions: [first.position, second.position],
      },
    ]);
  });

  it('counts a first plan in the ledger when the source reports previousPlans > 0 (a plan before the ledger began)', () => {
    const given = new CaseFactsFixture();
    const start = given.planStarted('plan-1', '2025-06-10', { previousPlans: 1 });

    expect(repeatUnits(given, start)).toEqual([
      expect.objectContaining({ counted: 'numerator', reason: null, positions: [start.position] }),
    ]);
  });

  it('does not count a first plan whose source reports previousPlans 0', () => {
    const given = new CaseFactsFixture();

    expect(repeatUnits(given, given.planStarted('plan-1', '2025-06-10', { previousPlans: 0 }))).toEqual([
      expect.objectContaining({ counted: 'denominator-only', reason: 'first-plan' }),
    ]);
  });

  it('orders two plans started the same day by ledger position: the one recorded second is the repeat', () => {
    const given = new CaseFactsFixture();
    const recordedFirst = given.planStarted('plan-b', '2025-06-10');
    const recordedSecond = given.planStarted('plan-a', '2025-06-10');

    expect(repeatUnits(given, recordedSecond, recordedFirst).map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/plan:plan-b', 'denominator-only'],
      ['child:child-a/plan:plan-a', 'numerator'],
    ]);
  });

  it("does not count a plan that starts before the child's other plans", () => {
    const given = new CaseFactsFixture();
    const later = given.planStarted('plan-2', '2025-06-10');
    const earlier = given.planStarted('plan-1', '2025-01-10');

    expect(repeatUnits(given, later, earlier).map((u) => [u.unitKey, u.counted])).toEqual([
      ['child:child-a/plan:plan-1', 'denominator-only'],
      ['child:child-a/plan:plan-2', 'numerator'],
    ]);
  });
});
