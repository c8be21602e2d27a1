import { DEFAULT_BOARD_SETTINGS } from '../facts/fact';
import { CASE_METRIC_DEFINITIONS } from './case-metric-definitions';
import { computeChildUnits } from './compute-child-units';
import { CaseFactsFixture } from './testing/case-facts.fixture';

describe('computeChildUnits', () => {
  it("gives one child's whole history, from referral to re-referral, exactly the units each definition asks for", () => {
    const given = new CaseFactsFixture('child-r');
    const siblings = ['child-r', 'child-s'];
    const referral = given.referral('ref-1', '2025-04-01');
    given.skip(7);
    const assessmentStart = given.assessmentStarted('as-1', '2025-04-02', 'ref-1');
    const discussion = given.strategyDiscussion('sd-1', '2025-04-03', { childIds: siblings });
    const assessmentEnd = given.assessmentCompleted('as-1', '2025-04-24', 'ref-1');
    const conference = given.conference('icpc-1', '2025-04-24', { strategyDiscussionId: 'sd-1', childIds: siblings });
    const planStart = given.planStarted('plan-1', '2025-04-24', { conferenceId: 'icpc-1', previousPlans: 0 });
    const firstScore = given.outcome('m-1', 'feels-safe-scale', 3, '2025-05-01');
    const review = given.reviewHeld('rev-1', 'plan-1', '2025-07-24');
    const lastScore = given.outcome('m-2', 'feels-safe-scale', 6, '2025-10-01');
    given.skip(40);
    const planEnd = given.planEnded('plan-1', '2025-11-20');
    const scoreAfterPlan = given.outcome('m-3', 'feels-safe-scale', 1, '2026-01-10');
    const reReferral = given.referral('ref-2', '2026-02-10');

    const units = computeChildUnits(
      given.child(
        reReferral,
        scoreAfterPlan,
        planEnd,
        lastScore,
        review,
        firstScore,
        planStart,
        conference,
        assessmentEnd,
        discussion,
        assessmentStart,
        referral,
      ),
      DEFAULT_BOARD_SETTINGS,
    );

    expect(units).toEqual([
      // Thu 2025-04-03 + 15 working days, skipping Good Friday and Easter Monday: 4, 7-11, 14-17, 22-25, 28 April.
      // The conference on 24 April is on the 13th, within.
      {
        metricCode: 'CP-ICPC-15WD',
        unitKey: 'child:child-r/conference:icpc-1',
        unitDate: '2025-04-24',
        counted: 'numerator',
        reason: null,
        positions: [discussion.position, conference.position],
      },
      // 2025-04-24 to 2025-11-20 is about seven months, short of addMonths(start, 24) = 2027-04-24.
      {
        metricCode: 'CP-PLAN-2Y',
        unitKey: 'child:child-r/plan:plan-1',
        unitDate: '2025-11-20',
        counted: 'denominator-only',
        reason: 'plan-shorter-than-2-years',
        positions: [planStart.position, planEnd.position],
      },
      // 6 days to 30 April, then 31 + 30 + 31 + 31 + 30 + 31 (May to October) and 20 in November: 210 days.
      {
        metricCode: 'CP-REG-AVGDAYS',
        unitKey: 'child:child-r/plan:plan-1',
        unitDate: '2025-11-20',
        counted: 'numerator',
        reason: null,
        value: 210,
        positions: [planStart.position, planEnd.position],
      },
      // The first referral has none before it; 2026-02-10 is on or before addMonths(2025-04-01, 12) = 2026-04-01.
      {
        metricCode: 'CP-REREF-12M',
        unitKey: 'child:child-r/referral:ref-1',
        unitDate: '2025-04-01',
        counted: 'denominator-only',
        reason: 'no-referral-in-previous-12-months',
        positions: [referral.position],
      },
      {
        metricCode: 'CP-REREF-12M',
        unitKey: 'child:child-r/referral:ref-2',
        unitDate: '2026-02-10',
        counted: 'numerator',
        reason: null,
        positions: [referral.position, reReferral.position],
      },
      // The only plan, and the source reports no previous plans.
      {
        metricCode: 'CP-REPEAT-PLAN',
        unitKey: 'child:child-r/plan:plan-1',
        unitDate: '2025-04-24',
        counted: 'denominator-only',
        reason: 'first-plan',
        positions: [planStart.position],
      },
      // No plan ended before this one started.
      {
        metricCode: 'CP-REREG-12M',
        unitKey: 'child:child-r/plan:plan-1',
        unitDate: '2025-04-24',
        counted: 'denominator-only',
        reason: 'no-plan-end-in-previous-12-months',
        positions: [planStart.position],
      },
      // Clock from the referral of 2025-04-01; completed 2025-04-24, 15 working days later, well within 42 (Wales).
      {
        metricCode: 'CIN-ASSESS-TIMELY',
        unitKey: 'child:child-r/assessment:as-1',
        unitDate: '2025-04-24',
        counted: 'numerator',
        reason: null,
        positions: [referral.position, assessmentEnd.position],
      },
      // During the plan the scores were 3 then 6 on a 0-10 scale: +3 >= 1. The 1 after the plan ended is not counted.
      {
        metricCode: 'OUT-MEASURED-IMPROVEMENT',
        unitKey: 'child:child-r/plan:plan-1/instrument:feels-safe-scale',
        unitDate: '2025-11-20',
        counted: 'numerator',
        reason: null,
        positions: [planStart.position, firstScore.position, lastScore.position, planEnd.position],
      },
    ]);
  });

  it('gives a child with no case facts no units', () => {
    expect(computeChildUnits({ boardId: 'board-1', childKey: 'child-r', facts: [] }, DEFAULT_BOARD_SETTINGS)).toEqual([]);
  });

  it('ignores fact types no case metric reads', () => {
    const given = new CaseFactsFixture();

    const units = computeChildUnits(
      given.child(
        given.fact('CoreGroupMeetingHeld', 'cg-1', { meetingId: 'cg-1', planId: 'plan-1', childId: 'child-a', heldOn: '2025-05-01' }),
        given.fact('ChildProtectionEnquiryStarted', 'enq-1', { enquiryId: 'enq-1', childId: 'child-a', startedOn: '2025-05-01' }),
      ),
      DEFAULT_BOARD_SETTINGS,
    );

    expect(units).toEqual([]);
  });
});

