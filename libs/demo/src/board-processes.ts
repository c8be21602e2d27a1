import type { ActionOriginKind, AuditGrade, EngagementAudience } from '@app/ingestion';
import { dateOfDay, dayOfDate, dayOfParts, financialYearLabel, weekdayOf, workingDayOnOrAfter, workingDayOnOrBefore } from './demo-days';
import { agenda, type DemoRecorder, type RecordOptions } from './demo-recorder';
import type { SeededRandom } from './seeded-random';
import type { DemoBoard, DemoPartner } from './welsh-boards';

/** A partner's membership of the board: from the day it joined to the day it left (null: still a member). */
interface Membership {
  readonly partner: DemoPartner;
  readonly from: number;
  readonly to: number | null;
}

/** Partners are named in facts only once their joining has had time to be recorded. */
const SETTLING_DAYS = 7;

const METRIC_TARGETS: readonly (readonly [string, number, number])[] = [
  ['CP-ICPC-15WD', 0.85, 0.05],
  ['CP-REREF-12M', 0.2, 0.03],
  ['CP-PLAN-2Y', 0.04, 0.01],
  ['CIN-ASSESS-TIMELY', 0.9, 0.05],
  ['OUT-MEASURED-IMPROVEMENT', 0.7, 0.1],
  ['QA-AUDIT-DELIVERY', 0.9, 0.1],
  ['QA-ACTIONS-ON-TIME', 0.8, 0.1],
  ['LEAD-ATTENDANCE', 0.85, 0.05],
  ['FUND-CONTRIB-RECEIVED', 0.95, 0.05],
  ['STRUCT-SUBGROUP-CADENCE', 0.9, 0.1],
];

const PRIORITIES: readonly (readonly [string, string, readonly string[]])[] = [
  ['neglect', 'Tackling neglect', ['CP-PLAN-2Y', 'CP-REPEAT-PLAN', 'OUT-MEASURED-IMPROVEMENT']],
  ['exploitation', 'Child sexual and criminal exploitation', ['QA-AUDIT-GOOD', 'CP-ICPC-15WD']],
  ['voice', 'Hearing the voice of the child', ['OUT-CHILD-VOICE', 'ENG-PARTICIPATION']],
  ['domestic-abuse', 'Children living with domestic abuse', ['CP-REREF-12M', 'CP-REREG-12M']],
  ['front-door', 'A timely front door', ['CIN-ASSESS-TIMELY', 'CP-ICPC-15WD']],
  ['online-safety', 'Keeping children safe online', ['ENG-PARTICIPATION']],
  ['transitions', 'Transitions to adulthood', ['CP-REG-AVGDAYS']],
];

const AUDIT_TITLES = [
  'Multi-agency audit: neglect',
  'Multi-agency audit: strategy discussions',
  'Multi-agency audit: child sexual exploitation',
  'Multi-agency audit: domestic abuse referrals',
  'Multi-agency audit: core groups',
  'Multi-agency audit: voice of the child',
  'Multi-agency audit: step-down from plans',
];

const GRADES: readonly (readonly [AuditGrade, number])[] = [
  ['outstanding', 0.1],
  ['good', 0.45],
  ['requires-improvement', 0.3],
  ['inadequate', 0.15],
];

const FINDINGS = [
  'Chronology incomplete',
  'Good information sharing at the strategy discussion',
  "Child's views not recorded",
  'Drift in the core group',
  'Management oversight evident',
  'Health not invited to the strategy discussion',
];

const ENGAGEMENT: readonly (readonly [EngagementAudience, number, number, string])[] = [
  ['children', 8, 40, 'Primary school focus groups on feeling safe'],
  ['young-people', 6, 30, 'Youth forum on online safety'],
  ['parents', 4, 20, 'Parent panel on child protection conferences'],
  ['carers', 3, 15, 'Foster and kinship carers consultation'],
  ['communities', 10, 80, 'Community safeguarding roadshow'],
];

