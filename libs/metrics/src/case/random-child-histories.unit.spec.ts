import { fromDayNumber, toDayNumber } from '@app/calendar';
import type { JsonObject } from '@app/event-store';
import fc from 'fast-check';
import type { BoardSettings, ChildCaseFacts, Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { computeChildUnits } from './compute-child-units';
import { DQ_SEQUENCE } from './dq-sequence/dq-sequence.metric';

const CHILD = 'child-p';
const OTHERS = ['child-q', 'child-r'];
const SOURCES = ['urn:case-system:wccis:W06000015', 'urn:case-system:paris:W06000023'];

/**
 * Dates from 2019-01-01 to 2026-12-31, most of a history within nine months of one day so that
 * clocks, windows and plans overlap often enough to reach every outcome of every metric.
 */
const FIRST_DAY = toDayNumber('2019-01-01');
const LAST_DAY = toDayNumber('2026-12-31');
const dateAround = (base: number) =>
  fc
    .oneof(
      { arbitrary: fc.integer({ min: base - 30, max: base + 240 }), weight: 4 },
      { arbitrary: fc.integer({ min: FIRST_DAY, max: LAST_DAY }), weight: 1 },
    )
    .map(fromDayNumber);
/** Ids from small pools, so facts link up, or miss, at random. */
const id = (prefix: string) => fc.integer({ min: 1, max: 3 }).map((n) => `${prefix}-${n}`);
const mostlyThisChild = fc.constantFrom(CHILD, CHILD, CHILD, OTHERS[0]);
const childIds = fc
  .subarray(OTHERS)
  .chain((others) => fc.boolean().map((includesChild) => (includesChild || others.length === 0 ? [CHILD, ...others] : others)));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

type Draft = { type: string; key: string; data: JsonObject };

const after = (on: string, days: number) => fromDayNumber(Math.min(toDayNumber(on) + days, LAST_DAY));

/** Linked facts as a case system records them: a discussion then its conference, a referral then its assessment, a plan with scores. */
const episodeAround = (base: number): fc.Arbitrary<Draft[]> => {
  const date = dateAround(base);
  return fc.oneof(
    fc
      .record({ sd: id('sd'), icpc: id('icpc'), on: date, wait: fc.integer({ min: 0, max: 30 }), named: fc.boolean() })
      .map(({ sd, icpc, on, wait, named }) => [
        {
          type: 'StrategyDiscussionHeld',
          key: sd,
          data: { strategyDiscussionId: sd, childIds: [CHILD], heldOn: on, decision: 'child-protection-enquiry' },
        },
        {
          type: 'InitialChildProtectionConferenceHeld',
          key: icpc,
          data: {
            conferenceId: icpc,
            childIds: [CHILD],
            heldOn: after(on, wait),
            outcomes: [{ childId: CHILD, registered: true }],
            ...(named ? { strategyDiscussionId: sd } : {}),
          },
        },
      ]),
    fc.record({ ref: id('ref'), as: id('as'), on: date, wait: fc.integer({ min: 0, max: 90 }) }).map(({ ref, as, on, wait }) => [
      { type: 'ReferralReceived', key: ref, data: { referralId: ref, childId: CHILD, receivedOn: on } },
      { type: 'AssessmentCompleted', key: as, data: { assessmentId: as, childId: CHILD, referralId: ref, completedOn: after(on, wait) } },
    ]),
    fc
      .record({
        plan: id('plan'),
        on: date,
        length: fc.integer({ min: 0, max: 800 }),
        scores: fc.array(fc.tuple(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 10 })), { maxLength: 3 }),
      })
      .map(({ plan, on, length, scores }) => [
        { type: 'ChildProtectionPlanStarted', key: plan, data: { planId: plan, childId: CHILD, startedOn: on, category: 'neglect' } },
        ...scores.map(([day, score], i) => ({
          type: 'OutcomeMeasured',
          key: `m-${plan}-${i}`,
          data: {
            measurementId: `m-${plan}-${i}`,
            childId: CHILD,
            instrument: 'feels-safe-scale',
            score,
            scaleMin: 0,
            scaleMax: 10,
            measuredOn: after(on, day),
            ratedBy: 'child',
          },
        })),
        {
          type: 'ChildProtectionPlanEnded',
          key: plan,
          data: { planId: plan, childId: CHILD, endedOn: after(on, length), reason: 'other' },
        },
      ]),
  );
};

