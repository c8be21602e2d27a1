import { contains, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { ActionRecord, BoardLedger } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';
import { firstFlag } from '../sequence-flags';

export const QA_ACTIONS_ON_TIME: MetricDefinition = {
  code: 'QA-ACTIONS-ON-TIME',
  title: 'Actions completed by their original due date',
  factor: 'quality-assurance',
  unit: 'action',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Of the actions whose original due date (`ActionAssigned.dueOn`, before any `ActionDueDateChanged`) is in the period, except cancelled actions, the share completed on or before that original due date.',
  numerator: 'actions completed on or before the original dueOn',
  denominator: 'actions whose original dueOn is in the period, except cancelled actions',
  settings: {},
  scope: 'board',
};

/** Which actions a delivery metric takes, and how it breaks them down. */
export interface ActionDeliveryScope {
  metricCode: string;
  includes: (action: ActionRecord) => boolean;
  breakdownOf: (action: ActionRecord) => string | null;
}

/**
 * One unit per action whose original due date is in the period, placed on that date; a
 * cancelled action gives no unit, whenever it was cancelled. A later due-date change does not
 * move the deadline: delivery is judged against what was first agreed.
 */
export function actionDeliveryUnits(ledger: BoardLedger, period: Period, scope: ActionDeliveryScope): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const action of ledger.actions.values()) {
    if (!scope.includes(action) || !contains(period, action.dueOn)) continue;
    if (ledger.actionCancellations.has(action.actionId)) continue;
    const completion = ledger.actionCompletions.get(action.actionId);
    const miss = !completion ? 'action-not-completed' : completion.on > action.dueOn ? 'action-completed-late' : null;
    units.push(
      boardUnit({
        metricCode: scope.metricCode,
        unitKey: `action:${action.actionId}`,
        unitDate: action.dueOn,
        miss,
        flag: firstFlag(ledger.flags, action.fact, completion?.fact),
        facts: [action.fact, completion?.fact],
        breakdown: scope.breakdownOf(action),
      }),
    );
  }
  return inUnitOrder(units);
}

/** Every action, broken down by the owning partner. */
export function qaActionsOnTimeUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  return actionDeliveryUnits(ledger, period, {
    metricCode: QA_ACTIONS_ON_TIME.code,
    includes: () => true,
    breakdownOf: (action) => action.ownerPartnerId,
  });
}
