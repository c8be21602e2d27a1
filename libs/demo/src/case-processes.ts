import type { PlanCategory, PlanEndReason, StrategyDiscussionDecision } from '@app/ingestion';
import { addMonthsToDay, addWorkingDays, dateOfDay, isWorkingDay, workingDayOnOrAfter, workingDayOnOrBefore, weekdayOf } from './demo-days';
import type { DemoRecorder } from './demo-recorder';
import type { SeededRandom } from './seeded-random';
import type { DemoLocalAuthority } from './welsh-boards';

/**
 * The rates the case facts are drawn with. The realised rates differ a little (the window's edges,
 * retractions, impossible sequences); the calibration test measures them from the facts.
 */
export const CASE_RATES = {
  /** Chains of referrals (one family) started per 1,000 children a year, before `scale`. */
  familiesPer1000: 10,
  /** Chance that a referral is followed by another within 12 months (a re-referral). */
  reReferral: 0.31,
  /** Chance of another referral more than 12 months later instead. */
  laterReferral: 0.1,
  noFurtherAction: 0.36,
  assessmentWithin42WorkingDays: 0.87,
  strategyDiscussion: 0.45,
  conference: 0.7,
  conferenceWithin15WorkingDays: 0.815,
  registered: 0.88,
  /** Plans lasting two years or more. */
  longPlan: 0.047,
  /** Plans already open when the window starts are drawn from this many starts per 1,000 children a year. */
  openingRegisterStartsPer1000: 2.7,
  transferInFamiliesPer1000: 0.12,
  orphanPlanEndsPer1000: 0.03,
  /** Real-world mess. */
  duplicateThenRetracted: 0.005,
  correction: 0.01,
  conferenceBeforeStrategyDiscussion: 0.004,
  planEndedBeforeStart: 0.003,
} as const;

const FAMILY_SIZES: readonly (readonly [number, number])[] = [
  [1, 0.55],
  [2, 0.25],
  [3, 0.13],
  [4, 0.07],
];

const REFERRAL_SOURCES: readonly (readonly [string, number])[] = [
  ['police', 0.3],
  ['education', 0.2],
  ['health', 0.14],
  ['local-authority', 0.1],
  ['self-or-family', 0.08],
  ['other-agency', 0.08],
  ['anonymous', 0.05],
  ['other', 0.05],
];

const DECISIONS: readonly (readonly [StrategyDiscussionDecision, number])[] = [
  ['child-protection-enquiry', 0.78],
  ['no-further-action', 0.14],
  ['other', 0.08],
];

const CATEGORIES: readonly (readonly [PlanCategory, number])[] = [
  ['neglect', 0.44],
  ['emotional', 0.34],
  ['physical', 0.11],
  ['sexual', 0.05],
  ['multiple', 0.06],
];

const END_REASONS: readonly (readonly [PlanEndReason, number])[] = [
  ['no-longer-at-risk', 0.72],
  ['became-looked-after', 0.14],
  ['transferred-out', 0.08],
  ['turned-18', 0.03],
  ['other', 0.027],
  ['died', 0.003],
];

const AGENCIES = ['local-authority', 'police', 'health', 'education', 'probation', 'youth-justice'] as const;

const INSTRUMENTS = [
  { instrument: 'feels-safe-scale', scaleMin: 0, scaleMax: 10, ratedBy: 'child' },
  { instrument: 'family-wellbeing-scale', scaleMin: 1, scaleMax: 10, ratedBy: 'practitioner' },
] as const;

interface Child {
  readonly childId: string;
  onPlan: boolean;
  /** Plans recorded in the ledger. */
  plans: number;
  /** Plans before the ledger, as the case system knows them. */
  readonly earlierPlans: number;
}

interface Family {
  readonly children: Child[];
}

/** One local authority's case system during the demo. */
export class CaseSystemContext {
  private readonly counters = new Map<string, number>();
  private readonly source: string;

  constructor(
    readonly localAuthority: DemoLocalAuthority,
    readonly recorder: DemoRecorder,
    /** Facts before this day are not generated, except the plans open on it. */
    readonly windowStart: number,
    /** Multiplies case volumes. */
    readonly scale: number,
  ) {
    this.source = localAuthority.gss;
  }

