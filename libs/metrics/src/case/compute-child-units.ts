import { englandAndWalesCalendar, WorkingDayCalendar } from '@app/calendar';
import type { BoardSettings, ChildCaseFacts } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import type { ChildUnitsMemo } from '../read-model/fact-projection';
import { CaseUnitCollector, dataQualityUnitsOf, type DataQualityFlag } from './case-units';
import { CHILD_FACT_TYPES, groupChildFacts, type ChildFacts } from './child-facts';
import { cinAssessTimelyUnits } from './cin-assess-timely/cin-assess-timely.metric';
import { cpIcpc15wdUnits } from './cp-icpc-15wd/cp-icpc-15wd.metric';
import { cpPlan2yUnits } from './cp-plan-2y/cp-plan-2y.metric';
import { cpRegAvgdaysUnits } from './cp-reg-avgdays/cp-reg-avgdays.metric';
import { cpRepeatPlanUnits } from './cp-repeat-plan/cp-repeat-plan.metric';
import { cpReref12mUnits } from './cp-reref-12m/cp-reref-12m.metric';
import { cpRereg12mUnits } from './cp-rereg-12m/cp-rereg-12m.metric';
import { outMeasuredImprovementUnits } from './out-measured-improvement/out-measured-improvement.metric';

/** One case metric's units of a child, and the fact types they are computed from (no other fact can change them). */
interface CaseMetricUnits {
  readonly factTypes: ReadonlySet<string>;
  units(facts: ChildFacts, settings: BoardSettings, calendar: WorkingDayCalendar, out: CaseUnitCollector): void;
}

const PLAN_TYPES = ['ChildProtectionPlanStarted', 'ChildProtectionPlanEnded'];

/** The case metrics in catalogue order (`DQ-SEQUENCE` aside: it counts the flags the others raise). */
const CASE_METRIC_UNITS: readonly CaseMetricUnits[] = [
  {
    factTypes: new Set(['StrategyDiscussionHeld', 'InitialChildProtectionConferenceHeld']),
    units: (facts, _settings, calendar, out) => cpIcpc15wdUnits(facts, calendar, out),
  },
  { factTypes: new Set(PLAN_TYPES), units: (facts, _settings, _calendar, out) => cpPlan2yUnits(facts, out) },
  { factTypes: new Set(PLAN_TYPES), units: (facts, _settings, _calendar, out) => cpRegAvgdaysUnits(facts, out) },
  { factTypes: new Set(['ReferralReceived']), units: (facts, _settings, _calendar, out) => cpReref12mUnits(facts, out) },
  { factTypes: new Set(['ChildProtectionPlanStarted']), units: (facts, _settings, _calendar, out) => cpRepeatPlanUnits(facts, out) },
  { factTypes: new Set(PLAN_TYPES), units: (facts, _settings, _calendar, out) => cpRereg12mUnits(facts, out) },
  {
    factTypes: new Set(['ReferralReceived', 'AssessmentStarted', 'AssessmentCompleted']),
    units: (facts, settings, calendar, out) => cinAssessTimelyUnits(facts, settings, calendar, out),
  },
  {
    factTypes: new Set(['OutcomeMeasured', ...PLAN_TYPES]),
    units: (facts, _settings, _calendar, out) => outMeasuredImprovementUnits(facts, out),
  },
];

/**
 * Every unit of every case metric for one child, with the `DQ-SEQUENCE` units of the facts they
 * flag. Pure and deterministic: the result depends only on the facts (not on their order), the
 * settings and the calendar, and carries no period (`unitDate` places each unit in one).
 * Units come metric by metric in catalogue order, each metric's in business-date order, then
 * the `DQ-SEQUENCE` units.
 * @throws DateOutsideWorkingDayCalendar when a working-day clock starts in a year the calendar's
 * bank holiday list does not reach (extend the list rather than guess).
 */
