import type { BusinessDate } from '@app/calendar';
import type { JsonObject } from '@app/event-store';
import type { ChildCaseFacts, Fact } from '../facts/fact';

export type ReferralReceivedData = {
  referralId: string;
  childId: string;
  receivedOn: BusinessDate;
  source?: string;
  noFurtherAction?: boolean;
};

export type AssessmentStartedData = {
  assessmentId: string;
  childId: string;
  referralId?: string;
  startedOn: BusinessDate;
};

export type AssessmentCompletedData = {
  assessmentId: string;
  childId: string;
  referralId?: string;
  completedOn: BusinessDate;
};

export type StrategyDiscussionHeldData = {
  strategyDiscussionId: string;
  childIds: string[];
  heldOn: BusinessDate;
  decision: 'child-protection-enquiry' | 'no-further-action' | 'other';
};

export type InitialChildProtectionConferenceHeldData = {
  conferenceId: string;
  childIds: string[];
  heldOn: BusinessDate;
  strategyDiscussionId?: string;
  transferIn?: boolean;
};

export type ChildProtectionPlanStartedData = {
  planId: string;
  childId: string;
  startedOn: BusinessDate;
  previousPlans?: number;
};

export type ChildProtectionPlanEndedData = {
  planId: string;
  childId: string;
  endedOn: BusinessDate;
};

export type OutcomeMeasuredData = {
  measurementId: string;
  childId: string;
  instrument: string;
  score: number;
  scaleMin: number;
  scaleMax: number;
  measuredOn: BusinessDate;
};

/**
 * One child's current case facts grouped by what the case metrics ask of them. Every list holds
 * only facts that name this child and is ordered by the fact's business date, then by position,
 * so every unit and every tie-break is the same whatever order the facts arrive in.
 */
export interface ChildFacts {
  readonly childKey: string;
  readonly referrals: readonly Fact<ReferralReceivedData>[];
  readonly referralsById: ReadonlyMap<string, Fact<ReferralReceivedData>>;
  readonly assessmentStartsById: ReadonlyMap<string, Fact<AssessmentStartedData>>;
  readonly assessmentCompletions: readonly Fact<AssessmentCompletedData>[];
  /** Strategy discussions that include this child. */
  readonly strategyDiscussions: readonly Fact<StrategyDiscussionHeldData>[];
  readonly strategyDiscussionsById: ReadonlyMap<string, Fact<StrategyDiscussionHeldData>>;
  /** Conferences that include this child. */
  readonly conferences: readonly Fact<InitialChildProtectionConferenceHeldData>[];
  readonly planStarts: readonly Fact<ChildProtectionPlanStartedData>[];
  readonly planStartsById: ReadonlyMap<string, Fact<ChildProtectionPlanStartedData>>;
  readonly planEnds: readonly Fact<ChildProtectionPlanEndedData>[];
  readonly outcomes: readonly Fact<OutcomeMeasuredData>[];
}

/** Orders facts by the business date in `field`, then by position (ledger order) on the same day. */
function byDateThenPosition(field: string): (a: Fact, b: Fact) => number {
  return (a, b) => {
    const x = a.data[field] as BusinessDate;
    const y = b.data[field] as BusinessDate;
    if (x !== y) return x < y ? -1 : 1;
    return a.position - b.position;
  };
}

const byReceivedOn = byDateThenPosition('receivedOn');
const byCompletedOn = byDateThenPosition('completedOn');
const byHeldOn = byDateThenPosition('heldOn');
const byStartedOn = byDateThenPosition('startedOn');
const byEndedOn = byDateThenPosition('endedOn');
const byMeasuredOn = byDateThenPosition('measuredOn');

function sorted<D extends JsonObject>(facts: Fact[], order: (a: Fact, b: Fact) => number): Fact<D>[] {
  if (facts.length > 1) facts.sort(order);
  return facts as Fact<D>[];
}

const NO_FACTS: ReadonlyMap<string, never> = new Map<string, never>();

function indexByKey<D extends JsonObject>(facts: readonly Fact<D>[]): ReadonlyMap<string, Fact<D>> {
  if (facts.length === 0) return NO_FACTS;
  const byKey = new Map<string, Fact<D>>();
  for (const fact of facts) {
    const known = byKey.get(fact.key);
    if (known === undefined || known.position < fact.position) byKey.set(fact.key, fact);
  }
  return byKey;
}

/**
 * A `YYYY-MM-DD` string. Ingestion has already refused dates that do not exist, so the shape is
 * checked here only to keep a fact without its date out, not to re-validate the calendar.
 */
