import { addMonths, englandAndWalesCalendar } from '@app/calendar';
import type { EventName } from '@app/ingestion';
import { businessKeyOf, scopeOf } from '@app/ingestion/business-keys/business-key';
import type { CloudEvent } from './demo-scheduler';

const TYPE_PREFIX = 'safeguarding.';

/** A realised rate: numerator over denominator. */
export interface RealisedRate {
  numerator: number;
  denominator: number;
  /** `null` when the denominator is 0. */
  rate: number | null;
}

export interface DemoCalibration {
  /** CP-REREF-12M over every referral: referrals whose child had another within the 12 months before. */
  reReferrals: RealisedRate;
  /** CP-ICPC-15WD per child: conferences within 15 working days of the anchor strategy discussion (transfer-ins left out). */
  conferencesWithin15WorkingDays: RealisedRate;
  /** CP-PLAN-2Y over every plan end with a known start: plans that lasted two years or more. */
  plansLastingTwoYears: RealisedRate;
}

type Data = Record<string, unknown>;

/**
 * The facts a stream leaves in force: the latest version of each (type, scope, business key), in
 * stream order, without the retracted ones (metrics.md, "Facts").
 */
export function factsInForce(events: Iterable<CloudEvent>, keep?: ReadonlySet<string>): Map<string, { name: EventName; data: Data }> {
  const facts = new Map<string, { name: EventName; data: Data }>();
  for (const event of events) {
    const name = nameOf(event);
    if (keep !== undefined && !keep.has(name) && name !== 'RecordRetracted') continue;
    const scope = scopeOf(name, event.data);
    if (name === 'RecordRetracted') {
      facts.delete(`${event.data.retractedType as string}|${scope.id}|${event.data.businessId as string}`);
      continue;
    }
    facts.set(`${name}|${scope.id}|${businessKeyOf(name, event.data)}`, { name, data: event.data });
  }
  return facts;
}

/** The event name of a CloudEvent type `safeguarding.<EventName>.v1`. */
export function nameOf(event: CloudEvent): EventName {
  return event.type.slice(TYPE_PREFIX.length, event.type.lastIndexOf('.')) as EventName;
}

const CALIBRATED = new Set<string>([
  'ReferralReceived',
  'StrategyDiscussionHeld',
  'InitialChildProtectionConferenceHeld',
  'ChildProtectionPlanStarted',
  'ChildProtectionPlanEnded',
]);

/** Measures the three calibrated rates from the facts of a demo, exactly as the metric definitions count them. */
export function measureDemoCalibration(events: Iterable<CloudEvent>): DemoCalibration {
  const facts = [...factsInForce(events, CALIBRATED).values()];
  const of = (name: EventName): Data[] => facts.filter((fact) => fact.name === name).map((fact) => fact.data);
  return {
    reReferrals: reReferrals(of('ReferralReceived')),
    conferencesWithin15WorkingDays: conferencesOnTime(of('InitialChildProtectionConferenceHeld'), of('StrategyDiscussionHeld')),
    plansLastingTwoYears: longPlans(of('ChildProtectionPlanStarted'), of('ChildProtectionPlanEnded')),
  };
}

function rate(numerator: number, denominator: number): RealisedRate {
  return { numerator, denominator, rate: denominator === 0 ? null : numerator / denominator };
}

function childKey(data: Data, childId: unknown): string {
  return `${data.localAuthority as string}|${childId as string}`;
}

function reReferrals(referrals: Data[]): RealisedRate {
  const byChild = new Map<string, string[]>();
  for (const referral of referrals) {
    const key = childKey(referral, referral.childId);
    const dates = byChild.get(key) ?? [];
    dates.push(referral.receivedOn as string);
    byChild.set(key, dates);
  }
  let numerator = 0;
  for (const referral of referrals) {
    const received = referral.receivedOn as string;
    const dates = byChild.get(childKey(referral, referral.childId)) as string[];
    if (dates.some((p) => p < received && received <= addMonths(p, 12))) numerator++;
  }
  return rate(numerator, referrals.length);
}

function conferencesOnTime(conferences: Data[], discussions: Data[]): RealisedRate {
  const byId = new Map<string, Data>();
  const enquiriesByChild = new Map<string, Data[]>();
  for (const discussion of discussions) {
    byId.set(`${discussion.localAuthority as string}|${discussion.strategyDiscussionId as string}`, discussion);
    if (discussion.decision !== 'child-protection-enquiry') continue;
    for (const childId of discussion.childIds as string[]) {
      const key = childKey(discussion, childId);
      enquiriesByChild.set(key, [...(enquiriesByChild.get(key) ?? []), discussion]);
    }
  }
  let numerator = 0;
  let denominator = 0;
  for (const conference of conferences) {
    if (conference.transferIn === true) continue;
    const heldOn = conference.heldOn as string;
    const named = byId.get(`${conference.localAuthority as string}|${conference.strategyDiscussionId as string}`);
    for (const childId of conference.childIds as string[]) {
      denominator++;
      let anchor = named !== undefined && (named.childIds as string[]).includes(childId) ? named : undefined;
      if (anchor === undefined) {
        const candidates = (enquiriesByChild.get(childKey(conference, childId)) ?? []).filter((d) => (d.heldOn as string) <= heldOn);
        anchor = candidates.sort((a, b) => ((a.heldOn as string) < (b.heldOn as string) ? -1 : 1)).at(-1);
      }
      if (anchor !== undefined && englandAndWalesCalendar.isWithinWorkingDays(heldOn, anchor.heldOn as string, 15)) numerator++;
    }
  }
  return rate(numerator, denominator);
}

function longPlans(starts: Data[], ends: Data[]): RealisedRate {
  const startedOn = new Map<string, string>();
  for (const start of starts) startedOn.set(`${start.localAuthority as string}|${start.planId as string}`, start.startedOn as string);
  let numerator = 0;
  let denominator = 0;
  for (const end of ends) {
    const started = startedOn.get(`${end.localAuthority as string}|${end.planId as string}`);
    if (started === undefined) continue;
    denominator++;
    if ((end.endedOn as string) >= addMonths(started, 24)) numerator++;
  }
  return rate(numerator, denominator);
}