describe('CASE_METRIC_DEFINITIONS', () => {
  it('lists every case metric of metrics.md once, and DQ-SEQUENCE, all computed per child', () => {
    expect(CASE_METRIC_DEFINITIONS.map((d) => d.code)).toEqual([
      'CP-ICPC-15WD',
      'CP-PLAN-2Y',
      'CP-REG-AVGDAYS',
      'CP-REREF-12M',
      'CP-REPEAT-PLAN',
      'CP-REREG-12M',
      'CIN-ASSESS-TIMELY',
      'OUT-MEASURED-IMPROVEMENT',
      'DQ-SEQUENCE',
    ]);
    expect(CASE_METRIC_DEFINITIONS.every((d) => d.scope === 'case')).toBe(true);
  });

  it('takes the assessment timescale as the only board setting, Welsh by default', () => {
    const withSettings = CASE_METRIC_DEFINITIONS.filter((d) => Object.keys(d.settings).length > 0);

    expect(withSettings.map((d) => [d.code, d.settings])).toEqual([['CIN-ASSESS-TIMELY', { assessmentTimescale: 'wales' }]]);
  });

  it('aggregates the average days on the register as a mean and the counts of flags as a count, every other case metric as a rate', () => {
    const byAggregation = Object.fromEntries(CASE_METRIC_DEFINITIONS.map((d) => [d.code, d.aggregation]));

    expect(byAggregation).toEqual({
      'CP-ICPC-15WD': 'rate',
      'CP-PLAN-2Y': 'rate',
      'CP-REG-AVGDAYS': 'mean',
      'CP-REREF-12M': 'rate',
      'CP-REPEAT-PLAN': 'rate',
      'CP-REREG-12M': 'rate',
      'CIN-ASSESS-TIMELY': 'rate',
      'OUT-MEASURED-IMPROVEMENT': 'rate',
      'DQ-SEQUENCE': 'count',
    });
  });
});
