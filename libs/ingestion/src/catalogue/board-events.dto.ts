import { IsOptional } from 'class-validator';
import { IsCalendarDate, IsHappenedOnDate } from '../validation/date-rules.decorators';
import {
  IsFiniteNumber,
  IsFinancialYear,
  IsListOf,
  IsListOfObjects,
  IsNestedObject,
  IsNonEmptyString,
  IsNonNegativeNumber,
  IsOneOf,
  IsTrueOrFalse,
  IsWholeNumber,
  isGssCode,
  isNonEmptyString,
} from '../validation/field-rules.decorators';
import { RETRACTABLE_BOARD_EVENT_NAMES, type BoardEventName } from './event-names';

export const PARTNER_KINDS = [
  'local-authority',
  'police',
  'health-board',
  'nhs-trust',
  'probation',
  'education',
  'youth-justice',
  'third-sector',
  'other',
] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const AUDIT_GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type AuditGrade = (typeof AUDIT_GRADES)[number];

export const ACTION_ORIGIN_KINDS = ['audit', 'review', 'plan', 'priority'] as const;
export type ActionOriginKind = (typeof ACTION_ORIGIN_KINDS)[number];

export const PRACTICE_REVIEW_KINDS = ['concise', 'extended'] as const;
export type PracticeReviewKind = (typeof PRACTICE_REVIEW_KINDS)[number];

export const ENGAGEMENT_AUDIENCES = ['children', 'young-people', 'parents', 'carers', 'communities'] as const;
export type EngagementAudience = (typeof ENGAGEMENT_AUDIENCES)[number];

/** Every board event's data: the board that records the fact. */
export abstract class BoardEventData {
  /** The board's id; the scope of the business key. */
  @IsNonEmptyString()
  boardId!: string;
}

/** A partner agency as listed when a board is established. */
export class BoardPartner {
  @IsNonEmptyString()
  partnerId!: string;

  @IsNonEmptyString()
  name!: string;

  @IsOneOf(PARTNER_KINDS)
  kind!: PartnerKind;

  /** True for a statutory partner. */
  @IsTrueOrFalse()
  statutory!: boolean;
}

export class BoardEstablishedData extends BoardEventData {
  @IsNonEmptyString()
  name!: string;

  @IsHappenedOnDate()
  establishedOn!: string;

  /** GSS codes of the local authorities the board covers. */
  @IsListOf(isGssCode, 'GSS codes (a capital letter and 8 digits)')
  localAuthorities!: string[];

  @IsListOfObjects(() => BoardPartner)
  partners!: BoardPartner[];
}

/** Data of `PartnerJoined` and `PartnerLeft`. */
export class PartnerMembershipChangedData extends BoardEventData {
  @IsNonEmptyString()
  partnerId!: string;

  @IsOptional()
  @IsNonEmptyString()
  name?: string;

  @IsOptional()
  @IsOneOf(PARTNER_KINDS)
  kind?: PartnerKind;

  @IsOptional()
  @IsTrueOrFalse()
  statutory?: boolean;

  @IsHappenedOnDate()
  on!: string;
}

export class PartnerJoinedData extends PartnerMembershipChangedData {}
export class PartnerLeftData extends PartnerMembershipChangedData {}

/** A partner present at a board meeting. */
export class MeetingAttendee {
  @IsNonEmptyString()
  partnerId!: string;

  /** True when the partner sent a delegate rather than its member. */
  @IsTrueOrFalse()
  delegate!: boolean;
}

export class BoardMeetingHeldData extends BoardEventData {
  @IsNonEmptyString()
  meetingId!: string;

  @IsHappenedOnDate()
  heldOn!: string;

  @IsListOfObjects(() => MeetingAttendee)
  attendees!: MeetingAttendee[];

  @IsTrueOrFalse()
  quorate!: boolean;
}

export class FundingContributionAgreedData extends BoardEventData {
  @IsNonEmptyString()
  contributionId!: string;

  @IsNonEmptyString()
  partnerId!: string;

  @IsFinancialYear()
  financialYear!: string;

  @IsWholeNumber()
  amountPence!: number;

  /** May be in the future. */
  @IsCalendarDate()
  dueOn!: string;
}

export class FundingContributionReceivedData extends BoardEventData {
  @IsNonEmptyString()
  receiptId!: string;

  @IsNonEmptyString()
  contributionId!: string;

  @IsNonEmptyString()
  partnerId!: string;

  @IsWholeNumber()
  amountPence!: number;

  @IsHappenedOnDate()
  receivedOn!: string;
}

/** Data of `AnnualPlanPublished` and `AnnualReportPublished`. */
export class AnnualDocumentPublishedData extends BoardEventData {
  @IsFinancialYear()
  financialYear!: string;

  @IsHappenedOnDate()
  publishedOn!: string;
}

export class AnnualPlanPublishedData extends AnnualDocumentPublishedData {}
export class AnnualReportPublishedData extends AnnualDocumentPublishedData {}

export class StrategicPriorityDefinedData extends BoardEventData {
  @IsNonEmptyString()
  priorityId!: string;

  @IsNonEmptyString()
  title!: string;

  @IsFinancialYear()
  financialYear!: string;

  /** Codes of the metrics that evidence the priority. */
  @IsOptional()
  @IsListOf(isNonEmptyString, 'non-empty strings')
  metricCodes?: string[];
}