function hasDate(data: JsonObject, field: string): boolean {
  const value = data[field];
  return typeof value === 'string' && value.length === 10;
}

function namesChild(data: JsonObject, childKey: string, dateField: string): boolean {
  return data.childId === childKey && hasDate(data, dateField);
}

function includesChild(data: JsonObject, childKey: string, dateField: string): boolean {
  return Array.isArray(data.childIds) && data.childIds.includes(childKey) && hasDate(data, dateField);
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isMeasurement(data: JsonObject): boolean {
  return (
    typeof data.instrument === 'string' && isFiniteNumber(data.score) && isFiniteNumber(data.scaleMin) && isFiniteNumber(data.scaleMax)
  );
}

/** The fact types `groupChildFacts` reads: a child's case metrics depend on no other. */
export const CHILD_FACT_TYPES: ReadonlySet<string> = new Set([
  'ReferralReceived',
  'AssessmentStarted',
  'AssessmentCompleted',
  'StrategyDiscussionHeld',
  'InitialChildProtectionConferenceHeld',
  'ChildProtectionPlanStarted',
  'ChildProtectionPlanEnded',
  'OutcomeMeasured',
]);

/**
 * Groups a child's facts by type. Facts of other types, facts that do not name the child and
 * facts without the business date a metric needs are left out: ingestion validates every
 * event, so this only guards the metrics against a fact they cannot place. Given `types`, only
 * facts of those types are grouped (the other lists are empty): enough for the metrics that
 * read no other.
 */
export function groupChildFacts(child: ChildCaseFacts, types: ReadonlySet<string> = CHILD_FACT_TYPES): ChildFacts {
  const { childKey } = child;
  const referrals: Fact[] = [];
  const assessmentStarts: Fact<AssessmentStartedData>[] = [];
  const assessmentCompletions: Fact[] = [];
  const strategyDiscussions: Fact[] = [];
  const conferences: Fact[] = [];
  const planStarts: Fact[] = [];
  const planEnds: Fact[] = [];
  const outcomes: Fact[] = [];

  for (const fact of child.facts) {
    if (!types.has(fact.type)) continue;
    const data = fact.data;
    switch (fact.type) {
      case 'ReferralReceived':
        if (namesChild(data, childKey, 'receivedOn')) referrals.push(fact);
        break;
      case 'AssessmentStarted':
        if (namesChild(data, childKey, 'startedOn')) assessmentStarts.push(fact as Fact<AssessmentStartedData>);
        break;
      case 'AssessmentCompleted':
        if (namesChild(data, childKey, 'completedOn')) assessmentCompletions.push(fact);
        break;
      case 'StrategyDiscussionHeld':
        if (includesChild(data, childKey, 'heldOn')) strategyDiscussions.push(fact);
        break;
      case 'InitialChildProtectionConferenceHeld':
        if (includesChild(data, childKey, 'heldOn')) conferences.push(fact);
        break;
      case 'ChildProtectionPlanStarted':
        if (namesChild(data, childKey, 'startedOn')) planStarts.push(fact);
        break;
      case 'ChildProtectionPlanEnded':
        if (namesChild(data, childKey, 'endedOn')) planEnds.push(fact);
        break;
      case 'OutcomeMeasured':
        if (namesChild(data, childKey, 'measuredOn') && isMeasurement(data)) outcomes.push(fact);
        break;
    }
  }

  const sortedReferrals = sorted<ReferralReceivedData>(referrals, byReceivedOn);
  const sortedStrategyDiscussions = sorted<StrategyDiscussionHeldData>(strategyDiscussions, byHeldOn);
  const sortedPlanStarts = sorted<ChildProtectionPlanStartedData>(planStarts, byStartedOn);
  return {
    childKey,
    referrals: sortedReferrals,
    referralsById: indexByKey(sortedReferrals),
    assessmentStartsById: indexByKey(assessmentStarts),
    assessmentCompletions: sorted<AssessmentCompletedData>(assessmentCompletions, byCompletedOn),
    strategyDiscussions: sortedStrategyDiscussions,
    strategyDiscussionsById: indexByKey(sortedStrategyDiscussions),
    conferences: sorted<InitialChildProtectionConferenceHeldData>(conferences, byHeldOn),
    planStarts: sortedPlanStarts,
    planStartsById: indexByKey(sortedPlanStarts),
    planEnds: sorted<ChildProtectionPlanEndedData>(planEnds, byEndedOn),
    outcomes: sorted<OutcomeMeasuredData>(outcomes, byMeasuredOn),
  };
}