  get rng(): SeededRandom {
    return this.recorder.rng;
  }

  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }

  newChild(earlierPlans = 0): Child {
    const n = (this.counters.get('child') ?? 0) + 1;
    this.counters.set('child', n);
    return { childId: `LA-${this.source}-${100000 + n}`, onPlan: false, plans: 0, earlierPlans };
  }

  /** Daily rate of something that happens `per1000` times a year per 1,000 children. */
  dailyRate(per1000: number): number {
    return (per1000 * this.localAuthority.childrenThousands * this.scale) / 365;
  }
}

/** Starts every process of a local authority: the plans already open, and the daily arrivals. */
export function startCaseSystem(ctx: CaseSystemContext, lookbackStart: number, lastDay: number): void {
  const { rng } = ctx;
  const openingRate = ctx.dailyRate(CASE_RATES.openingRegisterStartsPer1000);
  for (let day = lookbackStart; day < ctx.windowStart; day++) {
    const starts = rng.poisson(openingRate * startWeight(day));
    for (let i = 0; i < starts; i++) {
      const endDay = planEndDay(rng, day);
      if (endDay < ctx.windowStart) continue;
      const child = ctx.newChild(rng.chance(0.15) ? 1 : 0);
      ctx.recorder.spawn(childProtectionPlan(ctx, child, day, undefined, endDay));
    }
  }
  ctx.recorder.spawn(arrivals(ctx, lastDay));
}

/** Referrals arrive every day, fewer at weekends, on bank holidays and over Christmas. */
function* arrivals(ctx: CaseSystemContext, lastDay: number): Generator<number, void, void> {
  const { rng } = ctx;
  const familyRate = ctx.dailyRate(CASE_RATES.familiesPer1000) / 0.8;
  const transferInRate = ctx.dailyRate(CASE_RATES.transferInFamiliesPer1000) / 0.8;
  const orphanRate = ctx.dailyRate(CASE_RATES.orphanPlanEndsPer1000);
  for (let day = ctx.windowStart; day <= lastDay; day++) {
    yield day;
    const weight = arrivalWeight(day);
    const families = rng.poisson(familyRate * weight);
    for (let i = 0; i < families; i++) {
      ctx.recorder.spawn(familyReferrals(ctx, newFamily(ctx), day));
    }
    if (isWorkingDay(day)) {
      const transfers = rng.poisson(transferInRate);
      for (let i = 0; i < transfers; i++) ctx.recorder.spawn(transferInConference(ctx, day));
    }
    if (rng.chance(orphanRate)) recordOrphanPlanEnd(ctx, day);
  }
}

function arrivalWeight(day: number): number {
  const weekday = weekdayOf(day);
  let weight = weekday === 6 ? 0.3 : weekday === 7 ? 0.25 : isWorkingDay(day) ? 1 : 0.4;
  const date = dateOfDay(day);
  const monthDay = date.slice(5);
  if (monthDay >= '12-24' || monthDay <= '01-01') weight *= 0.7;
  return weight;
}

/** Plan starts follow conferences, which are held on working days. */
function startWeight(day: number): number {
  return isWorkingDay(day) ? 1.4 : 0;
}

function newFamily(ctx: CaseSystemContext): Family {
  const size = ctx.rng.weighted(FAMILY_SIZES);
  const children: Child[] = [];
  for (let i = 0; i < size; i++) children.push(ctx.newChild(ctx.rng.chance(0.12) ? ctx.rng.int(1, 2) : 0));
  return { children };
}

/** A family's referrals over time: some are re-referred within 12 months, some much later. */
function* familyReferrals(ctx: CaseSystemContext, family: Family, firstDay: number): Generator<number, void, void> {
  const { rng } = ctx;
  let day = firstDay;
  for (;;) {
    yield day;
    receiveReferrals(ctx, family, day);
    const u = rng.next();
    if (u < CASE_RATES.reReferral) day += rng.int(7, 360);
    else if (u < CASE_RATES.reReferral + CASE_RATES.laterReferral) day = addMonthsToDay(day, 12) + rng.int(1, 540);
    else return;
  }
}

