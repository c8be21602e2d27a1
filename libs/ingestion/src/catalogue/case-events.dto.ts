import { IsOptional } from 'class-validator';
import { IsHappenedOnDate } from '../validation/date-rules.decorators';
import {
  IsFiniteNumber,
  IsGssCode,
  IsListOf,
  IsListOfObjects,
  IsNonEmptyString,
  IsOneOf,
  IsTrueOrFalse,
  IsWholeNumber,
  isNonEmptyString,
} from '../validation/field-rules.decorators';
import { IsAboveScaleMin, IsWithinScale } from '../validation/scale-rules.decorators';
import { RETRACTABLE_CASE_EVENT_NAMES, type CaseEventName } from './event-names';

export const STRATEGY_DISCUSSION_DECISIONS = ['child-protection-enquiry', 'no-further-action', 'other'] as const;
export type StrategyDiscussionDecision = (typeof STRATEGY_DISCUSSION_DECISIONS)[number];

export const PLAN_CATEGORIES = ['neglect', 'physical', 'emotional', 'sexual', 'multiple'] as const;
export type PlanCategory = (typeof PLAN_CATEGORIES)[number];

export const PLAN_END_REASONS = ['no-longer-at-risk', 'transferred-out', 'became-looked-after', 'turned-18', 'died', 'other'] as const;
export type PlanEndReason = (typeof PLAN_END_REASONS)[number];

export const OUTCOME_RATERS = ['child', 'parent', 'practitioner'] as const;
export type OutcomeRater = (typeof OUTCOME_RATERS)[number];

const NON_EMPTY_STRINGS = 'non-empty strings';

/** Every case event's data: the local authority whose case system recorded the fact. */
export abstract class CaseEventData {
  /** GSS code of the local authority, e.g. `W06000015`; the scope of the business key. */
  @IsGssCode()
  localAuthority!: string;
}

export class ReferralReceivedData extends CaseEventData {
  @IsNonEmptyString()
  referralId!: string;

  /** The child's identifier in the case system; pseudonymised at ingestion. */
  @IsNonEmptyString()
  childId!: string;

  @IsHappenedOnDate()
  receivedOn!: string;

  /** Referral source code. */
  @IsOptional()
  @IsNonEmptyString()
  source?: string;

  @IsOptional()
  @IsTrueOrFalse()
  noFurtherAction?: boolean;
}

export class AssessmentStartedData extends CaseEventData {
  @IsNonEmptyString()
  assessmentId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsOptional()
  @IsNonEmptyString()
  referralId?: string;

  @IsHappenedOnDate()
  startedOn!: string;
}

export class AssessmentCompletedData extends CaseEventData {
  @IsNonEmptyString()
  assessmentId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsOptional()
  @IsNonEmptyString()
  referralId?: string;

  @IsHappenedOnDate()
  completedOn!: string;
}

export class StrategyDiscussionHeldData extends CaseEventData {
  @IsNonEmptyString()
  strategyDiscussionId!: string;

  /** The children discussed (one or more); pseudonymised at ingestion. */
  @IsListOf(isNonEmptyString, NON_EMPTY_STRINGS, { min: 1 })
  childIds!: string[];

  @IsHappenedOnDate()
  heldOn!: string;

  @IsOneOf(STRATEGY_DISCUSSION_DECISIONS)
  decision!: StrategyDiscussionDecision;

  /** Kinds of agency present. */
  @IsOptional()
  @IsListOf(isNonEmptyString, NON_EMPTY_STRINGS)
  agencies?: string[];
}

/** The section 47 enquiry in England. */
export class ChildProtectionEnquiryStartedData extends CaseEventData {
  @IsNonEmptyString()
  enquiryId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsHappenedOnDate()
  startedOn!: string;

  @IsOptional()
  @IsNonEmptyString()
  strategyDiscussionId?: string;
}

/** One child's outcome at an initial child protection conference. */
export class ConferenceOutcome {
  @IsNonEmptyString()
  childId!: string;

