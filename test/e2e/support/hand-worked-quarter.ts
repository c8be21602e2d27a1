import type { CloudEventFactory } from './cloud-events';

/**
 * One board's first quarter of 2025-26 (2025-04-01 to 2025-06-30), with every core metric's
 * figures worked by hand from metrics.md in the comments. Bank holidays that matter: Mon
 * 2025-05-05 and Mon 2025-05-26; Easter 2025-04-18 and 2025-04-21. The same scenario is ingested
 * over HTTP and over Kafka by the e2e tests, which expect the same figures.
 */
export function handWorkedQuarter(ce: CloudEventFactory) {
  const board = [
    ce.board('BoardEstablished', {
      name: 'Test Board',
      establishedOn: '2023-01-01',
      localAuthorities: ['W06000015'],
      partners: [
        { partnerId: 'council', name: 'The Council', kind: 'local-authority', statutory: true },
        { partnerId: 'police', name: 'The Police', kind: 'police', statutory: true },
        { partnerId: 'health', name: 'The Health Board', kind: 'health-board', statutory: true },
        { partnerId: 'charity', name: 'A Charity', kind: 'third-sector', statutory: false },
      ],
    }),
    // LEAD-ATTENDANCE: 3 statutory seats, council and a police delegate attend: 2 of 3.
    ce.board('BoardMeetingHeld', {
      meetingId: 'm-1',
      heldOn: '2025-05-15',
      attendees: [
        { partnerId: 'council', delegate: false },
        { partnerId: 'police', delegate: true },
        { partnerId: 'charity', delegate: false },
      ],
      quorate: true,
    }),
    // QA-AUDIT-DELIVERY: au-1 due 05-31 done 05-30 (on time), au-2 due 06-30 not done: 1 of 2.
    ce.board('AuditScheduled', { auditId: 'au-1', title: 'Neglect audit', dueOn: '2025-05-31' }),
    ce.board('AuditScheduled', { auditId: 'au-2', title: 'Missing children audit', dueOn: '2025-06-30' }),
    // QA-AUDIT-GOOD: good, outstanding, inadequate: 2 of 3.
    ce.board('AuditCompleted', {
      auditId: 'au-1',
      completedOn: '2025-05-30',
      caseResults: [
        { caseRef: 'case-a', grade: 'good' },
        { caseRef: 'case-b', grade: 'outstanding' },
        { caseRef: 'case-c', grade: 'inadequate' },
      ],
    }),
    ce.board('StrategicPriorityDefined', { priorityId: 'pr-1', title: 'Neglect', financialYear: '2025-26' }),
    // QA-ACTIONS-ON-TIME (original due in Q1, not cancelled): act-1 on time, act-2 a day late, act-4 open: 1 of 3.
    // STRAT-PLAN-DELIVERY: only act-1 arises from a priority: 1 of 1.
    ce.board('ActionAssigned', {
      actionId: 'act-1',
      title: 'A',
      ownerPartnerId: 'council',
      assignedOn: '2025-04-01',
      dueOn: '2025-05-01',
      arisingFrom: { kind: 'priority', id: 'pr-1' },
    }),
    ce.board('ActionAssigned', { actionId: 'act-2', title: 'B', ownerPartnerId: 'police', assignedOn: '2025-04-01', dueOn: '2025-06-01' }),
    ce.board('ActionAssigned', { actionId: 'act-3', title: 'C', ownerPartnerId: 'health', assignedOn: '2025-04-01', dueOn: '2025-06-10' }),
    ce.board('ActionAssigned', { actionId: 'act-4', title: 'D', ownerPartnerId: 'health', assignedOn: '2025-05-01', dueOn: '2025-06-15' }),
    ce.board('ActionAssigned', { actionId: 'act-5', title: 'E', ownerPartnerId: 'council', assignedOn: '2025-06-01', dueOn: '2025-07-31' }),
    ce.board('ActionCompleted', { actionId: 'act-1', on: '2025-05-01' }),
    ce.board('ActionCompleted', { actionId: 'act-2', on: '2025-06-02' }),
    ce.board('ActionCancelled', { actionId: 'act-3', on: '2025-06-05' }),
    // QA-ACTIONS-OVERDUE at 06-30: open act-4 (due 06-15, overdue) and act-5 (due 07-31): 1 of 2.
    // FUND-CONTRIB-RECEIVED (FY 2025-26): c-1 60,000 of 100,000 by its due date; c-2's 50,000 came after its due date: 60,000 / 150,000.
    ce.board('FundingContributionAgreed', {
      contributionId: 'c-1',
      partnerId: 'council',
      financialYear: '2025-26',
      amountPence: 100000,
      dueOn: '2025-06-30',
    }),
    ce.board('FundingContributionAgreed', {
      contributionId: 'c-2',
      partnerId: 'police',
      financialYear: '2025-26',
      amountPence: 50000,
      dueOn: '2025-05-31',
    }),
    ce.board('FundingContributionReceived', {
      receiptId: 'rc-1',
      contributionId: 'c-1',
      partnerId: 'council',
      amountPence: 60000,
      receivedOn: '2025-06-01',
    }),
    ce.board('FundingContributionReceived', {
      receiptId: 'rc-2',
      contributionId: 'c-2',
      partnerId: 'police',
      amountPence: 50000,
      receivedOn: '2025-06-15',
    }),
    // FUND-CONCENTRATION: the council's 60,000 of 110,000 received in Q1.
    // STRUCT-SUBGROUP-CADENCE: sm-1 held, sm-2 not: 1 of 2.
    ce.board('SubgroupFormed', { subgroupId: 'sg-1', name: 'Quality assurance', formedOn: '2025-01-10' }),
    ce.board('SubgroupMeetingScheduled', { subgroupId: 'sg-1', meetingId: 'sm-1', on: '2025-04-15' }),
    ce.board('SubgroupMeetingScheduled', { subgroupId: 'sg-1', meetingId: 'sm-2', on: '2025-06-15' }),
    ce.board('SubgroupMeetingHeld', { subgroupId: 'sg-1', meetingId: 'sm-1', on: '2025-04-15' }),
    // ENG-PARTICIPATION: 12 children and 5 parents: 17.
    ce.board('EngagementActivityHeld', { activityId: 'ea-1', on: '2025-05-05', with: 'children', participants: 12 }),
    ce.board('EngagementActivityHeld', { activityId: 'ea-2', on: '2025-06-01', with: 'parents', participants: 5 }),
    ce.board('MetricTargetSet', { metricCode: 'CP-ICPC-15WD', financialYear: '2025-26', target: 0.8, amberWithin: 0.1 }),
  ];

  const referralToRetract = ce.case('ReferralReceived', { referralId: 'r-6', childId: 'CHILD-D', receivedOn: '2025-05-01' });
  const sd2Corrected = ce.case('StrategyDiscussionHeld', {
    strategyDiscussionId: 'sd-2',
    childIds: ['CHILD-C'],
    heldOn: '2025-05-01',
    decision: 'child-protection-enquiry',
  });
  const cases = [
    // CP-ICPC-15WD. sd-1 on Fri 05-02 for A and B: the 15th working day is 05-27 (05-05 and 05-26 are holidays).
    ce.case('StrategyDiscussionHeld', {
      strategyDiscussionId: 'sd-1',
      childIds: ['CHILD-A', 'CHILD-B'],
      heldOn: '2025-05-02',
      decision: 'child-protection-enquiry',
    }),
    ce.case('InitialChildProtectionConferenceHeld', {
      conferenceId: 'icpc-1',
      childIds: ['CHILD-A', 'CHILD-B'],
      heldOn: '2025-05-27',
      strategyDiscussionId: 'sd-1',
      outcomes: [
        { childId: 'CHILD-A', registered: true },
        { childId: 'CHILD-B', registered: true },
      ],
    }),
    // sd-2 for C first recorded on 05-12 (deadline 06-02), then corrected to Thu 05-01 (deadline 05-23).
    ce.case('StrategyDiscussionHeld', {
      strategyDiscussionId: 'sd-2',
      childIds: ['CHILD-C'],
      heldOn: '2025-05-12',
      decision: 'child-protection-enquiry',
    }),
    sd2Corrected,
    // icpc-2 names no discussion: the anchor is sd-2 (corrected), so 05-27 is late.
    ce.case('InitialChildProtectionConferenceHeld', {
      conferenceId: 'icpc-2',
      childIds: ['CHILD-C'],
      heldOn: '2025-05-27',
      outcomes: [{ childId: 'CHILD-C', registered: true }],
    }),
    // icpc-3 for D has no strategy discussion at all: denominator only, flagged.
    ce.case('InitialChildProtectionConferenceHeld', {
      conferenceId: 'icpc-3',
      childIds: ['CHILD-D'],
      heldOn: '2025-06-10',
      outcomes: [{ childId: 'CHILD-D', registered: true }],
    }),
    // icpc-4 is a transfer in: left out entirely. CP-ICPC-15WD = 2 / 4.
    ce.case('InitialChildProtectionConferenceHeld', {
      conferenceId: 'icpc-4',
      childIds: ['CHILD-E'],
      heldOn: '2025-06-11',
      transferIn: true,
      outcomes: [{ childId: 'CHILD-E', registered: true }],
    }),

    // Plans ended in Q1. p-1: exactly 24 months (731 days, 2024 is a leap year). p-2: 151 days. p-3: an end with no start (excluded, flagged).
    ce.case('ChildProtectionPlanStarted', { planId: 'p-1', childId: 'CHILD-A', startedOn: '2023-04-10', category: 'neglect' }),
    ce.case('ChildProtectionPlanEnded', { planId: 'p-1', childId: 'CHILD-A', endedOn: '2025-04-10', reason: 'no-longer-at-risk' }),
    ce.case('ChildProtectionPlanStarted', { planId: 'p-2', childId: 'CHILD-B', startedOn: '2025-01-15', category: 'emotional' }),
    ce.case('ChildProtectionPlanEnded', { planId: 'p-2', childId: 'CHILD-B', endedOn: '2025-06-15', reason: 'no-longer-at-risk' }),
    ce.case('ChildProtectionPlanEnded', { planId: 'p-3', childId: 'CHILD-F', endedOn: '2025-05-20', reason: 'other' }),
    // Plans started in Q1: p-4 (C, a first plan), p-5 (D, previousPlans 1), p-6 (B, who had p-2, ended 5 days before).
    ce.case('ChildProtectionPlanStarted', {
      planId: 'p-4',
      childId: 'CHILD-C',
      startedOn: '2025-06-01',
      category: 'physical',
      previousPlans: 0,
    }),
    ce.case('ChildProtectionPlanStarted', {
      planId: 'p-5',
      childId: 'CHILD-D',
      startedOn: '2025-06-20',
      category: 'neglect',
      previousPlans: 1,
    }),
    ce.case('ChildProtectionPlanStarted', { planId: 'p-6', childId: 'CHILD-B', startedOn: '2025-06-20', category: 'neglect' }),

    // Referrals in Q1: r-2 (A, re-referred within 12 months of r-1), r-3 (B, first), r-5 (C, r-4 was 12 months and a day before).
    ce.case('ReferralReceived', { referralId: 'r-1', childId: 'CHILD-A', receivedOn: '2024-06-01' }),
    ce.case('ReferralReceived', { referralId: 'r-2', childId: 'CHILD-A', receivedOn: '2025-05-31' }),
    ce.case('ReferralReceived', { referralId: 'r-3', childId: 'CHILD-B', receivedOn: '2025-04-02' }),
    ce.case('ReferralReceived', { referralId: 'r-4', childId: 'CHILD-C', receivedOn: '2024-04-01' }),
    ce.case('ReferralReceived', { referralId: 'r-5', childId: 'CHILD-C', receivedOn: '2025-04-02' }),
    referralToRetract,
    ce.case('RecordRetracted', { retractedType: 'ReferralReceived', businessId: 'r-6', reason: 'recorded against the wrong child' }),

    // Assessments completed in Q1 (42 working days, Wales). a-1: from r-3 (04-02) to 04-30, on time.
    // a-2: from r-5 (04-02); the 42nd working day is 06-05, completed 06-30: late. a-3: clock from its own start 05-01, done 05-15.
    // a-4: no referral and no start: denominator only, flagged. CIN-ASSESS-TIMELY = 2 / 4.
    ce.case('AssessmentCompleted', { assessmentId: 'a-1', childId: 'CHILD-B', referralId: 'r-3', completedOn: '2025-04-30' }),
    ce.case('AssessmentCompleted', { assessmentId: 'a-2', childId: 'CHILD-C', referralId: 'r-5', completedOn: '2025-06-30' }),
    ce.case('AssessmentStarted', { assessmentId: 'a-3', childId: 'CHILD-D', startedOn: '2025-05-01' }),
    ce.case('AssessmentCompleted', { assessmentId: 'a-3', childId: 'CHILD-D', completedOn: '2025-05-15' }),
    ce.case('AssessmentCompleted', { assessmentId: 'a-4', childId: 'CHILD-E', completedOn: '2025-05-10' }),

    // OUT-MEASURED-IMPROVEMENT: p-2 (B) rose 4 -> 6 on a 0-10 scale (>= 1.0: improved); p-1 (A) rose 5 -> 5.5 (not). 1 / 2.
    ce.case('OutcomeMeasured', {
      measurementId: 'o-1',
      childId: 'CHILD-B',
      instrument: 'feels-safe-scale',
      score: 4,
      scaleMin: 0,
      scaleMax: 10,
      measuredOn: '2025-02-01',
      ratedBy: 'child',
    }),
    ce.case('OutcomeMeasured', {
      measurementId: 'o-2',
      childId: 'CHILD-B',
      instrument: 'feels-safe-scale',
      score: 6,
      scaleMin: 0,
      scaleMax: 10,
      measuredOn: '2025-06-01',
      ratedBy: 'child',
    }),
    ce.case('OutcomeMeasured', {
      measurementId: 'o-3',
      childId: 'CHILD-A',
      instrument: 'feels-safe-scale',
      score: 5,
      scaleMin: 0,
      scaleMax: 10,
      measuredOn: '2024-01-01',
      ratedBy: 'child',
    }),
    ce.case('OutcomeMeasured', {
      measurementId: 'o-4',
      childId: 'CHILD-A',
      instrument: 'feels-safe-scale',
      score: 5.5,
      scaleMin: 0,
      scaleMax: 10,
      measuredOn: '2025-03-01',
      ratedBy: 'child',
    }),
  ];

  const expected: Record<string, { numerator: number; denominator: number | null; value: number | null }> = {
    'CP-ICPC-15WD': { numerator: 2, denominator: 4, value: 0.5 },
    'CP-PLAN-2Y': { numerator: 1, denominator: 2, value: 0.5 },
    'CP-REG-AVGDAYS': { numerator: 882, denominator: 2, value: 441 },
    'CP-REREF-12M': { numerator: 1, denominator: 3, value: 1 / 3 },
    'CP-REPEAT-PLAN': { numerator: 2, denominator: 3, value: 2 / 3 },
    'CP-REREG-12M': { numerator: 1, denominator: 3, value: 1 / 3 },
    'CIN-ASSESS-TIMELY': { numerator: 2, denominator: 4, value: 0.5 },
    'OUT-MEASURED-IMPROVEMENT': { numerator: 1, denominator: 2, value: 0.5 },
    'QA-AUDIT-DELIVERY': { numerator: 1, denominator: 2, value: 0.5 },
    'QA-AUDIT-GOOD': { numerator: 2, denominator: 3, value: 2 / 3 },
    'QA-ACTIONS-ON-TIME': { numerator: 1, denominator: 3, value: 1 / 3 },
    'QA-ACTIONS-OVERDUE': { numerator: 1, denominator: 2, value: 0.5 },
    'LEAD-ATTENDANCE': { numerator: 2, denominator: 3, value: 2 / 3 },
    'FUND-CONTRIB-RECEIVED': { numerator: 60000, denominator: 150000, value: 0.4 },
    'FUND-CONCENTRATION': { numerator: 60000, denominator: 110000, value: 60000 / 110000 },
    'STRAT-PLAN-DELIVERY': { numerator: 1, denominator: 1, value: 1 },
    'STRUCT-SUBGROUP-CADENCE': { numerator: 1, denominator: 2, value: 0.5 },
    'ENG-PARTICIPATION': { numerator: 17, denominator: null, value: 17 },
    // icpc-3 (no anchor), p-3 (end without start, flagged once for both plan metrics), a-4 (no clock start).
    'DQ-SEQUENCE': { numerator: 3, denominator: null, value: 3 },
  };

  return { board, cases, expected, sd2Corrected, referralToRetract };
}

/** Asserts that a metrics response gives every expected metric its hand-worked numerator, denominator and value. */
export function expectHandWorkedFigures(
  metrics: unknown,
  expected: Record<string, { numerator: number; denominator: number | null; value: number | null }>,
): void {
  const answered = metrics as Array<{ code: string; numerator: number; denominator: number | null; value: number | null }>;
  const actual = Object.fromEntries(answered.map((m) => [m.code, { numerator: m.numerator, denominator: m.denominator, value: m.value }]));
  for (const [code, figures] of Object.entries(expected)) {
    expect({ code, ...actual[code] }).toEqual({
      code,
      ...figures,
      value: figures.value === null ? null : expect.closeTo(figures.value, 10),
    });
  }
}