function receiveReferrals(ctx: CaseSystemContext, family: Family, day: number): void {
  const { rng, recorder } = ctx;
  const la = ctx.localAuthority.gss;
  const noFurtherAction = rng.chance(CASE_RATES.noFurtherAction);
  const source = rng.weighted(REFERRAL_SOURCES);
  const receivedOn = dateOfDay(day);
  const referralIds: string[] = [];
  for (const child of family.children) {
    const referralId = ctx.nextId('ref');
    referralIds.push(referralId);
    const data = { localAuthority: la, referralId, childId: child.childId, receivedOn, source, noFurtherAction };
    const at = recorder.record('ReferralReceived', data, { mayBeLate: true });
    if (rng.chance(CASE_RATES.correction)) {
      recorder.recordLater('ReferralReceived', { ...data, source: otherThan(rng, REFERRAL_SOURCES, source) }, at, 2, 60);
    }
    if (rng.chance(CASE_RATES.duplicateThenRetracted)) {
      const duplicateId = ctx.nextId('ref');
      const duplicateAt = recorder.record('ReferralReceived', { ...data, referralId: duplicateId }, { after: at });
      recorder.recordLater(
        'RecordRetracted',
        {
          localAuthority: la,
          retractedType: 'ReferralReceived',
          businessId: duplicateId,
          reason: `Duplicate of ${referralId}, recorded twice`,
        },
        duplicateAt,
        1,
        45,
      );
    }
  }
  if (noFurtherAction) return;
  family.children.forEach((child, i) => recorder.spawn(assessment(ctx, child, referralIds[i], day)));
  if (rng.chance(CASE_RATES.strategyDiscussion)) recorder.spawn(childProtectionEnquiry(ctx, family, day));
}

function otherThan<T>(rng: SeededRandom, entries: readonly (readonly [T, number])[], value: T): T {
  const others = entries.filter(([candidate]) => candidate !== value);
  return rng.weighted(others);
}

/** An assessment per referred child: most completed within 42 working days of the referral (Wales, PM24). */
function* assessment(ctx: CaseSystemContext, child: Child, referralId: string, referralDay: number): Generator<number, void, void> {
  const { rng, recorder } = ctx;
  const la = ctx.localAuthority.gss;
  const startDay = addWorkingDays(
    referralDay,
    rng.weighted([
      [0, 0.3],
      [1, 0.35],
      [2, 0.2],
      [3, 0.15],
    ]),
  );
  yield startDay;
  const assessmentId = ctx.nextId('asm');
  const names = rng.chance(0.92);
  const started = {
    localAuthority: la,
    assessmentId,
    childId: child.childId,
    ...(names ? { referralId } : {}),
    startedOn: dateOfDay(startDay),
  };
  const startedAt = recorder.record('AssessmentStarted', started);
  if (rng.chance(0.04)) return;
  const workingDays = rng.chance(CASE_RATES.assessmentWithin42WorkingDays) ? rng.int(4, 42) : rng.int(43, 80);
  const doneDay = Math.max(startDay, addWorkingDays(referralDay, workingDays));
  yield doneDay;
  const completed = {
    localAuthority: la,
    assessmentId,
    childId: child.childId,
    ...(names ? { referralId } : {}),
    completedOn: dateOfDay(doneDay),
  };
  const at = recorder.record('AssessmentCompleted', completed, { mayBeLate: true, after: startedAt });
  if (!names && rng.chance(CASE_RATES.correction * 5)) {
    recorder.recordLater('AssessmentCompleted', { ...completed, referralId }, at, 3, 30);
  }
}

