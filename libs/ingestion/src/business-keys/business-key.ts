import { isBoardRetraction } from '../catalogue/event-catalogue';
import { isCaseEvent, type EventName } from '../catalogue/event-names';
import { MissingBusinessKeyField } from '../errors/ingestion.errors';

/** Separator of the parts of a composite business key (`ac-2/2025-05-10`). */
export const BUSINESS_KEY_SEPARATOR = '/';

/**
 * The data fields each event's business key is made of, in order (events.md, "Business keys").
 * `RecordRetracted` is keyed by the fact it withdraws: `<retractedType>/<businessId>`.
 */
export const BUSINESS_KEY_FIELDS: Readonly<Record<EventName, readonly string[]>> = {
  ReferralReceived: ['referralId'],
  AssessmentStarted: ['assessmentId'],
  AssessmentCompleted: ['assessmentId'],
  StrategyDiscussionHeld: ['strategyDiscussionId'],
  ChildProtectionEnquiryStarted: ['enquiryId'],
  InitialChildProtectionConferenceHeld: ['conferenceId'],
  CoreGroupMeetingHeld: ['meetingId'],
  ChildProtectionPlanStarted: ['planId'],
  ChildProtectionPlanEnded: ['planId'],
  ChildProtectionReviewHeld: ['reviewId'],
  OutcomeMeasured: ['measurementId'],
  RecordRetracted: ['retractedType', 'businessId'],
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
  PracticeReviewCommissioned: ['reviewId'],
  PracticeReviewPublished: ['reviewId'],
  TrainingDelivered: ['sessionId'],
  EngagementActivityHeld: ['activityId'],
  MetricTargetSet: ['metricCode', 'financialYear'],
};

/**
 * The business key of a fact, unique per type within its scope ({@link scopeOf}): a later event of
 * the same type, scope and key is a correction. Composite keys join their parts with `/`
 * (`PartnerJoined` → `partnerId/on`, `ActionDueDateChanged` → `actionId/changedOn`,
 * `MetricTargetSet` → `metricCode/financialYear`, `RecordRetracted` → `retractedType/businessId`).
 *
 * @throws MissingBusinessKeyField when a part is missing or not a non-empty string (validate first).
 */
export function businessKeyOf(eventName: EventName, data: Readonly<Record<string, unknown>>): string {
  return BUSINESS_KEY_FIELDS[eventName]
    .map((field) => {
      const part = data[field];
      if (typeof part !== 'string' || part.length === 0) throw new MissingBusinessKeyField(eventName, field);
      return part;
    })
    .join(BUSINESS_KEY_SEPARATOR);
}

/** The fact a `RecordRetracted` withdraws: its type and business key, as a projection looks it up. */
export function retractedFactOf(data: Readonly<Record<string, unknown>>): { type: EventName; businessKey: string } {
  const type = data.retractedType;
  const businessKey = data.businessId;
  if (typeof type !== 'string' || type.length === 0) throw new MissingBusinessKeyField('RecordRetracted', 'retractedType');
  if (typeof businessKey !== 'string' || businessKey.length === 0) {
    throw new MissingBusinessKeyField('RecordRetracted', 'businessId');
  }
  return { type: type as EventName, businessKey };
}

/** Where a business key is unique: the local authority for case facts, the board for board facts. */
export type BusinessKeyScope = { kind: 'local-authority'; id: string } | { kind: 'board'; id: string };

/**
 * The scope of a fact: `{ kind: 'local-authority', id: localAuthority }` for a case event,
 * `{ kind: 'board', id: boardId }` for a board event. A `RecordRetracted` is a board fact when
 * its data names a `boardId` and no `localAuthority`, else a case fact.
 *
 * @throws MissingBusinessKeyField when the scope field is missing (validate first).
 */
export function scopeOf(eventName: EventName, data: Readonly<Record<string, unknown>>): BusinessKeyScope {
  const isCase = eventName === 'RecordRetracted' ? !isBoardRetraction(data) : isCaseEvent(eventName);
  const field = isCase ? 'localAuthority' : 'boardId';
  const id = data[field];
  if (typeof id !== 'string' || id.length === 0) throw new MissingBusinessKeyField(eventName, field);
  return isCase ? { kind: 'local-authority', id } : { kind: 'board', id };
}
