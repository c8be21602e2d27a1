import { daysBetween } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts } from '../child-facts';
import { DataQualityReason } from '../dq-sequence/dq-sequence.metric';

export const CP_REG_AVGDAYS = 'CP-REG-AVGDAYS';

export const CpRegAvgdaysReason = {
  endWithoutStart: DataQualityReason.planEndWithoutStart,
  endedBeforeStart: DataQualityReason.planEndedBeforeStart,
} as const;

export const CP_REG_AVGDAYS_DEFINITION: MetricDefinition = {
  code: CP_REG_AVGDAYS,
  title: 'Average days on the child protection register',
  factor: 'performance-management',
  unit: 'plan',
  direction: 'contextual',
  aggregation: 'mean',
  definition:
    'Plans ended in the period (by endedOn). Each contributes the calendar days from startedOn to endedOn; the ' +
    'numerator is their sum, the denominator the number of plans, and the value the mean in days. A plan end with ' +
    'no known start: excluded, flagged. A plan that ends before it starts stays in the denominator with 0 days and ' +
    'is flagged (the data-quality convention keeps it in the denominator and out of the numerator, the sum).',
  numerator: 'sum of calendar days from startedOn to endedOn',
  denominator: 'plans ended in the period',
  settings: {},
  scope: 'case',
};

/** One unit per plan end of this child, keyed `child:<childKey>/plan:<planId>`, `value` the days on the plan. */
export function cpRegAvgdaysUnits(facts: ChildFacts, out: CaseUnitCollector): void {
  for (const end of facts.planEnds) {
    const endedOn = end.data.endedOn;
    const unitKey = childUnitKey(facts.childKey, `plan:${end.key}`);
    const start = facts.planStartsById.get(end.key);
    if (start === undefined) {
      out.addFlagged(
        {
          metricCode: CP_REG_AVGDAYS,
          unitKey,
          unitDate: endedOn,
          counted: 'excluded',
          reason: CpRegAvgdaysReason.endWithoutStart,
          positions: positionsOf(end),
        },
        end,
      );
      continue;
    }
    const days = daysBetween(start.data.startedOn, endedOn);
    const positions = positionsOf(start, end);
    if (days < 0) {
      out.addFlagged(
        {
          metricCode: CP_REG_AVGDAYS,
          unitKey,
          unitDate: endedOn,
          counted: 'denominator-only',
          reason: CpRegAvgdaysReason.endedBeforeStart,
          value: 0,
          positions,
        },
        end,
      );
      continue;
    }
    out.add({
      metricCode: CP_REG_AVGDAYS,
      unitKey,
      unitDate: endedOn,
      counted: 'numerator',
      reason: null,
      value: days,
      positions,
    });
  }
}
