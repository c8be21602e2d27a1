import type { MetricDefinition } from '../../catalogue/metric-definition';
import { CaseUnitCollector, childUnitKey, positionsOf } from '../case-units';
import type { ChildFacts } from '../child-facts';

export const CP_REPEAT_PLAN = 'CP-REPEAT-PLAN';

export const CpRepeatPlanReason = {
  firstPlan: 'first-plan',
} as const;

export const CP_REPEAT_PLAN_DEFINITION: MetricDefinition = {
  code: CP_REPEAT_PLAN,
  title: 'Second or subsequent child protection plans',
  factor: 'performance-management',
  unit: 'plan',
  direction: 'lower-is-better',
  aggregation: 'rate',
  definition:
    'Plans started in the period (by startedOn); in the numerator when the child had an earlier plan start in the ' +
    'ledger or the source reports previousPlans > 0. Lower is better, and 0 is not expected. An earlier start is ' +
    'one with an earlier startedOn; of two plans started on the same day, the one recorded first in the ledger ' +
    '(lower position) is the earlier.',
  numerator: 'plans whose child had an earlier plan start in the ledger, or whose previousPlans > 0',
  denominator: 'plans started in the period',
  settings: {},
  scope: 'case',
};

/** One unit per plan start of this child, keyed `child:<childKey>/plan:<planId>`. */
export function cpRepeatPlanUnits(facts: ChildFacts, out: CaseUnitCollector): void {
  const starts = facts.planStarts;
  for (let i = 0; i < starts.length; i++) {
    const start = starts[i];
    const earlier = i > 0 ? starts[i - 1] : undefined;
    const previousPlans = start.data.previousPlans;
    const repeat = earlier !== undefined || (typeof previousPlans === 'number' && previousPlans > 0);
    out.add({
      metricCode: CP_REPEAT_PLAN,
      unitKey: childUnitKey(facts.childKey, `plan:${start.key}`),
      unitDate: start.data.startedOn,
      counted: repeat ? 'numerator' : 'denominator-only',
      reason: repeat ? null : CpRepeatPlanReason.firstPlan,
      positions: positionsOf(earlier, start),
    });
  }
}