const SUBGROUPS: readonly (readonly [string, string])[] = [
  ['sg-quality-assurance', 'Quality Assurance and Performance'],
  ['sg-training', 'Training and Workforce Development'],
  ['sg-practice-review', 'Practice Review'],
  ['sg-participation', 'Voice and Participation'],
];

/** One board during the demo: its membership over time and its own id sequences. */
export class BoardContext {
  readonly memberships: Membership[] = [];
  private readonly counters = new Map<string, number>();

  constructor(
    readonly board: DemoBoard,
    readonly recorder: DemoRecorder,
    readonly windowStart: number,
    readonly lastDay: number,
  ) {
    const established = dayOfDate(board.establishedOn);
    const { rng } = recorder;
    for (const partner of board.founding) {
      if (partner.partnerId !== 'barnardos-cymru') {
        this.memberships.push({ partner, from: established, to: null });
        continue;
      }
      const leaves = windowStart + rng.int(60, 300);
      this.memberships.push({ partner, from: established, to: leaves });
      if (rng.chance(0.5)) this.memberships.push({ partner, from: leaves + rng.int(120, 300), to: null });
    }
    this.memberships.push({ partner: board.joiners[0], from: windowStart + rng.int(20, 200), to: null });
    this.memberships.push({ partner: board.joiners[1], from: windowStart + rng.int(250, 600), to: null });
  }

  get rng(): SeededRandom {
    return this.recorder.rng;
  }

  get boardId(): string {
    return this.board.boardId;
  }

  nextId(prefix: string): string {
    const n = (this.counters.get(prefix) ?? 0) + 1;
    this.counters.set(prefix, n);
    return `${prefix}-${n}`;
  }

  /** Partners that are members on `day` and whose joining was recorded by then. */
  membersOn(day: number): DemoPartner[] {
    const established = dayOfDate(this.board.establishedOn);
    return this.memberships
      .filter((m) => (m.from === established || m.from + SETTLING_DAYS <= day) && m.from <= day && (m.to === null || m.to >= day))
      .map((m) => m.partner);
  }

  /** Statutory founding partners: they never leave, so they own actions and fund the board. */
  get stablePartners(): DemoPartner[] {
    return this.board.founding.filter((partner) => partner.statutory);
  }

  record(name: Parameters<DemoRecorder['record']>[0], data: Record<string, unknown>, options?: RecordOptions): number {
    return this.recorder.record(name, { boardId: this.boardId, ...data }, options);
  }
}

/** Starts every process of a board: establishment, membership, and each financial year's business. */
export function startBoard(ctx: BoardContext): void {
  const firstYear = startYearOf(ctx.windowStart);
  const lastYear = startYearOf(ctx.lastDay) + 1;
  ctx.recorder.spawn(establishment(ctx));
  ctx.recorder.spawn(membershipChanges(ctx));
  for (let year = firstYear; year <= lastYear; year++) {
    ctx.recorder.spawn(funding(ctx, year));
    ctx.recorder.spawn(publications(ctx, year));
    ctx.recorder.spawn(targets(ctx, year));
    ctx.recorder.spawn(priorities(ctx, year));
    if (year === lastYear) continue;
    ctx.recorder.spawn(boardMeetings(ctx, year));
    ctx.recorder.spawn(audits(ctx, year));
    ctx.recorder.spawn(practiceReviews(ctx, year));
    ctx.recorder.spawn(trainingAndEngagement(ctx, year));
    const planActionDay = workingDayOnOrAfter(dayOfParts(year, 4, 1) + ctx.rng.int(10, 40));
    if (planActionDay >= ctx.windowStart) {
      ctx.recorder.spawn(
        action(ctx, { kind: 'plan', id: financialYearLabel(year) }, 'Deliver the annual plan communications strategy', planActionDay),
      );
    }
  }
}

/** The first day of a month counted from January of `year` (13 is January of the next year). */
function monthStart(year: number, month: number): number {
  return dayOfParts(year + Math.floor((month - 1) / 12), ((month - 1) % 12) + 1, 1);
}

