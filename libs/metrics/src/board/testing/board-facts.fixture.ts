import type { JsonObject } from '@app/event-store';
import type { BoardFacts, Fact } from '../../facts/fact';

/** The fields of each board event's business key (events.md "Business keys"). */
const KEY_FIELDS: Record<string, string[]> = {
  BoardEstablished: ['boardId'],
  PartnerJoined: ['partnerId', 'on'],
  PartnerLeft: ['partnerId', 'on'],
  BoardMeetingHeld: ['meetingId'],
  FundingContributionAgreed: ['contributionId'],
  FundingContributionReceived: ['receiptId'],
  AnnualPlanPublished: ['financialYear'],
  AnnualReportPublished: ['financialYear'],
  StrategicPriorityDefined: ['priorityId'],
  SubgroupFormed: ['subgroupId'],
  SubgroupMeetingScheduled: ['meetingId'],
  SubgroupMeetingHeld: ['meetingId'],
  AuditScheduled: ['auditId'],
  AuditCompleted: ['auditId'],
  ActionAssigned: ['actionId'],
  ActionDueDateChanged: ['actionId', 'changedOn'],
  ActionCompleted: ['actionId'],
  ActionCancelled: ['actionId'],
  EngagementActivityHeld: ['activityId'],
  MetricTargetSet: ['metricCode', 'financialYear'],
};

export const BOARD_ID = 'cardiff-vale';
export const BOARD_SOURCE = 'urn:board:cardiff-vale';

/** A current board fact as the projections give it, keyed per events.md; `givenBoard` numbers it. */
export function fact(type: string, data: JsonObject, source = BOARD_SOURCE): Fact {
  const fields = KEY_FIELDS[type];
  if (!fields) throw new Error(`No business key known for ${type}`);
  const key = fields.map((field) => String(data[field])).join('/');
  return { type, key, data: { boardId: BOARD_ID, ...data }, position: 0, positions: [], source };
}

/** The board's facts, recorded at positions 1, 2, 3... in the order given. */
export function givenBoard(...facts: Fact[]): BoardFacts {
  return {
    boardId: BOARD_ID,
    facts: facts.map((f, index) => ({ ...f, position: index + 1, positions: [index + 1] })),
  };
}
