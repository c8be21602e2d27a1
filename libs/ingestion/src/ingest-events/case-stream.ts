import type { CaseEventName } from '../catalogue/event-names';

/** Case facts that share a business key share a stream: a plan's start and end, an assessment's start and completion. */
const FAMILY: Record<Exclude<CaseEventName, 'RecordRetracted'>, string> = {
  ReferralReceived: 'referral',
  AssessmentStarted: 'assessment',
  AssessmentCompleted: 'assessment',
  StrategyDiscussionHeld: 'strategy-discussion',
  ChildProtectionEnquiryStarted: 'enquiry',
  InitialChildProtectionConferenceHeld: 'conference',
  CoreGroupMeetingHeld: 'core-group-meeting',
  ChildProtectionPlanStarted: 'plan',
  ChildProtectionPlanEnded: 'plan',
  ChildProtectionReviewHeld: 'review',
  OutcomeMeasured: 'outcome-measurement',
};

/**
 * The stream of a case fact: `la-<GSS>-<family>-<businessKey>`, e.g. `la-W06000015-plan-cp-77`.
 * Its history is the fact's versions (corrections) and its retraction, in order. Business keys
 * are case-system record ids, never child identifiers.
 */
export function caseStream(localAuthority: string, eventName: Exclude<CaseEventName, 'RecordRetracted'>, businessKey: string): string {
  return `la-${localAuthority}-${FAMILY[eventName]}-${businessKey}`;
}

export function isCaseFactName(name: string): name is Exclude<CaseEventName, 'RecordRetracted'> {
  return Object.hasOwn(FAMILY, name);
}