function startYearOf(day: number): number {
  const date = dateOfDay(day);
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

function* establishment(ctx: BoardContext): Generator<number, void, void> {
  const { board, rng } = ctx;
  const established = dayOfDate(board.establishedOn);
  yield established;
  let at = ctx.record('BoardEstablished', {
    name: board.name,
    establishedOn: board.establishedOn,
    localAuthorities: board.localAuthorities.map((la) => la.gss),
    partners: board.founding.map(({ partnerId, name, kind, statutory }) => ({ partnerId, name, kind, statutory })),
  });
  const formed = SUBGROUPS.map(([subgroupId, name]) => ({ subgroupId, name, day: weekdayOnOrAfter(established + rng.int(30, 400)) }));
  formed.sort((a, b) => a.day - b.day);
  for (const subgroup of formed) {
    yield subgroup.day;
    at = ctx.record(
      'SubgroupFormed',
      { subgroupId: subgroup.subgroupId, name: subgroup.name, formedOn: dateOfDay(subgroup.day) },
      { after: at },
    );
    ctx.recorder.spawn(subgroupMeetings(ctx, subgroup.subgroupId, Math.max(ctx.windowStart, subgroup.day + 14)));
  }
  const newSubgroupDay = workingDayOnOrAfter(ctx.windowStart + rng.int(90, 250));
  yield newSubgroupDay;
  ctx.record('SubgroupFormed', { subgroupId: 'sg-exploitation', name: 'Exploitation', formedOn: dateOfDay(newSubgroupDay) });
  ctx.recorder.spawn(subgroupMeetings(ctx, 'sg-exploitation', newSubgroupDay + 14));
}

/** A Monday to Friday on or after `day`: the board's early years predate the bank holiday list. */
function weekdayOnOrAfter(day: number): number {
  const weekday = weekdayOf(day);
  return weekday >= 6 ? day + 8 - weekday : day;
}

function* membershipChanges(ctx: BoardContext): Generator<number, void, void> {
  const established = dayOfDate(ctx.board.establishedOn);
  const changes: { day: number; run: () => void }[] = [];
  for (const m of ctx.memberships) {
    const { partnerId, name, kind, statutory } = m.partner;
    if (m.from !== established) {
      changes.push({ day: m.from, run: () => ctx.record('PartnerJoined', { partnerId, name, kind, statutory, on: dateOfDay(m.from) }) });
    }
    if (m.to !== null) {
      const to = m.to;
      changes.push({ day: to, run: () => ctx.record('PartnerLeft', { partnerId, on: dateOfDay(to) }) });
    }
  }
  yield* agenda(changes);
}

/** Each financial year's contributions, agreed in the spring before, and their receipts: some late, some partial. */
function* funding(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const fy = financialYearLabel(year);
  const agreedDay = workingDayOnOrBefore(dayOfParts(year, 3, rng.int(1, 28)) - rng.int(0, 30));
  const dueDay = dayOfParts(year, 6, 30);
  const children = ctx.board.localAuthorities.reduce((sum, la) => sum + la.childrenThousands, 0);
  const pot = (60_000 + 2_500 * children) * Math.pow(1.03, year - 2020);
  const healthBoards = ctx.stablePartners.filter((p) => p.kind === 'health-board');
  const shares: [DemoPartner, number][] = [];
  for (const partner of ctx.stablePartners) {
    const la = ctx.board.localAuthorities.find((candidate) => partner.name === `${candidate.name} Council`);
    if (la !== undefined) shares.push([partner, (0.62 * la.childrenThousands) / children]);
    else if (partner.kind === 'police') shares.push([partner, 0.16]);
    else if (partner.kind === 'health-board') shares.push([partner, 0.16 / healthBoards.length]);
    else if (partner.kind === 'probation') shares.push([partner, 0.03]);
    else if (partner.kind === 'nhs-trust') shares.push([partner, 0.03]);
  }
  yield agreedDay;
  const steps: { day: number; run: () => void }[] = [];
  for (const [partner, share] of shares) {
    const contributionId = `fc-${fy}-${partner.partnerId}`;
    const amountPence = Math.round((pot * share) / 100) * 10_000;
    const agreed = { contributionId, partnerId: partner.partnerId, financialYear: fy, amountPence, dueOn: dateOfDay(dueDay) };
    const agreedAt = ctx.record('FundingContributionAgreed', agreed);
    const receipt = (day: number, pence: number): void => {
      steps.push({
        day,
        run: () =>
          ctx.record(
            'FundingContributionReceived',
            { receiptId: ctx.nextId('fr'), contributionId, partnerId: partner.partnerId, amountPence: pence, receivedOn: dateOfDay(day) },
            { mayBeLate: true, after: agreedAt },
          ),
      });
    };
    const onTime = (): number => workingDayOnOrBefore(dueDay - rng.int(0, 75));
    const late = (): number => workingDayOnOrAfter(dueDay + rng.int(5, 150));
    const behaviour = rng.weighted([
      ['on-time', 0.68],
      ['late', 0.14],
      ['instalments', 0.1],
      ['short', 0.08],
    ] as const);
    if (behaviour === 'on-time') receipt(onTime(), amountPence);
    else if (behaviour === 'late') receipt(late(), amountPence);
    else if (behaviour === 'instalments') {
      const first = Math.round(amountPence * (0.5 + rng.next() * 0.2));
      receipt(onTime(), first);
      if (rng.chance(0.8)) receipt(late(), amountPence - first);
    } else receipt(onTime(), Math.round(amountPence * (0.8 + rng.next() * 0.15)));
  }
  yield* agenda(steps);
}

/** The annual plan, due before the year starts, and the report on the previous year, due by 31 July. */
function* publications(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const planDay = rng.chance(0.82)
    ? workingDayOnOrBefore(dayOfParts(year, 3, rng.int(1, 28)))
    : workingDayOnOrAfter(dayOfParts(year, 4, 1) + rng.int(5, 80));
  const reportDay = rng.chance(0.8)
    ? workingDayOnOrBefore(dayOfParts(year, 6, 1) + rng.int(0, 59))
    : workingDayOnOrAfter(dayOfParts(year, 8, 1) + rng.int(0, 90));
  const steps = [
    {
      day: planDay,
      run: () => ctx.record('AnnualPlanPublished', { financialYear: financialYearLabel(year), publishedOn: dateOfDay(planDay) }),
    },
    {
      day: reportDay,
      run: () => ctx.record('AnnualReportPublished', { financialYear: financialYearLabel(year - 1), publishedOn: dateOfDay(reportDay) }),
    },
  ];
  yield* agenda(steps);
}

function* targets(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const day = workingDayOnOrBefore(dayOfParts(year, 3, rng.int(10, 31)));
  yield day;
  const fy = financialYearLabel(year);
  for (const [metricCode, target, amberWithin] of METRIC_TARGETS) {
    const data = { metricCode, financialYear: fy, target, amberWithin };
    const at = ctx.record('MetricTargetSet', data);
    if (rng.chance(0.1))
      ctx.recorder.recordLater(
        'MetricTargetSet',
        { boardId: ctx.boardId, ...data, target: Math.round((target + 0.02) * 100) / 100 },
        at,
        10,
        60,
      );
  }
}

/** Strategic priorities for the year, each evidenced by metrics and delivered through actions. */
function* priorities(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const day = workingDayOnOrBefore(dayOfParts(year, 3, rng.int(1, 20)));
  yield day;
  const fy = financialYearLabel(year);
  for (const [theme, title, metricCodes] of rng.sample(PRIORITIES, 3)) {
    const priorityId = `sp-${fy}-${theme}`;
    const at = ctx.record('StrategicPriorityDefined', { priorityId, title, financialYear: fy, metricCodes: [...metricCodes] });
    for (let i = 0; i < 2; i++) {
      const assigned = workingDayOnOrAfter(dayOfParts(year, 4, 1) + rng.int(10, 90));
      ctx.recorder.spawn(action(ctx, { kind: 'priority', id: priorityId }, `${title}: delivery action ${i + 1}`, assigned, at));
    }
  }
}

/** Quarterly board meetings: most partners attend, some send delegates, some are absent. */
function* boardMeetings(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const fy = financialYearLabel(year);
  for (let quarter = 0; quarter < 4; quarter++) {
    const day = workingDayOnOrAfter(monthStart(year, 5 + quarter * 3) + rng.int(7, 19));
    if (day < ctx.windowStart) continue;
    yield day;
    const members = ctx.membersOn(day);
    const present = members.filter((partner) => rng.chance(partner.statutory ? 0.88 : 0.65));
    const attendees = present.map((partner) => ({ partnerId: partner.partnerId, delegate: rng.chance(0.15) }));
    const kinds = new Set(present.map((partner) => partner.kind));
    const quorate = kinds.has('local-authority') && kinds.has('police') && kinds.has('health-board');
    const data = { meetingId: `bm-${fy}-q${quarter + 1}`, heldOn: dateOfDay(day), attendees, quorate };
    const at = ctx.record('BoardMeetingHeld', data, { mayBeLate: true });
    const absent = members.filter((partner) => !present.includes(partner));
    if (absent.length > 0 && rng.chance(0.12)) {
      const corrected = [...attendees, { partnerId: absent[0].partnerId, delegate: true }];
      ctx.recorder.recordLater('BoardMeetingHeld', { boardId: ctx.boardId, ...data, attendees: corrected }, at, 3, 40);
    }
  }
}

/** A subgroup meets about every two months; meetings are scheduled weeks ahead and a few are not held. */
function* subgroupMeetings(ctx: BoardContext, subgroupId: string, fromDay: number): Generator<number, void, void> {
  const { rng } = ctx;
  const steps: { day: number; run: () => void }[] = [];
  let meetingDay = workingDayOnOrAfter(fromDay + rng.int(14, 60));
  let n = 0;
  while (meetingDay <= ctx.lastDay + 90) {
    const meetingId = `${subgroupId}-m${++n}`;
    const on = dateOfDay(meetingDay);
    const scheduledDay = Math.max(fromDay, meetingDay - rng.int(28, 60));
    steps.push({ day: scheduledDay, run: () => ctx.record('SubgroupMeetingScheduled', { subgroupId, meetingId, on }) });
    if (rng.chance(0.88)) {
      steps.push({ day: meetingDay, run: () => ctx.record('SubgroupMeetingHeld', { subgroupId, meetingId, on }, { mayBeLate: true }) });
    }
    meetingDay = workingDayOnOrAfter(meetingDay + rng.int(50, 70));
  }
  yield* agenda(steps);
}

/** A quarterly multi-agency audit programme; completed audits lead to actions. */
function* audits(ctx: BoardContext, year: number): Generator<number, void, void> {
  const fy = financialYearLabel(year);
  for (let quarter = 0; quarter < 4; quarter++) {
    const scheduledDay = workingDayOnOrAfter(monthStart(year, 4 + quarter * 3));
    if (scheduledDay < ctx.windowStart) continue;
    const dueDay = monthStart(year, 7 + quarter * 3) - 1;
    ctx.recorder.spawn(audit(ctx, `audit-${fy}-q${quarter + 1}`, scheduledDay, dueDay));
  }
  yield ctx.lastDay + 1;
}

function* audit(ctx: BoardContext, auditId: string, scheduledDay: number, dueDay: number): Generator<number, void, void> {
  const { rng } = ctx;
  yield scheduledDay;
  const scheduledAt = ctx.record('AuditScheduled', { auditId, title: rng.pick(AUDIT_TITLES), dueOn: dateOfDay(dueDay) });
  const fate = rng.weighted([
    ['on-time', 0.76],
    ['late', 0.17],
    ['open', 0.07],
  ] as const);
  if (fate === 'open') return;
  const completedDay =
    fate === 'on-time'
      ? Math.max(scheduledDay + 14, workingDayOnOrBefore(dueDay - rng.int(0, 25)))
      : workingDayOnOrAfter(dueDay + rng.int(1, 60));
  yield completedDay;
  const caseResults = Array.from({ length: rng.int(5, 10) }, (_, i) => ({
    caseRef: `${auditId}-case-${i + 1}`,
    grade: rng.weighted(GRADES),
    agency: rng.pick(['local-authority', 'police', 'health', 'education']),
    ...(rng.chance(0.6) ? { findings: rng.pick(FINDINGS) } : {}),
  }));
  const data = { auditId, completedOn: dateOfDay(completedDay), caseResults };
  const at = ctx.record('AuditCompleted', data, { after: scheduledAt });
  if (rng.chance(0.08)) {
    const regraded = caseResults.map((result, i) => (i === 0 ? { ...result, grade: rng.weighted(GRADES) } : result));
    ctx.recorder.recordLater('AuditCompleted', { boardId: ctx.boardId, ...data, caseResults: regraded }, at, 5, 40);
  }
  const actions = rng.int(1, 3);
  for (let i = 0; i < actions; i++) {
    const assigned = workingDayOnOrAfter(completedDay + rng.int(0, 14));
    ctx.recorder.spawn(action(ctx, { kind: 'audit', id: auditId }, `Audit ${auditId} recommendation ${i + 1}`, assigned, at));
  }
}

/** Child practice reviews: commissioned, published months later, with actions arising. */
function* practiceReviews(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const count = rng.poisson(1.4);
  const yearStart = Math.max(ctx.windowStart, dayOfParts(year, 4, 1));
  const yearEnd = dayOfParts(year + 1, 4, 1) - 1;
  if (yearStart > yearEnd) return;
  for (let i = 0; i < count; i++) {
    ctx.recorder.spawn(practiceReview(ctx, workingDayOnOrAfter(yearStart + rng.int(0, yearEnd - yearStart))));
  }
  yield ctx.lastDay + 1;
}

function* practiceReview(ctx: BoardContext, commissionedDay: number): Generator<number, void, void> {
  const { rng } = ctx;
  yield commissionedDay;
  const reviewId = ctx.nextId('cpr');
  const kind = rng.chance(0.8) ? 'concise' : 'extended';
  const commissionedAt = ctx.record('PracticeReviewCommissioned', { reviewId, kind, on: dateOfDay(commissionedDay) });
  const publishedDay = workingDayOnOrAfter(commissionedDay + rng.int(kind === 'concise' ? 120 : 200, 330));
  yield publishedDay;
  const at = ctx.record('PracticeReviewPublished', { reviewId, kind, on: dateOfDay(publishedDay) }, { after: commissionedAt });
  const actions = rng.int(2, 4);
  for (let i = 0; i < actions; i++) {
    ctx.recorder.spawn(
      action(
        ctx,
        { kind: 'review', id: reviewId },
        `Practice review ${reviewId} learning ${i + 1}`,
        workingDayOnOrAfter(publishedDay + rng.int(0, 21)),
        at,
      ),
    );
  }
}

/**
 * An action's life: assigned to a partner, then perhaps a new due date, completed on time or late,
 * cancelled, or still open. Never completed after being cancelled, never completed twice.
 */
function* action(
  ctx: BoardContext,
  origin: { kind: ActionOriginKind; id: string },
  title: string,
  assignedDay: number,
  originAt?: number,
): Generator<number, void, void> {
  const { rng } = ctx;
  yield assignedDay;
  const actionId = ctx.nextId('act');
  const owner = rng.pick(ctx.stablePartners);
  const span = rng.int(45, 180);
  const dueDay = assignedDay + span;
  let at = ctx.record(
    'ActionAssigned',
    { actionId, title, ownerPartnerId: owner.partnerId, assignedOn: dateOfDay(assignedDay), dueOn: dateOfDay(dueDay), arisingFrom: origin },
    originAt === undefined ? {} : { after: originAt },
  );
  const fate = rng.weighted([
    ['cancelled', 0.07],
    ['rescheduled', 0.15],
    ['on-time', 0.55],
    ['late', 0.13],
    ['open', 0.1],
  ] as const);
  if (fate === 'open') return;
  if (fate === 'cancelled') {
    yield assignedDay + rng.int(10, span);
    ctx.record('ActionCancelled', { actionId, on: dateOfDay(ctx.recorder.today) }, { after: at });
    return;
  }
  if (fate === 'rescheduled') {
    const changedDay = assignedDay + rng.int(10, span - 1);
    const newDue = dueDay + rng.int(30, 120);
    yield changedDay;
    at = ctx.record(
      'ActionDueDateChanged',
      {
        actionId,
        dueOn: dateOfDay(newDue),
        changedOn: dateOfDay(changedDay),
        reason: rng.pick(['Awaiting a partner restructure', 'Dependent on a practice review', 'Capacity over the winter']),
      },
      { after: at },
    );
    if (!rng.chance(0.7)) return;
    yield changedDay + rng.int(1, newDue - changedDay + 20);
  } else {
    yield fate === 'on-time' ? assignedDay + rng.int(3, span) : dueDay + rng.int(1, 90);
  }
  ctx.record('ActionCompleted', { actionId, on: dateOfDay(ctx.recorder.today) }, { after: at });
}

/** Training sessions twice a month and an engagement activity a month. */
function* trainingAndEngagement(ctx: BoardContext, year: number): Generator<number, void, void> {
  const { rng } = ctx;
  const steps: { day: number; run: () => void }[] = [];
  for (let m = 0; m < 12; m++) {
    const month = ((3 + m) % 12) + 1;
    const calendarYear = month >= 4 ? year : year + 1;
    for (let s = 0; s < 2; s++) {
      const day = workingDayOnOrAfter(dayOfParts(calendarYear, month, rng.int(1, 26)));
      if (day >= ctx.windowStart) steps.push({ day, run: () => recordTraining(ctx, day) });
    }
    const day = dayOfParts(calendarYear, month, rng.int(1, 28));
    if (day >= ctx.windowStart) steps.push({ day, run: () => recordEngagement(ctx, day) });
  }
  yield* agenda(steps);
}

function recordTraining(ctx: BoardContext, day: number): void {
  const { rng } = ctx;
  const placesOffered = rng.int(16, 40);
  let left = placesOffered;
  const attendees = rng.sample(ctx.membersOn(day), rng.int(3, 7)).map((partner) => {
    const count = Math.min(left, rng.int(1, 6));
    left -= count;
    return { partnerId: partner.partnerId, count };
  });
  const data = { sessionId: ctx.nextId('tr'), on: dateOfDay(day), placesOffered, attendees };
  const at = ctx.record('TrainingDelivered', data, { mayBeLate: true });
  if (rng.chance(0.03)) {
    const duplicateId = ctx.nextId('tr');
    const duplicateAt = ctx.record('TrainingDelivered', { ...data, sessionId: duplicateId }, { after: at });
    ctx.recorder.recordLater(
      'RecordRetracted',
      {
        boardId: ctx.boardId,
        retractedType: 'TrainingDelivered',
        businessId: duplicateId,
        reason: `Recorded twice; ${data.sessionId} stands`,
      },
      duplicateAt,
      2,
      30,
    );
  } else if (rng.chance(0.04) && attendees.length > 0) {
    const corrected = attendees.map((attendee, i) => (i === 0 ? { ...attendee, count: attendee.count + 1 } : attendee));
    ctx.recorder.recordLater('TrainingDelivered', { boardId: ctx.boardId, ...data, attendees: corrected }, at, 2, 30);
  }
}

function recordEngagement(ctx: BoardContext, day: number): void {
  const { rng } = ctx;
  const [audience, min, max, summary] = rng.pick(ENGAGEMENT);
  ctx.record(
    'EngagementActivityHeld',
    { activityId: ctx.nextId('eng'), on: dateOfDay(day), with: audience, participants: rng.int(min, max), summary },
    { mayBeLate: true },
  );
}
