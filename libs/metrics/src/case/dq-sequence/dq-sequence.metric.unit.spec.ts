import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { computeChildUnits } from '../compute-child-units';
import { CaseFactsFixture, unitsOf } from '../testing/case-facts.fixture';
import { DQ_SEQUENCE } from './dq-sequence.metric';

function flagsOf(given: CaseFactsFixture, ...facts: Parameters<CaseFactsFixture['child']>) {
  return unitsOf(computeChildUnits(given.child(...facts), DEFAULT_BOARD_SETTINGS), DQ_SEQUENCE);
}

describe('DQ-SEQUENCE: facts flagged for data quality', () => {
  it('counts a plan end with no start once, though CP-PLAN-2Y and CP-REG-AVGDAYS both flag it', () => {
    const given = new CaseFactsFixture();
    const end = given.fact(
      'ChildProtectionPlanEnded',
      'plan-1',
      { planId: 'plan-1', childId: 'child-a', endedOn: '2025-06-14', reason: 'other' },
      { source: 'urn:case-system:paris:W06000023' },
    );

    expect(flagsOf(given, end)).toEqual([
      {
        metricCode: DQ_SEQUENCE,
        unitKey: 'child:child-a/fact:ChildProtectionPlanEnded/plan-1/plan-end-without-start',
        unitDate: '2025-06-14',
        counted: 'numerator',
        reason: 'plan-end-without-start',
        dataQuality: true,
        breakdown: 'plan-end-without-start|urn:case-system:paris:W06000023',
        positions: [end.position],
      },
    ]);
  });

  it('keeps the flags of different facts apart, each with its own reason in the breakdown', () => {
    const given = new CaseFactsFixture();
    const referral = given.referral('ref-1', '2025-05-01');
    const beforeItsReferral = given.assessmentCompleted('as-1', '2025-04-30', 'ref-1');
    const withNoClock = given.assessmentCompleted('as-2', '2025-04-30', 'ref-unknown');

    expect(flagsOf(given, referral, beforeItsReferral, withNoClock).map((u) => u.breakdown?.split('|')[0])).toEqual([
      'assessment-completed-before-clock-start',
      'no-clock-start',
    ]);
  });

  it('flags each sibling at a conference with no anchor under its own child key, so siblings never collide', () => {
    const siblings = ['child-a', 'child-b'];
    const keys = siblings.flatMap((childKey) => {
      const given = new CaseFactsFixture(childKey);
      return flagsOf(given, given.conference('icpc-1', '2025-06-27', { childIds: siblings })).map((u) => u.unitKey);
    });

    expect(keys).toEqual([
      'child:child-a/fact:InitialChildProtectionConferenceHeld/icpc-1/no-anchor-strategy-discussion',
      'child:child-b/fact:InitialChildProtectionConferenceHeld/icpc-1/no-anchor-strategy-discussion',
    ]);
  });

  it('flags nothing for well-ordered facts, including late ones', () => {
    const given = new CaseFactsFixture();

    const flags = flagsOf(
      given,
      given.strategyDiscussion('sd-1', '2025-01-06'),
      given.conference('icpc-1', '2025-06-27', { strategyDiscussionId: 'sd-1' }),
      given.planStarted('plan-1', '2025-06-27'),
      given.planEnded('plan-1', '2025-09-01'),
    );

    expect(flags).toEqual([]);
  });
});