/** Strategy discussion for the family (a sibling group), section 47 enquiries, and perhaps a conference. */
function* childProtectionEnquiry(ctx: CaseSystemContext, family: Family, referralDay: number): Generator<number, void, void> {
  const { rng, recorder } = ctx;
  const la = ctx.localAuthority.gss;
  const outOfHours = rng.chance(0.07);
  const sdDay = outOfHours
    ? referralDay + rng.int(0, 2)
    : addWorkingDays(
        referralDay,
        rng.weighted([
          [0, 0.25],
          [1, 0.3],
          [2, 0.15],
          [3, 0.1],
          [5, 0.1],
          [8, 0.1],
        ]),
      );
  yield sdDay;
  const children = family.children.filter((child) => !child.onPlan);
  if (children.length === 0) return;
  const strategyDiscussionId = ctx.nextId('sd');
  const decision = rng.weighted(DECISIONS);
  const discussion = {
    localAuthority: la,
    strategyDiscussionId,
    childIds: children.map((child) => child.childId),
    heldOn: dateOfDay(sdDay),
    decision,
    agencies: rng.sample(AGENCIES, rng.int(2, 4)),
  };
  const sdAt = recorder.record('StrategyDiscussionHeld', discussion, { mayBeLate: true });
  if (rng.chance(CASE_RATES.correction)) {
    recorder.recordLater('StrategyDiscussionHeld', { ...discussion, agencies: rng.sample(AGENCIES, rng.int(3, 5)) }, sdAt, 1, 30);
  }
  if (decision !== 'child-protection-enquiry') return;

  const enquiryDay = rng.chance(0.75) ? sdDay : addWorkingDays(sdDay, 1);
  if (enquiryDay !== sdDay) yield enquiryDay;
  const enquiryIds = children.map((child) => {
    const enquiryId = ctx.nextId('enq');
    recorder.record('ChildProtectionEnquiryStarted', {
      localAuthority: la,
      enquiryId,
      childId: child.childId,
      startedOn: dateOfDay(enquiryDay),
      strategyDiscussionId,
    });
    return enquiryId;
  });
  if (!rng.chance(CASE_RATES.conference)) return;

  const within = rng.chance(CASE_RATES.conferenceWithin15WorkingDays);
  const conferenceDay = addWorkingDays(sdDay, within ? rng.int(5, 15) : rng.int(16, 32));
  yield conferenceDay;
  const conferenceId = ctx.nextId('icpc');
  const heldOn = rng.chance(CASE_RATES.conferenceBeforeStrategyDiscussion) ? dateOfDay(sdDay - rng.int(1, 10)) : dateOfDay(conferenceDay);
  const outcomes = children.map((child) => ({ childId: child.childId, registered: !child.onPlan && rng.chance(CASE_RATES.registered) }));
  const invited = rng.sample(AGENCIES, rng.int(3, 6));
  const conference = {
    localAuthority: la,
    conferenceId,
    childIds: children.map((child) => child.childId),
    heldOn,
    ...(rng.chance(0.92) ? { strategyDiscussionId } : {}),
    ...(children.length === 1 ? { enquiryId: enquiryIds[0] } : {}),
    outcomes,
    childParticipation: children.filter(() => rng.chance(0.55)).map((child) => child.childId),
    agenciesInvited: invited,
    agenciesAttended: invited.filter(() => rng.chance(0.85)),
  };
  const at = recorder.record('InitialChildProtectionConferenceHeld', conference, { mayBeLate: true });
  if (rng.chance(CASE_RATES.correction)) {
    recorder.recordLater('InitialChildProtectionConferenceHeld', { ...conference, agenciesAttended: invited }, at, 2, 40);
  }
  children.forEach((child, i) => {
    if (!outcomes[i].registered) return;
    const startDay = rng.chance(0.95) ? conferenceDay : addWorkingDays(conferenceDay, 1);
    recorder.spawn(childProtectionPlan(ctx, child, startDay, conferenceId, planEndDay(rng, startDay)));
  });
}

/** A child moving in on another authority's plan: a transfer-in conference and a plan. */
function* transferInConference(ctx: CaseSystemContext, day: number): Generator<number, void, void> {
  const { rng, recorder } = ctx;
  yield day;
  const children = Array.from({ length: rng.chance(0.7) ? 1 : 2 }, () => ctx.newChild(1));
  const conferenceId = ctx.nextId('icpc');
  recorder.record('InitialChildProtectionConferenceHeld', {
    localAuthority: ctx.localAuthority.gss,
    conferenceId,
    childIds: children.map((child) => child.childId),
    heldOn: dateOfDay(day),
    transferIn: true,
    outcomes: children.map((child) => ({ childId: child.childId, registered: true })),
    childParticipation: children.filter(() => rng.chance(0.5)).map((child) => child.childId),
  });
  for (const child of children) recorder.spawn(childProtectionPlan(ctx, child, day, conferenceId, planEndDay(rng, day)));
}