  /** True when the child was made subject to a child protection plan. */
  @IsTrueOrFalse()
  registered!: boolean;
}

export class InitialChildProtectionConferenceHeldData extends CaseEventData {
  @IsNonEmptyString()
  conferenceId!: string;

  @IsListOf(isNonEmptyString, NON_EMPTY_STRINGS, { min: 1 })
  childIds!: string[];

  @IsHappenedOnDate()
  heldOn!: string;

  @IsOptional()
  @IsNonEmptyString()
  strategyDiscussionId?: string;

  @IsOptional()
  @IsNonEmptyString()
  enquiryId?: string;

  @IsOptional()
  @IsTrueOrFalse()
  transferIn?: boolean;

  @IsListOfObjects(() => ConferenceOutcome)
  outcomes!: ConferenceOutcome[];

  /** The children whose views were recorded; pseudonymised at ingestion. */
  @IsOptional()
  @IsListOf(isNonEmptyString, NON_EMPTY_STRINGS)
  childParticipation?: string[];

  @IsOptional()
  @IsListOf(isNonEmptyString, NON_EMPTY_STRINGS)
  agenciesInvited?: string[];

  @IsOptional()
  @IsListOf(isNonEmptyString, NON_EMPTY_STRINGS)
  agenciesAttended?: string[];
}

export class CoreGroupMeetingHeldData extends CaseEventData {
  @IsNonEmptyString()
  meetingId!: string;

  @IsNonEmptyString()
  planId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsHappenedOnDate()
  heldOn!: string;
}

export class ChildProtectionPlanStartedData extends CaseEventData {
  @IsNonEmptyString()
  planId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsHappenedOnDate()
  startedOn!: string;

  @IsOneOf(PLAN_CATEGORIES)
  category!: PlanCategory;

  @IsOptional()
  @IsNonEmptyString()
  conferenceId?: string;

  /** Count of earlier plans, as reported by the source. */
  @IsOptional()
  @IsWholeNumber()
  previousPlans?: number;
}

export class ChildProtectionReviewHeldData extends CaseEventData {
  @IsNonEmptyString()
  reviewId!: string;

  @IsNonEmptyString()
  planId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsHappenedOnDate()
  heldOn!: string;

  @IsOptional()
  @IsTrueOrFalse()
  childParticipated?: boolean;
}

export class ChildProtectionPlanEndedData extends CaseEventData {
  @IsNonEmptyString()
  planId!: string;

  @IsNonEmptyString()
  childId!: string;

  @IsHappenedOnDate()
  endedOn!: string;

  @IsOneOf(PLAN_END_REASONS)
  reason!: PlanEndReason;
}

export class OutcomeMeasuredData extends CaseEventData {
  @IsNonEmptyString()
  measurementId!: string;

  @IsNonEmptyString()
  childId!: string;

  /** The measuring instrument, e.g. `feels-safe-scale`. */
  @IsNonEmptyString()
  instrument!: string;

  /** Within `scaleMin..scaleMax` inclusive. */
  @IsFiniteNumber()
  @IsWithinScale()
  score!: number;

  @IsFiniteNumber()
  scaleMin!: number;

  /** Greater than `scaleMin`. */
  @IsFiniteNumber()
  @IsAboveScaleMin()
  scaleMax!: number;

  @IsHappenedOnDate()
  measuredOn!: string;

  @IsOneOf(OUTCOME_RATERS)
  ratedBy!: OutcomeRater;
}

/** Withdraws a case fact recorded in error, naming its type and business key (composite keys joined by `/`). */
export class CaseRecordRetractedData extends CaseEventData {
  @IsOneOf(RETRACTABLE_CASE_EVENT_NAMES)
  retractedType!: Exclude<CaseEventName, 'RecordRetracted'>;

  @IsNonEmptyString()
  businessId!: string;

  @IsNonEmptyString()
  reason!: string;
}
