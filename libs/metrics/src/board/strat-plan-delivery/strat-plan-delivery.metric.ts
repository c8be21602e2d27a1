import type { Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { actionDeliveryUnits } from '../qa-actions-on-time/qa-actions-on-time.metric';

export const STRAT_PLAN_DELIVERY: MetricDefinition = {
  code: 'STRAT-PLAN-DELIVERY',
  title: 'Strategic priority actions completed by their original due date',
  factor: 'strategic-direction',
  unit: 'action',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Of the actions arising from a strategic priority (`arisingFrom.kind` = `priority`) whose original due date (`ActionAssigned.dueOn`) is in the period, except cancelled actions, the share completed on or before that original due date.',
  numerator: 'actions completed on or before the original dueOn',
  denominator: 'actions arising from a priority whose original dueOn is in the period, except cancelled actions',
  settings: {},
  scope: 'board',
};

/** QA-ACTIONS-ON-TIME restricted to actions arising from a priority, broken down by the priority. */
export function stratPlanDeliveryUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  return actionDeliveryUnits(ledger, period, {
    metricCode: STRAT_PLAN_DELIVERY.code,
    includes: (action) => action.arisingFrom?.kind === 'priority',
    breakdownOf: (action) => action.arisingFrom?.id ?? null,
  });
}