const draftAround = (base: number): fc.Arbitrary<Draft> => {
  const date = dateAround(base);
  return fc.oneof(
    fc.record({ key: id('ref'), on: date, childId: mostlyThisChild }).map(({ key, on, childId }) => ({
      type: 'ReferralReceived',
      key,
      data: { referralId: key, childId, receivedOn: on },
    })),
    fc.record({ key: id('as'), on: date, referralId: maybe(id('ref')) }).map(({ key, on, referralId }) => ({
      type: 'AssessmentStarted',
      key,
      data: { assessmentId: key, childId: CHILD, startedOn: on, ...(referralId ? { referralId } : {}) },
    })),
    fc.record({ key: id('as'), on: date, referralId: maybe(id('ref')) }).map(({ key, on, referralId }) => ({
      type: 'AssessmentCompleted',
      key,
      data: { assessmentId: key, childId: CHILD, completedOn: on, ...(referralId ? { referralId } : {}) },
    })),
    fc
      .record({
        key: id('sd'),
        on: date,
        childIds,
        decision: fc.constantFrom('child-protection-enquiry', 'no-further-action', 'other'),
      })
      .map(({ key, on, childIds: ids, decision }) => ({
        type: 'StrategyDiscussionHeld',
        key,
        data: { strategyDiscussionId: key, childIds: ids, heldOn: on, decision },
      })),
    fc
      .record({ key: id('icpc'), on: date, childIds, sd: maybe(id('sd')), transferIn: maybe(fc.boolean()) })
      .map(({ key, on, childIds: ids, sd, transferIn }) => ({
        type: 'InitialChildProtectionConferenceHeld',
        key,
        data: {
          conferenceId: key,
          childIds: ids,
          heldOn: on,
          outcomes: ids.map((childId) => ({ childId, registered: true })),
          ...(sd ? { strategyDiscussionId: sd } : {}),
          ...(transferIn === undefined ? {} : { transferIn }),
        },
      })),
    fc
      .record({ key: id('plan'), on: date, childId: mostlyThisChild, previousPlans: maybe(fc.integer({ min: 0, max: 3 })) })
      .map(({ key, on, childId, previousPlans }) => ({
        type: 'ChildProtectionPlanStarted',
        key,
        data: { planId: key, childId, startedOn: on, category: 'neglect', ...(previousPlans === undefined ? {} : { previousPlans }) },
      })),
    fc.record({ key: id('plan'), on: date }).map(({ key, on }) => ({
      type: 'ChildProtectionPlanEnded',
      key,
      data: { planId: key, childId: CHILD, endedOn: on, reason: 'no-longer-at-risk' },
    })),
    fc
      .record({
        key: fc.integer({ min: 1, max: 12 }).map((n) => `m-${n}`),
        on: date,
        instrument: fc.constantFrom('feels-safe-scale', 'family-stress'),
        score: fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
      })
      .map(({ key, on, instrument, score }) => ({
        type: 'OutcomeMeasured',
        key,
        data: { measurementId: key, childId: CHILD, instrument, score, scaleMin: 0, scaleMax: 10, measuredOn: on, ratedBy: 'child' },
      })),
  );
};

/**
 * A child's history: single facts and linked episodes in ledger order, from one or another source.
 * Only the latest version of each (type, key) is kept: a later draft of the same fact is a correction.
 */
const childHistory: fc.Arbitrary<ChildCaseFacts> = fc
  .integer({ min: FIRST_DAY + 30, max: LAST_DAY - 240 })
  .chain((base) =>
    fc.array(
      fc.tuple(
        fc.oneof({ arbitrary: draftAround(base).map((d) => [d]), weight: 3 }, { arbitrary: episodeAround(base), weight: 1 }),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom(...SOURCES),
      ),
      { maxLength: 20 },
    ),
  )
  .map((groups) => {
    const latest = new Map<string, Fact>();
    let position = 0;
    for (const [drafts, gap, source] of groups) {
      for (const { type, key, data } of drafts) {
        position += gap;
        const earlier = latest.get(`${type}/${key}`);
        latest.set(`${type}/${key}`, {
          type,
          key,
          data: { localAuthority: 'W06000015', ...data },
          position,
          positions: [...(earlier?.positions ?? []), position],
          source,
        });
      }
    }
    return { boardId: 'board-1', childKey: CHILD, facts: [...latest.values()] };
  });

