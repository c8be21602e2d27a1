import { addMonths } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts } from '../child-facts';
import { DataQualityReason } from '../dq-sequence/dq-sequence.metric';

export const CP_PLAN_2Y = 'CP-PLAN-2Y';

const MONTHS = 24;

export const CpPlan2yReason = {
  shorterThanTwoYears: 'plan-shorter-than-2-years',
  endWithoutStart: DataQualityReason.planEndWithoutStart,
  endedBeforeStart: DataQualityReason.planEndedBeforeStart,
} as const;

export const CP_PLAN_2Y_DEFINITION: MetricDefinition = {
  code: CP_PLAN_2Y,
  title: 'Child protection plans ending after two years or more',
  factor: 'performance-management',
  unit: 'plan',
  direction: 'lower-is-better',
  aggregation: 'rate',
  definition:
    'Plans ended in the period (by endedOn); in the numerator when endedOn >= addMonths(startedOn, 24), months ' +
    "keeping the day of month and clamped to the month's last day. A plan end with no known start: excluded, " +
    'flagged. A plan that ends before it starts: denominator only, flagged.',
  numerator: 'plans with endedOn >= addMonths(startedOn, 24)',
  denominator: 'plans ended in the period',
  settings: {},
  scope: 'case',
};

/** One unit per plan end of this child, keyed `child:<childKey>/plan:<planId>`. */
export function cpPlan2yUnits(facts: ChildFacts, out: CaseUnitCollector): void {
  for (const end of facts.planEnds) {
    const endedOn = end.data.endedOn;
    const unitKey = childUnitKey(facts.childKey, `plan:${end.key}`);
    const start = facts.planStartsById.get(end.key);
    if (start === undefined) {
      out.addFlagged(
        {
          metricCode: CP_PLAN_2Y,
          unitKey,
          unitDate: endedOn,
          counted: 'excluded',
          reason: CpPlan2yReason.endWithoutStart,
          positions: positionsOf(end),
        },
        end,
      );
      continue;
    }
    const startedOn = start.data.startedOn;
    const positions = positionsOf(start, end);
    if (endedOn < startedOn) {
      out.addFlagged(
        {
          metricCode: CP_PLAN_2Y,
          unitKey,
          unitDate: endedOn,
          counted: 'denominator-only',
          reason: CpPlan2yReason.endedBeforeStart,
          positions,
        },
        end,
      );
      continue;
    }
    const longPlan = endedOn >= addMonths(startedOn, MONTHS);
    out.add({
      metricCode: CP_PLAN_2Y,
      unitKey,
      unitDate: endedOn,
      counted: longPlan ? 'numerator' : 'denominator-only',
      reason: longPlan ? null : CpPlan2yReason.shorterThanTwoYears,
      positions,
    });
  }
}