export class SubgroupFormedData extends BoardEventData {
  @IsNonEmptyString()
  subgroupId!: string;

  @IsNonEmptyString()
  name!: string;

  @IsHappenedOnDate()
  formedOn!: string;
}

export class SubgroupMeetingScheduledData extends BoardEventData {
  @IsNonEmptyString()
  subgroupId!: string;

  @IsNonEmptyString()
  meetingId!: string;

  /** The day the meeting is scheduled for: may be in the future. */
  @IsCalendarDate()
  on!: string;
}

export class SubgroupMeetingHeldData extends BoardEventData {
  @IsNonEmptyString()
  subgroupId!: string;

  @IsNonEmptyString()
  meetingId!: string;

  @IsHappenedOnDate()
  on!: string;
}

export class AuditScheduledData extends BoardEventData {
  @IsNonEmptyString()
  auditId!: string;

  @IsNonEmptyString()
  title!: string;

  /** May be in the future. */
  @IsCalendarDate()
  dueOn!: string;
}

/** One case's result in a multi-agency audit. */
export class AuditCaseResult {
  @IsNonEmptyString()
  caseRef!: string;

  @IsOneOf(AUDIT_GRADES)
  grade!: AuditGrade;

  @IsOptional()
  @IsNonEmptyString()
  agency?: string;

  @IsOptional()
  @IsNonEmptyString()
  findings?: string;
}

export class AuditCompletedData extends BoardEventData {
  @IsNonEmptyString()
  auditId!: string;

  @IsHappenedOnDate()
  completedOn!: string;

  @IsListOfObjects(() => AuditCaseResult)
  caseResults!: AuditCaseResult[];
}

/** What an action arose from. */
export class ActionOrigin {
  @IsOneOf(ACTION_ORIGIN_KINDS)
  kind!: ActionOriginKind;

  @IsNonEmptyString()
  id!: string;
}

export class ActionAssignedData extends BoardEventData {
  @IsNonEmptyString()
  actionId!: string;

  @IsNonEmptyString()
  title!: string;

  @IsNonEmptyString()
  ownerPartnerId!: string;

  @IsHappenedOnDate()
  assignedOn!: string;

  /** May be in the future. */
  @IsCalendarDate()
  dueOn!: string;

  @IsOptional()
  @IsNestedObject(() => ActionOrigin)
  arisingFrom?: ActionOrigin;
}

/** The due date in force on a day is the one of the latest change made on or before that day. */
export class ActionDueDateChangedData extends BoardEventData {
  @IsNonEmptyString()
  actionId!: string;

  /** The new due date; may be in the future. */
  @IsCalendarDate()
  dueOn!: string;

  @IsHappenedOnDate()
  changedOn!: string;

  @IsNonEmptyString()
  reason!: string;
}

/** Data of `ActionCompleted` and `ActionCancelled`. */
export class ActionClosedData extends BoardEventData {
  @IsNonEmptyString()
  actionId!: string;

  @IsHappenedOnDate()
  on!: string;
}

export class ActionCompletedData extends ActionClosedData {}
export class ActionCancelledData extends ActionClosedData {}

/** Data of `PracticeReviewCommissioned` and `PracticeReviewPublished`. */
export class PracticeReviewMilestoneData extends BoardEventData {
  @IsNonEmptyString()
  reviewId!: string;

  @IsOneOf(PRACTICE_REVIEW_KINDS)
  kind!: PracticeReviewKind;

  @IsHappenedOnDate()
  on!: string;
}

export class PracticeReviewCommissionedData extends PracticeReviewMilestoneData {}
export class PracticeReviewPublishedData extends PracticeReviewMilestoneData {}

/** How many people a partner sent to a training session. */
export class TrainingAttendance {
  @IsNonEmptyString()
  partnerId!: string;

  @IsWholeNumber()
  count!: number;
}

export class TrainingDeliveredData extends BoardEventData {
  @IsNonEmptyString()
  sessionId!: string;

  @IsHappenedOnDate()
  on!: string;

  @IsWholeNumber()
  placesOffered!: number;

  @IsListOfObjects(() => TrainingAttendance)
  attendees!: TrainingAttendance[];
}

export class EngagementActivityHeldData extends BoardEventData {
  @IsNonEmptyString()
  activityId!: string;

  @IsHappenedOnDate()
  on!: string;

  @IsOneOf(ENGAGEMENT_AUDIENCES)
  with!: EngagementAudience;

  /** Number of participants. */
  @IsWholeNumber()
  participants!: number;

  @IsOptional()
  @IsNonEmptyString()
  summary?: string;
}

export class MetricTargetSetData extends BoardEventData {
  @IsNonEmptyString()
  metricCode!: string;

  @IsFinancialYear()
  financialYear!: string;

  @IsFiniteNumber()
  target!: number;

  /** How far from the target still counts as amber. */
  @IsOptional()
  @IsNonNegativeNumber()
  amberWithin?: number;
}

/** Withdraws a board fact recorded in error, naming its type and business key (composite keys joined by `/`). */
export class BoardRecordRetractedData extends BoardEventData {
  @IsOneOf(RETRACTABLE_BOARD_EVENT_NAMES)
  retractedType!: Exclude<BoardEventName, 'RecordRetracted'>;

  @IsNonEmptyString()
  businessId!: string;

  @IsNonEmptyString()
  reason!: string;
}
