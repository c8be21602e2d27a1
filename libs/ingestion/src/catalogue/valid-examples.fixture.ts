import type { EventName } from './event-names';

/** The day of ingestion the examples are valid on. */
export const EXAMPLE_TODAY = '2025-07-01';

export interface EventExample {
  name: EventName;
  /** Tells apart the two kinds of `RecordRetracted`. */
  label: string;
  data: Record<string, unknown>;
}

const LA = 'W06000015';
const BOARD = 'cardiff-vale';

/** One valid data example of every event of the catalogue (both `RecordRetracted`s), for tests. */
export const VALID_EXAMPLES: readonly EventExample[] = [
  {
    name: 'ReferralReceived',
    label: 'ReferralReceived',
    data: {
      localAuthority: LA,
      referralId: 'ref-1',
      childId: 'LA-77120',
      receivedOn: '2025-06-02',
      source: 'police',
      noFurtherAction: false,
    },
  },
  {
    name: 'AssessmentStarted',
    label: 'AssessmentStarted',
    data: { localAuthority: LA, assessmentId: 'as-1', childId: 'LA-77120', referralId: 'ref-1', startedOn: '2025-06-03' },
  },
  {
    name: 'AssessmentCompleted',
    label: 'AssessmentCompleted',
    data: { localAuthority: LA, assessmentId: 'as-1', childId: 'LA-77120', completedOn: '2025-06-20' },
  },
  {
    name: 'StrategyDiscussionHeld',
    label: 'StrategyDiscussionHeld',
    data: {
      localAuthority: LA,
      strategyDiscussionId: 'sd-3001',
      childIds: ['LA-77120', 'LA-77121'],
      heldOn: '2025-06-04',
      decision: 'child-protection-enquiry',
      agencies: ['police', 'health-board'],
    },
  },
  {
    name: 'ChildProtectionEnquiryStarted',
    label: 'ChildProtectionEnquiryStarted',
    data: { localAuthority: LA, enquiryId: 'enq-1', childId: 'LA-77120', startedOn: '2025-06-04', strategyDiscussionId: 'sd-3001' },
  },
  {
    name: 'InitialChildProtectionConferenceHeld',
    label: 'InitialChildProtectionConferenceHeld',
    data: {
      localAuthority: LA,
      conferenceId: 'icpc-8812',
      childIds: ['LA-77120', 'LA-77121'],
      heldOn: '2025-06-20',
      strategyDiscussionId: 'sd-3001',
      enquiryId: 'enq-1',
      transferIn: false,
      outcomes: [
        { childId: 'LA-77120', registered: true },
        { childId: 'LA-77121', registered: false },
      ],
      childParticipation: ['LA-77120'],
      agenciesInvited: ['police', 'education'],
      agenciesAttended: ['police'],
    },
  },
  {
    name: 'CoreGroupMeetingHeld',
    label: 'CoreGroupMeetingHeld',
    data: { localAuthority: LA, meetingId: 'cg-1', planId: 'cpp-1', childId: 'LA-77120', heldOn: '2025-06-30' },
  },
  {
    name: 'ChildProtectionPlanStarted',
    label: 'ChildProtectionPlanStarted',
    data: {
      localAuthority: LA,
      planId: 'cpp-1',
      childId: 'LA-77120',
      startedOn: '2025-06-20',
      category: 'neglect',
      conferenceId: 'icpc-8812',
      previousPlans: 0,
    },
  },
  {
    name: 'ChildProtectionReviewHeld',
    label: 'ChildProtectionReviewHeld',
    data: { localAuthority: LA, reviewId: 'rv-1', planId: 'cpp-1', childId: 'LA-77120', heldOn: '2025-07-01', childParticipated: true },
  },
  {
    name: 'ChildProtectionPlanEnded',
    label: 'ChildProtectionPlanEnded',
    data: { localAuthority: LA, planId: 'cpp-1', childId: 'LA-77120', endedOn: '2025-07-01', reason: 'no-longer-at-risk' },
  },
  {
    name: 'OutcomeMeasured',
    label: 'OutcomeMeasured',
    data: {
      localAuthority: LA,
      measurementId: 'om-1',
      childId: 'LA-77120',
      instrument: 'feels-safe-scale',
      score: 7.5,
      scaleMin: 0,
      scaleMax: 10,
      measuredOn: '2025-06-25',
      ratedBy: 'child',
    },
  },
  {
    name: 'RecordRetracted',
    label: 'RecordRetracted (case)',
    data: { localAuthority: LA, retractedType: 'ReferralReceived', businessId: 'ref-1', reason: 'entered against the wrong child' },
  },
  {
    name: 'BoardEstablished',
    label: 'BoardEstablished',
    data: {
      boardId: BOARD,
      name: 'Cardiff and Vale Regional Safeguarding Board',
      establishedOn: '2016-04-06',
      localAuthorities: ['W06000015', 'W06000014'],
      partners: [
        { partnerId: 'cardiff-council', name: 'Cardiff Council', kind: 'local-authority', statutory: true },
        { partnerId: 'south-wales-police', name: 'South Wales Police', kind: 'police', statutory: true },
      ],
    },
  },
  {
    name: 'PartnerJoined',
    label: 'PartnerJoined',
    data: { boardId: BOARD, partnerId: 'barnardos', name: "Barnardo's Cymru", kind: 'third-sector', statutory: false, on: '2025-05-10' },
  },
  { name: 'PartnerLeft', label: 'PartnerLeft', data: { boardId: BOARD, partnerId: 'barnardos', on: '2025-06-10' } },
  {
    name: 'BoardMeetingHeld',
    label: 'BoardMeetingHeld',
    data: {
      boardId: BOARD,
      meetingId: 'bm-1',
      heldOn: '2025-06-12',
      attendees: [
        { partnerId: 'cardiff-council', delegate: false },
        { partnerId: 'south-wales-police', delegate: true },
      ],
      quorate: true,
    },
  },
  {
    name: 'FundingContributionAgreed',
    label: 'FundingContributionAgreed',
    data: {
      boardId: BOARD,
      contributionId: 'fc-1',
      partnerId: 'cardiff-council',
      financialYear: '2025-26',
      amountPence: 5_000_000,
      dueOn: '2025-09-30',
    },
  },
  {
    name: 'FundingContributionReceived',
    label: 'FundingContributionReceived',
    data: {
      boardId: BOARD,
      receiptId: 'rc-1',
      contributionId: 'fc-1',
      partnerId: 'cardiff-council',
      amountPence: 2_500_000,
      receivedOn: '2025-06-30',
    },
  },
  {
    name: 'AnnualPlanPublished',
    label: 'AnnualPlanPublished',
    data: { boardId: BOARD, financialYear: '2025-26', publishedOn: '2025-04-01' },
  },
  {
    name: 'AnnualReportPublished',
    label: 'AnnualReportPublished',
    data: { boardId: BOARD, financialYear: '2024-25', publishedOn: '2025-06-30' },
  },
  {
    name: 'StrategicPriorityDefined',
    label: 'StrategicPriorityDefined',
    data: { boardId: BOARD, priorityId: 'sp-1', title: 'Neglect', financialYear: '2025-26', metricCodes: ['CP-ICPC-15WD'] },
  },
  {
    name: 'SubgroupFormed',
    label: 'SubgroupFormed',
    data: { boardId: BOARD, subgroupId: 'qa', name: 'Quality assurance', formedOn: '2024-01-15' },
  },
  {
    name: 'SubgroupMeetingScheduled',
    label: 'SubgroupMeetingScheduled',
    data: { boardId: BOARD, subgroupId: 'qa', meetingId: 'qa-7', on: '2025-09-15' },
  },
  {
    name: 'SubgroupMeetingHeld',
    label: 'SubgroupMeetingHeld',
    data: { boardId: BOARD, subgroupId: 'qa', meetingId: 'qa-6', on: '2025-06-15' },
  },
  {
    name: 'AuditScheduled',
    label: 'AuditScheduled',
    data: { boardId: BOARD, auditId: 'au-1', title: 'Neglect thematic audit', dueOn: '2025-10-31' },
  },
  {
    name: 'AuditCompleted',
    label: 'AuditCompleted',
    data: {
      boardId: BOARD,
      auditId: 'au-0',
      completedOn: '2025-06-28',
      caseResults: [
        { caseRef: 'case-a', grade: 'good', agency: 'police', findings: 'Timely strategy discussion' },
        { caseRef: 'case-b', grade: 'requires-improvement' },
      ],
    },
  },
  {
    name: 'ActionAssigned',
    label: 'ActionAssigned',
    data: {
      boardId: BOARD,
      actionId: 'ac-2',
      title: 'Refresh neglect toolkit',
      ownerPartnerId: 'cardiff-council',
      assignedOn: '2025-06-28',
      dueOn: '2025-12-31',
      arisingFrom: { kind: 'audit', id: 'au-0' },
    },
  },
  {
    name: 'ActionDueDateChanged',
    label: 'ActionDueDateChanged',
    data: { boardId: BOARD, actionId: 'ac-2', dueOn: '2026-01-31', changedOn: '2025-06-30', reason: 'Awaiting national guidance' },
  },
  { name: 'ActionCompleted', label: 'ActionCompleted', data: { boardId: BOARD, actionId: 'ac-1', on: '2025-06-30' } },
  { name: 'ActionCancelled', label: 'ActionCancelled', data: { boardId: BOARD, actionId: 'ac-3', on: '2025-06-30' } },
  {
    name: 'PracticeReviewCommissioned',
    label: 'PracticeReviewCommissioned',
    data: { boardId: BOARD, reviewId: 'cpr-1', kind: 'concise', on: '2025-03-01' },
  },
  {
    name: 'PracticeReviewPublished',
    label: 'PracticeReviewPublished',
    data: { boardId: BOARD, reviewId: 'cpr-0', kind: 'extended', on: '2025-06-01' },
  },
  {
    name: 'TrainingDelivered',
    label: 'TrainingDelivered',
    data: {
      boardId: BOARD,
      sessionId: 'tr-1',
      on: '2025-06-18',
      placesOffered: 30,
      attendees: [
        { partnerId: 'cardiff-council', count: 12 },
        { partnerId: 'south-wales-police', count: 9 },
      ],
    },
  },
  {
    name: 'EngagementActivityHeld',
    label: 'EngagementActivityHeld',
    data: {
      boardId: BOARD,
      activityId: 'en-1',
      on: '2025-06-21',
      with: 'young-people',
      participants: 18,
      summary: 'Youth forum on online safety',
    },
  },
  {
    name: 'MetricTargetSet',
    label: 'MetricTargetSet',
    data: { boardId: BOARD, metricCode: 'CP-ICPC-15WD', financialYear: '2025-26', target: 0.9, amberWithin: 0.05 },
  },
  {
    name: 'RecordRetracted',
    label: 'RecordRetracted (board)',
    data: {
      boardId: BOARD,
      retractedType: 'ActionDueDateChanged',
      businessId: 'ac-2/2025-05-10',
      reason: 'Recorded against the wrong action',
    },
  },
];

/** A CloudEvent (structured mode) carrying `data` as a `name` v1 event. */
export function cloudEventOf(name: EventName, data: unknown, id = 'evt-1'): Record<string, unknown> {
  return {
    specversion: '1.0',
    id,
    source: 'urn:case-system:wccis:W06000015',
    type: `safeguarding.${name}.v1`,
    time: '2025-06-20T10:30:00Z',
    datacontenttype: 'application/json',
    data,
  };
}
