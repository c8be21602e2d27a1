import * as boardEvents from './board-events.dto';
import * as caseEvents from './case-events.dto';
import { isBoardEvent, type BoardEventName, type CaseEventName, type EventName } from './event-names';

/** The data shape of each event, as validated (v1). */
export interface EventDataMap {
  ReferralReceived: caseEvents.ReferralReceivedData;
  AssessmentStarted: caseEvents.AssessmentStartedData;
  AssessmentCompleted: caseEvents.AssessmentCompletedData;
  StrategyDiscussionHeld: caseEvents.StrategyDiscussionHeldData;
  ChildProtectionEnquiryStarted: caseEvents.ChildProtectionEnquiryStartedData;
  InitialChildProtectionConferenceHeld: caseEvents.InitialChildProtectionConferenceHeldData;
  CoreGroupMeetingHeld: caseEvents.CoreGroupMeetingHeldData;
  ChildProtectionPlanStarted: caseEvents.ChildProtectionPlanStartedData;
  ChildProtectionReviewHeld: caseEvents.ChildProtectionReviewHeldData;
  ChildProtectionPlanEnded: caseEvents.ChildProtectionPlanEndedData;
  OutcomeMeasured: caseEvents.OutcomeMeasuredData;
  RecordRetracted: caseEvents.CaseRecordRetractedData | boardEvents.BoardRecordRetractedData;
  BoardEstablished: boardEvents.BoardEstablishedData;
  PartnerJoined: boardEvents.PartnerJoinedData;
  PartnerLeft: boardEvents.PartnerLeftData;
  BoardMeetingHeld: boardEvents.BoardMeetingHeldData;
  FundingContributionAgreed: boardEvents.FundingContributionAgreedData;
  FundingContributionReceived: boardEvents.FundingContributionReceivedData;
  AnnualPlanPublished: boardEvents.AnnualPlanPublishedData;
  AnnualReportPublished: boardEvents.AnnualReportPublishedData;
  StrategicPriorityDefined: boardEvents.StrategicPriorityDefinedData;
  SubgroupFormed: boardEvents.SubgroupFormedData;
  SubgroupMeetingScheduled: boardEvents.SubgroupMeetingScheduledData;
  SubgroupMeetingHeld: boardEvents.SubgroupMeetingHeldData;
  AuditScheduled: boardEvents.AuditScheduledData;
  AuditCompleted: boardEvents.AuditCompletedData;
  ActionAssigned: boardEvents.ActionAssignedData;
  ActionDueDateChanged: boardEvents.ActionDueDateChangedData;
  ActionCompleted: boardEvents.ActionCompletedData;
  ActionCancelled: boardEvents.ActionCancelledData;
  PracticeReviewCommissioned: boardEvents.PracticeReviewCommissionedData;
  PracticeReviewPublished: boardEvents.PracticeReviewPublishedData;
  TrainingDelivered: boardEvents.TrainingDeliveredData;
  EngagementActivityHeld: boardEvents.EngagementActivityHeldData;
  MetricTargetSet: boardEvents.MetricTargetSetData;
}

/** The data of event `N` as validated. */
export type EventData<N extends EventName = EventName> = EventDataMap[N];

type DataClass = new () => object;

/** The data class (class-validator DTO) of each case event, v1. */
export const CASE_EVENT_DATA_CLASSES: Readonly<Record<CaseEventName, DataClass>> = {
  ReferralReceived: caseEvents.ReferralReceivedData,
  AssessmentStarted: caseEvents.AssessmentStartedData,
  AssessmentCompleted: caseEvents.AssessmentCompletedData,
  StrategyDiscussionHeld: caseEvents.StrategyDiscussionHeldData,
  ChildProtectionEnquiryStarted: caseEvents.ChildProtectionEnquiryStartedData,
  InitialChildProtectionConferenceHeld: caseEvents.InitialChildProtectionConferenceHeldData,
  CoreGroupMeetingHeld: caseEvents.CoreGroupMeetingHeldData,
  ChildProtectionPlanStarted: caseEvents.ChildProtectionPlanStartedData,
  ChildProtectionReviewHeld: caseEvents.ChildProtectionReviewHeldData,
  ChildProtectionPlanEnded: caseEvents.ChildProtectionPlanEndedData,
  OutcomeMeasured: caseEvents.OutcomeMeasuredData,
  RecordRetracted: caseEvents.CaseRecordRetractedData,
};

/** The data class (class-validator DTO) of each board event, v1. */
export const BOARD_EVENT_DATA_CLASSES: Readonly<Record<BoardEventName, DataClass>> = {
  BoardEstablished: boardEvents.BoardEstablishedData,
  PartnerJoined: boardEvents.PartnerJoinedData,
  PartnerLeft: boardEvents.PartnerLeftData,
  BoardMeetingHeld: boardEvents.BoardMeetingHeldData,
  FundingContributionAgreed: boardEvents.FundingContributionAgreedData,
  FundingContributionReceived: boardEvents.FundingContributionReceivedData,
  AnnualPlanPublished: boardEvents.AnnualPlanPublishedData,
  AnnualReportPublished: boardEvents.AnnualReportPublishedData,
  StrategicPriorityDefined: boardEvents.StrategicPriorityDefinedData,
  SubgroupFormed: boardEvents.SubgroupFormedData,
  SubgroupMeetingScheduled: boardEvents.SubgroupMeetingScheduledData,
  SubgroupMeetingHeld: boardEvents.SubgroupMeetingHeldData,
  AuditScheduled: boardEvents.AuditScheduledData,
  AuditCompleted: boardEvents.AuditCompletedData,
  ActionAssigned: boardEvents.ActionAssignedData,
  ActionDueDateChanged: boardEvents.ActionDueDateChangedData,
  ActionCompleted: boardEvents.ActionCompletedData,
  ActionCancelled: boardEvents.ActionCancelledData,
  PracticeReviewCommissioned: boardEvents.PracticeReviewCommissionedData,
  PracticeReviewPublished: boardEvents.PracticeReviewPublishedData,
  TrainingDelivered: boardEvents.TrainingDeliveredData,
  EngagementActivityHeld: boardEvents.EngagementActivityHeldData,
  MetricTargetSet: boardEvents.MetricTargetSetData,
  RecordRetracted: boardEvents.BoardRecordRetractedData,
};

/**
 * Whether a `RecordRetracted` withdraws a board fact: its data names a `boardId` and no
 * `localAuthority`, or names neither and retracts a board event type (so that the missing field
 * reported is the right one). Any other retraction is validated (and scoped) as a case fact.
 */
export function isBoardRetraction(data: Readonly<Record<string, unknown>>): boolean {
  if (data.localAuthority != null) return false;
  if (data.boardId != null) return true;
  return isBoardEvent(data.retractedType) && data.retractedType !== 'RecordRetracted';
}

/** The data class that validates `name`'s data (for `RecordRetracted`, chosen by {@link isBoardRetraction}). */
export function dataClassFor(name: EventName, data: Readonly<Record<string, unknown>>): DataClass {
  if (name === 'RecordRetracted') {
    return isBoardRetraction(data) ? BOARD_EVENT_DATA_CLASSES.RecordRetracted : CASE_EVENT_DATA_CLASSES.RecordRetracted;
  }
  return (CASE_EVENT_DATA_CLASSES as Record<string, DataClass>)[name] ?? BOARD_EVENT_DATA_CLASSES[name as BoardEventName];
}