/** An end recorded for a plan the ledger never saw start (migrated from an old system). */
function recordOrphanPlanEnd(ctx: CaseSystemContext, day: number): void {
  const child = ctx.newChild();
  ctx.recorder.record('ChildProtectionPlanEnded', {
    localAuthority: ctx.localAuthority.gss,
    planId: ctx.nextId('cpp-legacy'),
    childId: child.childId,
    endedOn: dateOfDay(day),
    reason: 'transferred-out',
  });
}

/**
 * How long a plan lasts: most end within the year; `longPlan` of them last two years or more
 * (England 2024-25: 4.4%).
 */
export function planEndDay(rng: SeededRandom, startDay: number): number {
  const twoYears = addMonthsToDay(startDay, 24);
  if (rng.chance(CASE_RATES.longPlan)) return workingDayOnOrAfter(twoYears + rng.int(0, 330));
  const days = Math.round(Math.exp(Math.log(230) + 0.6 * rng.normal()));
  const clamped = Math.min(Math.max(days, 40), twoYears - startDay - 6);
  return workingDayOnOrAfter(startDay + clamped);
}

interface Step {
  day: number;
  run: () => void;
}

/**
 * A child protection plan: core groups every four to six weeks, reviews at 3 months and then every
 * 6 months, outcome measurements at the start, at each review and at the end, then the end.
 * A plan already open when the window starts records its start and then only what follows the window start.
 */
