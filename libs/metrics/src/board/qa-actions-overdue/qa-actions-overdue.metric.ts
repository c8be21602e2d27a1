import type { BusinessDate, Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger, DueDateChangeRecord } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';
import { firstFlag } from '../sequence-flags';

export const QA_ACTIONS_OVERDUE: MetricDefinition = {
  code: 'QA-ACTIONS-OVERDUE',
  title: 'Open actions overdue at the period end',
  factor: 'quality-assurance',
  unit: 'action',
  direction: 'lower-is-better',
  aggregation: 'rate',
  definition:
    'Of the actions open at the period end (assigned on or before it, not completed or cancelled on or before it), the share whose current due date is before the period end. The due date in force on a day is the one set by the latest `ActionDueDateChanged` with `changedOn` on or before that day, else the original `ActionAssigned.dueOn`; the day is the period end.',
  numerator: 'open actions whose due date in force at the period end is before it',
  denominator: 'actions open at the period end',
  settings: {},
  scope: 'board',
};

/** One unit per action open at the period end, placed on the period end, broken down by owner. */
export function qaActionsOverdueUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const end = period.to;
  const units: MetricUnit[] = [];
  for (const action of ledger.actions.values()) {
    if (action.assignedOn > end) continue;
    const completion = ledger.actionCompletions.get(action.actionId);
    const cancellation = ledger.actionCancellations.get(action.actionId);
    if ((completion && completion.on <= end) || (cancellation && cancellation.on <= end)) continue;
    const change = changeInForce(ledger.dueDateChanges.get(action.actionId) ?? [], end);
    const dueOn = change?.dueOn ?? action.dueOn;
    units.push(
      boardUnit({
        metricCode: QA_ACTIONS_OVERDUE.code,
        unitKey: `action:${action.actionId}`,
        unitDate: end,
        miss: dueOn < end ? null : 'action-not-yet-due',
        flag: firstFlag(ledger.flags, action.fact, change?.fact),
        facts: [action.fact, change?.fact],
        breakdown: action.ownerPartnerId,
      }),
    );
  }
  return inUnitOrder(units);
}

/** The latest change made on or before the day (changes are in `changedOn` order); null when none. */
export function changeInForce(changes: readonly DueDateChangeRecord[], day: BusinessDate): DueDateChangeRecord | null {
  let inForce: DueDateChangeRecord | null = null;
  for (const change of changes) if (change.changedOn <= day) inForce = change;
  return inForce;
}