const settings: fc.Arbitrary<BoardSettings> = fc.constantFrom<BoardSettings>(
  { assessmentTimescale: 'wales' },
  { assessmentTimescale: 'england' },
);

function isAscendingWithoutRepeats(positions: number[]): boolean {
  return positions.every((p, i) => i === 0 || positions[i - 1] < p);
}

describe('computeChildUnits on random well-formed histories', () => {
  it("never throws, and every unit's positions are ascending, unrepeated and among the input facts' positions", () => {
    fc.assert(
      fc.property(childHistory, settings, (child, boardSettings) => {
        const known = new Set(child.facts.flatMap((f) => f.positions));
        for (const unit of computeChildUnits(child, boardSettings)) {
          expect(unit.positions.length).toBeGreaterThan(0);
          expect(isAscendingWithoutRepeats(unit.positions)).toBe(true);
          for (const position of unit.positions) expect(known.has(position)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('keys every unit under the child and never repeats a key within a metric', () => {
    fc.assert(
      fc.property(childHistory, settings, (child, boardSettings) => {
        const units = computeChildUnits(child, boardSettings);
        const keys = units.map((u) => `${u.metricCode} ${u.unitKey}`);
        expect(new Set(keys).size).toBe(keys.length);
        for (const unit of units) expect(unit.unitKey.startsWith(`child:${CHILD}/`)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('puts no flagged unit in a numerator and counts each flag once in DQ-SEQUENCE', () => {
    fc.assert(
      fc.property(childHistory, settings, (child, boardSettings) => {
        const units = computeChildUnits(child, boardSettings);
        const flagged = units.filter((u) => u.metricCode !== DQ_SEQUENCE && u.dataQuality === true);
        const dataQualityUnits = units.filter((u) => u.metricCode === DQ_SEQUENCE);
        for (const unit of flagged) expect(unit.counted).not.toBe('numerator');
        for (const unit of units.filter((u) => u.metricCode !== DQ_SEQUENCE)) {
          expect(unit.reason === null).toBe(unit.counted === 'numerator');
        }
        const flaggedFactReasons = new Set(flagged.map((u) => `${u.unitKey.split('/')[1]}|${u.reason}|${u.unitDate}`));
        expect(dataQualityUnits).toHaveLength(flaggedFactReasons.size);
        for (const unit of dataQualityUnits) {
          expect(unit).toMatchObject({ counted: 'numerator', dataQuality: true });
          expect(unit.breakdown?.startsWith(`${unit.reason}|`)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same units whatever order the facts arrive in', () => {
    fc.assert(
      fc.property(
        childHistory.chain((child) =>
          fc.shuffledSubarray(child.facts, { minLength: child.facts.length }).map((facts) => [child, { ...child, facts }] as const),
        ),
        settings,
        ([child, shuffled], boardSettings) => {
          const asGiven: MetricUnit[] = computeChildUnits(child, boardSettings);
          expect(computeChildUnits(shuffled, boardSettings)).toEqual(asGiven);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same units whatever facts of a type outside its factTypes the child also has', () => {
    const otherFact = fc
      .record({
        type: fc.constantFrom('CoreGroupMeetingHeld', 'ChildProtectionReviewHeld', 'ChildProtectionEnquiryStarted'),
        key: id('other'),
        on: fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map(fromDayNumber),
        position: fc.integer({ min: 1, max: 200 }),
      })
      .map(({ type, key, on, position }): Fact => ({
        type,
        key,
        data: { localAuthority: 'W06000015', childId: CHILD, childIds: [CHILD], planId: 'plan-1', heldOn: on, startedOn: on, endedOn: on },
        position,
        positions: [position],
        source: SOURCES[0],
      }));
    fc.assert(
      fc.property(childHistory, fc.array(otherFact, { maxLength: 6 }), settings, (child, others, boardSettings) => {
        expect(others.every((fact) => !computeChildUnits.factTypes.has(fact.type))).toBe(true);
        const withOthers = { ...child, facts: [...others, ...child.facts] };
        expect(computeChildUnits(withOthers, boardSettings)).toEqual(computeChildUnits(child, boardSettings));
      }),
      { numRuns: 300 },
    );
  });
});
