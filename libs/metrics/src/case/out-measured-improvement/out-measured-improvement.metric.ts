import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { Fact } from '../../facts/fact';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts, OutcomeMeasuredData } from '../child-facts';

export const OUT_MEASURED_IMPROVEMENT = 'OUT-MEASURED-IMPROVEMENT';

/** The improvement counted: a tenth of the instrument's range. */
const SHARE_OF_RANGE = 0.1;
/** Scores are decimals (3.3 - 2.7 is 0.5999999999999996 in binary floating point), so the comparison allows for rounding. */
const ROUNDING_TOLERANCE = 1e-9;

export const OutMeasuredImprovementReason = {
  belowThreshold: 'improvement-below-10-percent-of-scale',
} as const;

export const OUT_MEASURED_IMPROVEMENT_DEFINITION: MetricDefinition = {
  code: OUT_MEASURED_IMPROVEMENT,
  title: 'Measured improvement in outcomes during a child protection plan',
  factor: 'performance-management',
  unit: 'plan and instrument',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Pairs (plan ended in the period, instrument) with at least two OutcomeMeasured for that child and instrument ' +
    "dated from startedOn to endedOn inclusive; a pair is placed in a period by the plan's endedOn. In the " +
    'numerator when the last score minus the first score (by measuredOn; measurements on the same day ordered as ' +
    'recorded in the ledger) is at least 10% of scaleMax - scaleMin (the scale of the last measurement). An ' +
    'improvement is an increase in score. Plans with no known start, or ending before they start, have no pairs.',
  numerator: 'pairs whose last score minus first score is at least 10% of scaleMax - scaleMin',
  denominator: 'pairs (plan ended in the period, instrument) with at least two measurements for that child and instrument during the plan',
  settings: {},
  scope: 'case',
};

type Measurement = Fact<OutcomeMeasuredData>;

interface InstrumentSeries {
  first: Measurement;
  last: Measurement;
}

function improved(first: OutcomeMeasuredData, last: OutcomeMeasuredData): boolean {
  const threshold = SHARE_OF_RANGE * (last.scaleMax - last.scaleMin);
  return last.score - first.score >= threshold - ROUNDING_TOLERANCE * Math.max(1, Math.abs(threshold));
}

/** One unit per plan end and instrument measured twice or more during the plan, keyed `child:<childKey>/plan:<planId>/instrument:<instrument>`. */
export function outMeasuredImprovementUnits(facts: ChildFacts, out: CaseUnitCollector): void {
  if (facts.outcomes.length < 2) return;
  for (const end of facts.planEnds) {
    const start = facts.planStartsById.get(end.key);
    if (start === undefined) continue;
    const startedOn = start.data.startedOn;
    const endedOn = end.data.endedOn;
    if (endedOn < startedOn) continue;
    const series = new Map<string, InstrumentSeries>();
    for (const measurement of facts.outcomes) {
      const measuredOn = measurement.data.measuredOn;
      if (measuredOn > endedOn) break;
      if (measuredOn < startedOn) continue;
      const known = series.get(measurement.data.instrument);
      if (known === undefined) series.set(measurement.data.instrument, { first: measurement, last: measurement });
      else known.last = measurement;
    }
    for (const [instrument, { first, last }] of series) {
      if (first === last) continue;
      const improvement = improved(first.data, last.data);
      out.add({
        metricCode: OUT_MEASURED_IMPROVEMENT,
        unitKey: childUnitKey(facts.childKey, `plan:${end.key}/instrument:${instrument}`),
        unitDate: endedOn,
        counted: improvement ? 'numerator' : 'denominator-only',
        reason: improvement ? null : OutMeasuredImprovementReason.belowThreshold,
        positions: positionsOf(start, end, first, last),
      });
    }
  }
}
