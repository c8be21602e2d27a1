/**
 * Case events: facts from case systems, scoped by `localAuthority`. `RecordRetracted` is in both
 * lists: whether a retraction is a case or a board fact depends on its data (`localAuthority` or
 * `boardId`), see `scopeOf`.
 */
export const CASE_EVENT_NAMES = [
  'ReferralReceived',
  'AssessmentStarted',
  'AssessmentCompleted',
  'StrategyDiscussionHeld',
  'ChildProtectionEnquiryStarted',
  'InitialChildProtectionConferenceHeld',
  'CoreGroupMeetingHeld',
  'ChildProtectionPlanStarted',
  'ChildProtectionReviewHeld',
  'ChildProtectionPlanEnded',
  'OutcomeMeasured',
  'RecordRetracted',
] as const;

/** Board events: facts from the board, scoped by `boardId`. */
export const BOARD_EVENT_NAMES = [
  'BoardEstablished',
  'PartnerJoined',
  'PartnerLeft',
  'BoardMeetingHeld',
  'FundingContributionAgreed',
  'FundingContributionReceived',
  'AnnualPlanPublished',
  'AnnualReportPublished',
  'StrategicPriorityDefined',
  'SubgroupFormed',
  'SubgroupMeetingScheduled',
  'SubgroupMeetingHeld',
  'AuditScheduled',
  'AuditCompleted',
  'ActionAssigned',
  'ActionDueDateChanged',
  'ActionCompleted',
  'ActionCancelled',
  'PracticeReviewCommissioned',
  'PracticeReviewPublished',
  'TrainingDelivered',
  'EngagementActivityHeld',
  'MetricTargetSet',
  'RecordRetracted',
] as const;

export type CaseEventName = (typeof CASE_EVENT_NAMES)[number];
export type BoardEventName = (typeof BOARD_EVENT_NAMES)[number];
export type EventName = CaseEventName | BoardEventName;

/** Every event name of the catalogue, each once. */
export const EVENT_NAMES: readonly EventName[] = [...new Set<EventName>([...CASE_EVENT_NAMES, ...BOARD_EVENT_NAMES])];

/** The case facts a case `RecordRetracted` may withdraw (a retraction is not itself retracted: it is corrected). */
export const RETRACTABLE_CASE_EVENT_NAMES: readonly CaseEventName[] = CASE_EVENT_NAMES.filter((name) => name !== 'RecordRetracted');

/** The board facts a board `RecordRetracted` may withdraw. */
export const RETRACTABLE_BOARD_EVENT_NAMES: readonly BoardEventName[] = BOARD_EVENT_NAMES.filter((name) => name !== 'RecordRetracted');

/**
 * The major versions accepted per event (`safeguarding.<EventName>.v<major>`). A new major is a
 * new contract with its own data class, never an edit of v1.
 */
export const SUPPORTED_MAJORS: Readonly<Record<EventName, readonly number[]>> = Object.freeze(
  Object.fromEntries(EVENT_NAMES.map((name) => [name, Object.freeze([1])])) as Record<EventName, readonly number[]>,
);

const CASE_NAMES = new Set<string>(CASE_EVENT_NAMES);
const BOARD_NAMES = new Set<string>(BOARD_EVENT_NAMES);

/** True for an event name of the catalogue. */
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (CASE_NAMES.has(name) || BOARD_NAMES.has(name));
}

/** True for a case event name (`RecordRetracted` included). */
export function isCaseEvent(name: unknown): name is CaseEventName {
  return typeof name === 'string' && CASE_NAMES.has(name);
}

/** True for a board event name (`RecordRetracted` included). */
export function isBoardEvent(name: unknown): name is BoardEventName {
  return typeof name === 'string' && BOARD_NAMES.has(name);
}
