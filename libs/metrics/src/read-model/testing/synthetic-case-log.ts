import type { NewEvent } from '@app/event-store';

export const SYNTHETIC_BOARD = 'cv';
const LOCAL_AUTHORITY = 'W06000015';
const SOURCE = 'urn:case-system:synthetic';

export interface SyntheticCaseLogOptions {
  /** Children in the log; each has a referral, and most a strategy discussion, a conference and a plan. */
  children: number;
  /** Seed of the pseudo-random choices: the same seed gives the same log. */
  seed?: number;
  /** How many children's histories are in progress at once (interleaved in the log, default 64). */
  interleave?: number;
}

/**
 * A deterministic case-system log for read-model tests and measurements: a board, then for each
 * child a referral (some re-referrals), a strategy discussion, an initial conference, a plan
 * started and often ended (a few before they started), outcome scores, with corrections (a
 * referral received on another day) and retractions mixed in. Histories of `interleave` children are interleaved, as a live
 * log mixes many children. Some referrals carry notes whose nested keys are not in sorted
 * order, with fractions, large numbers and non-ASCII text, so that stores which re-encode JSON
 * (jsonb) are compared fairly. About 5.4 events per child.
 */
export function syntheticCaseLog(options: SyntheticCaseLogOptions): NewEvent[] {
  const random = mulberry32(options.seed ?? 1);
  const pick = (n: number) => Math.floor(random() * n);
  const day = (base: string, offset: number) => addDays(base, offset);
  const interleave = options.interleave ?? 64;
  const events: NewEvent[] = [
    {
      type: 'BoardEstablished',
      data: {
        boardId: SYNTHETIC_BOARD,
        name: 'Cardiff and Vale',
        establishedOn: '2023-01-01',
        localAuthorities: [LOCAL_AUTHORITY],
        partners: [],
      },
    },
  ];
  const caseEvent = (type: string, data: Record<string, unknown>): NewEvent => ({
    type,
    data: { localAuthority: LOCAL_AUTHORITY, ...data },
    metadata: { boardId: SYNTHETIC_BOARD, source: SOURCE },
  });

  const histories: NewEvent[][] = [];
  for (let c = 0; c < options.children; c++) {
    const child = `child-${c.toString(36)}`;
    const start = day('2023-04-01', pick(900));
    const history: NewEvent[] = [];
    const referralId = `ref-${c}`;
    const notes =
      c % 10 === 0 ? { notes: { zeta: 'Cardiff – Caerdydd ☃', alpha: [0.1, 1e21, -3.5], mid: { y: true, b: null, a: 2 } } } : {};
    history.push(caseEvent('ReferralReceived', { referralId, childId: child, receivedOn: start, source: 'police', ...notes }));
    if (random() < 0.85) {
      const sd = `sd-${c}`;
      const held = day(start, 1 + pick(5));
      history.push(
        caseEvent('StrategyDiscussionHeld', {
          strategyDiscussionId: sd,
          childIds: [child],
          heldOn: held,
          decision: 'child-protection-enquiry',
        }),
      );
      const conferenceOn = day(held, 5 + pick(25));
      history.push(
        caseEvent('InitialChildProtectionConferenceHeld', {
          conferenceId: `icpc-${c}`,
          childIds: [child],
          heldOn: conferenceOn,
          strategyDiscussionId: sd,
          outcomes: [{ childId: child, registered: true }],
        }),
      );
      const planId = `cpp-${c}`;
      history.push(caseEvent('ChildProtectionPlanStarted', { planId, childId: child, startedOn: conferenceOn, category: 'neglect' }));
      history.push(
        caseEvent('OutcomeMeasured', {
          measurementId: `om-${c}-1`,
          childId: child,
          instrument: 'wellbeing',
          score: pick(100) / 10,
          scaleMin: 0,
          scaleMax: 10,
          measuredOn: day(conferenceOn, 10),
          ratedBy: 'child',
        }),
      );
      if (random() < 0.7) {
        // A few ends recorded before the start: an impossible sequence the DQ-SEQUENCE metric flags.
        const endedOn = random() < 0.04 ? day(conferenceOn, -10) : day(conferenceOn, 60 + pick(500));
        history.push(caseEvent('ChildProtectionPlanEnded', { planId, childId: child, endedOn, reason: 'no-longer-at-risk' }));
      }
    }
    if (random() < 0.3) {
      history.push(
        caseEvent('ReferralReceived', {
          referralId: `ref-${c}-b`,
          childId: child,
          receivedOn: day(start, 100 + pick(300)),
          source: 'school',
        }),
      );
    }
    if (random() < 0.08) {
      history.push(
        caseEvent('ReferralReceived', { referralId, childId: child, receivedOn: day(start, -pick(20) - 1), source: 'police', ...notes }),
      );
    }
    if (random() < 0.03) {
      history.push(
        caseEvent('RecordRetracted', { retractedType: 'ReferralReceived', businessId: referralId, reason: 'recorded in error' }),
      );
    }
    histories.push(history);
  }

  for (let first = 0; first < histories.length; first += interleave) {
    const group = histories.slice(first, first + interleave);
    for (let step = 0; group.some((history) => step < history.length); step++) {
      for (const history of group) if (step < history.length) events.push(history[step]);
    }
  }
  return events;
}

function addDays(date: string, days: number): string {
  const at = new Date(`${date}T00:00:00Z`);
  at.setUTCDate(at.getUTCDate() + days);
  return at.toISOString().slice(0, 10);
}

/** A small, seedable pseudo-random generator (mulberry32), so that a log is reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