export function computeChildUnits(
  child: ChildCaseFacts,
  settings: BoardSettings,
  calendar: WorkingDayCalendar = englandAndWalesCalendar,
): MetricUnit[] {
  const facts = groupChildFacts(child);
  const out = new CaseUnitCollector(child.childKey);
  for (const metric of CASE_METRIC_UNITS) metric.units(facts, settings, calendar, out);
  return out.collect();
}

/** The fact types the units depend on (the projector recomputes a child's units for these only). */
computeChildUnits.factTypes = CHILD_FACT_TYPES;

/** A memo of one child's units that recomputes only the metrics that read the changed fact type. */
computeChildUnits.memo = (): ChildUnitsMemo => new ChildCaseUnitsMemo(englandAndWalesCalendar);

/** Which metrics to recompute (by index) and the fact types they read. */
interface Recomputation {
  readonly metrics: readonly number[];
  readonly factTypes: ReadonlySet<string>;
}

const EVERY_METRIC: Recomputation = { metrics: CASE_METRIC_UNITS.map((_, i) => i), factTypes: CHILD_FACT_TYPES };
const NO_METRIC: Recomputation = { metrics: [], factTypes: new Set() };

/** For each fact type a metric reads, the metrics a change to facts of that type recomputes. */
const RECOMPUTATION_ON = new Map<string, Recomputation>(
  [...CHILD_FACT_TYPES].map((type) => {
    const metrics = EVERY_METRIC.metrics.filter((i) => CASE_METRIC_UNITS[i].factTypes.has(type));
    return [type, { metrics, factTypes: new Set(metrics.flatMap((i) => [...CASE_METRIC_UNITS[i].factTypes])) }];
  }),
);

const NONE: readonly never[] = [];

/**
 * `computeChildUnits` for one child, one metric at a time: each metric's units and flags are kept,
 * and a change to facts of one type recomputes the metrics that read that type only (and the
 * `DQ-SEQUENCE` units when their flags may have changed). The result is the same units, in the
 * same order; a unit that was not recomputed is the same object as before.
 */
export class ChildCaseUnitsMemo implements ChildUnitsMemo {
  private readonly units: Array<readonly MetricUnit[]> = CASE_METRIC_UNITS.map(() => NONE);
  private readonly flags: Array<readonly DataQualityFlag[]> = CASE_METRIC_UNITS.map(() => NONE);
  private dataQualityUnits: readonly MetricUnit[] = NONE;
  /** The settings the units were computed with; none before the first computation. */
  private settings: BoardSettings | undefined;

  constructor(private readonly calendar: WorkingDayCalendar) {}

  unitsOf(child: ChildCaseFacts, settings: BoardSettings, changedType: string): MetricUnit[] {
    const recomputation = this.settings !== settings ? EVERY_METRIC : (RECOMPUTATION_ON.get(changedType) ?? NO_METRIC);
    // Unset until every metric is computed: a metric that throws leaves the next call to recompute them all.
    this.settings = undefined;
    const facts = groupChildFacts(child, recomputation.factTypes);
    let flagsChanged = recomputation === EVERY_METRIC;
    const out = new CaseUnitCollector(child.childKey);
    for (const i of recomputation.metrics) {
      CASE_METRIC_UNITS[i].units(facts, settings, this.calendar, out);
      if (out.flags.length > 0 || this.flags[i].length > 0) flagsChanged = true;
      // Taken out of the collector, for the next metric, into lists as long as they are (a child's are kept).
      this.units[i] = out.units.length > 0 ? out.units.splice(0) : NONE;
      this.flags[i] = out.flags.length > 0 ? out.flags.splice(0) : NONE;
    }
    if (flagsChanged) this.dataQualityUnits = dataQualityUnitsOf(this.flags);
    const all: MetricUnit[] = [];
    for (const units of this.units) for (let i = 0; i < units.length; i++) all.push(units[i]);
    for (let i = 0; i < this.dataQualityUnits.length; i++) all.push(this.dataQualityUnits[i]);
    this.settings = settings;
    return all;
  }
}
