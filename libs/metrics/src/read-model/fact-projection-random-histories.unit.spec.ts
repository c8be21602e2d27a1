import { fromDayNumber, toDayNumber } from '@app/calendar';
import type { JsonObject, RecordedEvent } from '@app/event-store';
import fc from 'fast-check';
import { computeChildUnits } from '../case/compute-child-units';
import type { BoardSettings, Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { FactProjector, sameUnit, type ChildUnitsFn, type FactRow, type ReadModelChanges, type UnitRow } from './fact-projection';

const CHILDREN = ['child-p', 'child-q', 'child-r'];
const LOCAL_AUTHORITIES = ['W06000015', 'W06000015', 'W06000015', 'W06000023'];
const SOURCES = ['urn:case-system:wccis:W06000015', 'urn:case-system:paris:W06000023'];

/** Dates over two years, so that clocks, windows and plans overlap often. */
const date = fc.integer({ min: toDayNumber('2024-01-01'), max: toDayNumber('2025-12-31') }).map(fromDayNumber);
/** Ids from small pools, so that facts link up, are corrected and are retracted at random. */
const id = (prefix: string) => fc.integer({ min: 1, max: 3 }).map((n) => `${prefix}-${n}`);
const child = fc.constantFrom(...CHILDREN);
const children = fc.subarray(CHILDREN, { minLength: 1 });
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

type Draft = { type: string; data: JsonObject };

/** The fields that have a value: an optional field is absent, as in an event, not undefined. */
const defined = (data: Record<string, string | number | undefined>): JsonObject =>
  Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as JsonObject;

const caseFact: fc.Arbitrary<Draft> = fc.oneof(
  fc.record({ referralId: id('ref'), childId: child, receivedOn: date }).map((data) => ({ type: 'ReferralReceived', data })),
  fc
    .record({ assessmentId: id('as'), childId: child, startedOn: date, referralId: maybe(id('ref')) })
    .map((data) => ({ type: 'AssessmentStarted', data: defined(data) })),
  fc
    .record({ assessmentId: id('as'), childId: child, completedOn: date, referralId: maybe(id('ref')) })
    .map((data) => ({ type: 'AssessmentCompleted', data: defined(data) })),
  fc
    .record({
      strategyDiscussionId: id('sd'),
      childIds: children,
      heldOn: date,
      decision: fc.constantFrom('child-protection-enquiry', 'no-further-action', 'other'),
    })
    .map((data) => ({ type: 'StrategyDiscussionHeld', data })),
  fc
    .record({ conferenceId: id('icpc'), childIds: children, heldOn: date, sd: maybe(id('sd')), transferIn: maybe(fc.boolean()) })
    .map(({ sd, transferIn, ...data }) => ({
      type: 'InitialChildProtectionConferenceHeld',
      data: {
        ...data,
        outcomes: data.childIds.map((childId) => ({ childId, registered: true })),
        ...(sd === undefined ? {} : { strategyDiscussionId: sd }),
        ...(transferIn === undefined ? {} : { transferIn }),
      },
    })),
  fc
    .record({ planId: id('plan'), childId: child, startedOn: date, previousPlans: maybe(fc.integer({ min: 0, max: 2 })) })
    .map((data) => ({ type: 'ChildProtectionPlanStarted', data: defined({ ...data, category: 'neglect' }) })),
  fc
    .record({ planId: id('plan'), childId: child, endedOn: date })
    .map((data) => ({ type: 'ChildProtectionPlanEnded', data: { ...data, reason: 'other' } })),
  fc
    .record({
      measurementId: id('m'),
      childId: child,
      instrument: fc.constantFrom('feels-safe-scale', 'family-stress'),
      score: fc.integer({ min: 0, max: 100 }).map((n) => n / 10),
      measuredOn: date,
    })
    .map((data) => ({ type: 'OutcomeMeasured', data: { ...data, scaleMin: 0, scaleMax: 10, ratedBy: 'child' } })),
  fc
    .record({ meetingId: id('cg'), childId: child, heldOn: date })
    .map((data) => ({ type: 'CoreGroupMeetingHeld', data: { ...data, planId: 'plan-1' } })),
);

const BUSINESS_ID_FIELDS: Record<string, string> = {
  ReferralReceived: 'referralId',
  AssessmentStarted: 'assessmentId',
  AssessmentCompleted: 'assessmentId',
  StrategyDiscussionHeld: 'strategyDiscussionId',
  InitialChildProtectionConferenceHeld: 'conferenceId',
  ChildProtectionPlanStarted: 'planId',
  ChildProtectionPlanEnded: 'planId',
  OutcomeMeasured: 'measurementId',
  CoreGroupMeetingHeld: 'meetingId',
};

/** A retraction of a fact that may be current, may come later, or may never come. */
const retraction: fc.Arbitrary<Draft> = caseFact.map(({ type, data }) => ({
  type: 'RecordRetracted',
  data: { retractedType: type, businessId: data[BUSINESS_ID_FIELDS[type]] as string, reason: 'recorded in error' },
}));

/** One board's log: case facts, corrections, retractions and a fact no metric reads, from one or two local authorities. */
const history: fc.Arbitrary<RecordedEvent[]> = fc
  .array(
    fc.tuple(
      fc.oneof({ arbitrary: caseFact, weight: 5 }, { arbitrary: retraction, weight: 1 }),
      fc.constantFrom(...LOCAL_AUTHORITIES),
      fc.constantFrom(...SOURCES),
    ),
    { maxLength: 60 },
  )
  .map((drafts) =>
    drafts.map(([{ type, data }, localAuthority, source], i) => ({
      eventId: `e-${i + 1}`,
      stream: 's',
      version: 1,
      type,
      data: { localAuthority, ...data },
      metadata: { boardId: 'board-1', source },
      position: i + 1,
      recordedAt: '2026-04-01T00:00:00.000Z',
      hash: '',
    })),
  );

/** The same units, computed afresh for every change: no memo. */
const fullRecomputation: ChildUnitsFn = Object.assign(
  (child: Parameters<ChildUnitsFn>[0], settings: BoardSettings) => computeChildUnits(child, settings),
  {
    factTypes: computeChildUnits.factTypes,
  },
);

/** The rows a read model holds, from the changes it was given. */
class Tables {
  readonly facts = new Map<number, { row: FactRow; validTo?: number }>();
  readonly units = new Map<number, { row: UnitRow; validTo?: number }>();

  write(changes: ReadModelChanges): void {
    for (const row of changes.factInserts) this.facts.set(row.id, { row });
    for (const close of changes.factCloses) this.facts.get(close.id)!.validTo = close.validTo;
    for (const row of changes.unitInserts) this.units.set(row.id, { row });
    for (const close of changes.unitCloses) this.units.get(close.id)!.validTo = close.validTo;
  }

  /**
   * Whether each child's current unit rows are the units computed afresh from its current facts:
   * one row per metric and unit key, equal (`sameUnit`) to the last unit computed with that key.
   */
  expectUnitsOfCurrentFacts(settings: BoardSettings): void {
    const factsByChild = new Map<string, Fact[]>();
    for (const { row, validTo } of this.facts.values()) {
      if (validTo !== undefined || row.fact.type === 'RecordRetracted') continue;
      for (const childKey of row.childKeys) factsByChild.set(childKey, [...(factsByChild.get(childKey) ?? []), row.fact]);
    }
    const unitsByChild = new Map<string, Map<string, MetricUnit>>();
    for (const { row, validTo } of this.units.values()) {
      if (validTo !== undefined) continue;
      const units = unitsByChild.get(row.childKey) ?? new Map<string, MetricUnit>();
      expect(units.has(`${row.unit.metricCode} ${row.unit.unitKey}`)).toBe(false);
      unitsByChild.set(row.childKey, units.set(`${row.unit.metricCode} ${row.unit.unitKey}`, row.unit));
    }
    for (const childKey of new Set([...factsByChild.keys(), ...unitsByChild.keys()])) {
      const facts = factsByChild.get(childKey) ?? [];
      const computed = new Map<string, MetricUnit>();
      if (facts.length > 0) {
        for (const unit of computeChildUnits({ boardId: 'board-1', childKey, facts }, settings))
          computed.set(`${unit.metricCode} ${unit.unitKey}`, unit);
      }
      const stored = unitsByChild.get(childKey) ?? new Map<string, MetricUnit>();
      expect([...stored.keys()].sort()).toEqual([...computed.keys()].sort());
      for (const [key, unit] of computed) expect(sameUnit(stored.get(key)!, unit)).toBe(true);
    }
  }

  /** What a read model loads to go on from where it stopped: the current rows, in id order. */
  state(): ConstructorParameters<typeof FactProjector>[2] {
    const current = <R>(rows: Map<number, { row: R; validTo?: number }>) =>
      [...rows.entries()].sort(([a], [b]) => a - b).flatMap(([, { row, validTo }]) => (validTo === undefined ? [row] : []));
    return {
      facts: current(this.facts),
      units: current(this.units),
      nextFactId: Math.max(0, ...this.facts.keys()) + 1,
      nextUnitId: Math.max(0, ...this.units.keys()) + 1,
    };
  }
}

/** Changes as rows: what is inserted, in order (the order decides ids), and what is closed. */
function rowsOf(changes: ReadModelChanges) {
  return {
    factInserts: changes.factInserts,
    factCloses: [...changes.factCloses].sort((a, b) => a.id - b.id),
    unitInserts: changes.unitInserts,
    unitCloses: changes.unitCloses.map(({ id, validTo, row }) => ({ id, validTo, row })).sort((a, b) => a.id - b.id),
  };
}

const settingsOf = fc.constantFrom<BoardSettings>({ assessmentTimescale: 'wales' }, { assessmentTimescale: 'england' });

describe('FactProjector recomputing only the metrics a change can touch', () => {
  it('gives exactly the rows of a full recomputation of every change, in batches of any size and after a restart', () => {
    // The full recomputation runs the same projector without the memo; the rows it leaves are
    // checked against the units computed afresh from the facts, so that both cannot be wrong alike.
    fc.assert(
      fc.property(
        history,
        fc.array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 20 }),
        fc.integer({ min: 0, max: 20 }),
        settingsOf,
        (events, batchSizes, restartAfter, settings) => {
          const boardSettings = () => settings;
          let incremental = new FactProjector(computeChildUnits, boardSettings);
          const full = new FactProjector(fullRecomputation, boardSettings);
          const tables = new Tables();
          let batch = 0;
          for (let from = 0; from < events.length; batch++) {
            const size = batchSizes[batch % batchSizes.length];
            const slice = events.slice(from, from + size);
            from += size;
            // A restarted projector knows the rows only, not the units it computed.
            if (batch === restartAfter) incremental = new FactProjector(computeChildUnits, boardSettings, tables.state());
            const expected = full.apply(slice);
            expect(rowsOf(incremental.apply(slice))).toEqual(rowsOf(expected));
            tables.write(expected);
            tables.expectUnitsOfCurrentFacts(settings);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