function* childProtectionPlan(
  ctx: CaseSystemContext,
  child: Child,
  startDay: number,
  conferenceId: string | undefined,
  endDay: number,
): Generator<number, void, void> {
  const { rng, recorder } = ctx;
  const la = ctx.localAuthority.gss;
  yield startDay;
  if (child.onPlan) return;
  child.onPlan = true;
  const planId = ctx.nextId('cpp');
  const previousPlans = child.earlierPlans + child.plans;
  child.plans += 1;
  const category = rng.weighted(CATEGORIES);
  const started = {
    localAuthority: la,
    planId,
    childId: child.childId,
    startedOn: dateOfDay(startDay),
    category,
    ...(conferenceId !== undefined ? { conferenceId } : {}),
    ...(previousPlans > 0 || rng.chance(0.7) ? { previousPlans } : {}),
  };
  const startedAt = recorder.record('ChildProtectionPlanStarted', started, { mayBeLate: true });
  if (rng.chance(CASE_RATES.correction)) {
    recorder.recordLater('ChildProtectionPlanStarted', { ...started, category: otherThan(rng, CATEGORIES, category) }, startedAt, 2, 60);
  }

  const steps: Step[] = [];
  const visible = (day: number): boolean => day >= ctx.windowStart && day < endDay;
  let coreGroup = addWorkingDays(startDay, rng.chance(0.9) ? rng.int(2, 10) : rng.int(11, 20));
  while (coreGroup < endDay) {
    if (visible(coreGroup)) {
      const day = coreGroup;
      steps.push({
        day,
        run: () =>
          recorder.record(
            'CoreGroupMeetingHeld',
            { localAuthority: la, meetingId: ctx.nextId('cg'), planId, childId: child.childId, heldOn: dateOfDay(day) },
            { mayBeLate: true },
          ),
      });
    }
    coreGroup = addWorkingDays(coreGroup, rng.int(18, 30));
  }

  const measureDays: number[] = [startDay + rng.int(1, 10)];
  let due = addMonthsToDay(startDay, 3);
  while (due < endDay) {
    const held = rng.chance(0.9) ? workingDayOnOrBefore(due - rng.int(0, 10)) : workingDayOnOrAfter(due + rng.int(1, 25));
    if (held >= endDay) break;
    measureDays.push(held);
    if (visible(held)) {
      steps.push({
        day: held,
        run: () =>
          recorder.record(
            'ChildProtectionReviewHeld',
            {
              localAuthority: la,
              reviewId: ctx.nextId('rcpc'),
              planId,
              childId: child.childId,
              heldOn: dateOfDay(held),
              childParticipated: rng.chance(0.6),
            },
            { mayBeLate: true },
          ),
      });
    }
    due = addMonthsToDay(held, 6);
  }
  const lastMeasure = endDay - rng.int(0, 5);
  if (lastMeasure > measureDays[measureDays.length - 1]) measureDays.push(lastMeasure);

  const instruments = rng.chance(0.5) ? INSTRUMENTS : INSTRUMENTS.slice(0, 1);
  for (const scale of instruments) {
    const improving = rng.chance(0.78);
    const range = scale.scaleMax - scale.scaleMin;
    const first = scale.scaleMin + rng.int(1, Math.floor(range / 2));
    const last = improving ? Math.min(scale.scaleMax, first + rng.int(2, 5)) : first + rng.int(-1, 0);
    measureDays.forEach((day, i) => {
      if (!visible(day) && day !== lastMeasure) return;
      if (day < ctx.windowStart) return;
      const fraction = measureDays.length === 1 ? 0 : i / (measureDays.length - 1);
      const drift = i === 0 || i === measureDays.length - 1 ? 0 : rng.int(-1, 1);
      const score = Math.min(scale.scaleMax, Math.max(scale.scaleMin, Math.round(first + (last - first) * fraction) + drift));
      steps.push({ day, run: () => recordMeasurement(ctx, child, scale, score, day) });
    });
  }

  const reason = rng.weighted(END_REASONS);
  steps.push({
    day: endDay,
    run: () => {
      const endedOn = rng.chance(CASE_RATES.planEndedBeforeStart) ? dateOfDay(startDay - rng.int(1, 60)) : dateOfDay(endDay);
      const ended = { localAuthority: la, planId, childId: child.childId, endedOn, reason };
      const at = recorder.record('ChildProtectionPlanEnded', ended, { mayBeLate: true, after: startedAt });
      if (rng.chance(CASE_RATES.correction)) {
        recorder.recordLater('ChildProtectionPlanEnded', { ...ended, reason: otherThan(rng, END_REASONS, reason) }, at, 2, 45);
      }
      child.onPlan = false;
    },
  });

  steps.sort((a, b) => a.day - b.day);
  for (const step of steps) {
    yield step.day;
    step.run();
  }
}

function recordMeasurement(ctx: CaseSystemContext, child: Child, scale: (typeof INSTRUMENTS)[number], score: number, day: number): void {
  const { rng, recorder } = ctx;
  const data = {
    localAuthority: ctx.localAuthority.gss,
    measurementId: ctx.nextId('om'),
    childId: child.childId,
    instrument: scale.instrument,
    score,
    scaleMin: scale.scaleMin,
    scaleMax: scale.scaleMax,
    measuredOn: dateOfDay(day),
    ratedBy: scale.ratedBy,
  };
  const at = recorder.record('OutcomeMeasured', data, { mayBeLate: true });
  if (rng.chance(CASE_RATES.correction)) {
    const corrected = Math.min(scale.scaleMax, Math.max(scale.scaleMin, score + (score > scale.scaleMin ? -1 : 1)));
    recorder.recordLater('OutcomeMeasured', { ...data, score: corrected }, at, 1, 30);
  } else if (rng.chance(CASE_RATES.duplicateThenRetracted)) {
    const duplicateId = ctx.nextId('om');
    const duplicateAt = recorder.record('OutcomeMeasured', { ...data, measurementId: duplicateId }, { after: at });
    recorder.recordLater(
      'RecordRetracted',
      {
        localAuthority: ctx.localAuthority.gss,
        retractedType: 'OutcomeMeasured',
        businessId: duplicateId,
        reason: `Entered twice; ${data.measurementId} stands`,
      },
      duplicateAt,
      1,
      30,
    );
  }
}
