import { contains, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';

export const QA_AUDIT_DELIVERY: MetricDefinition = {
  code: 'QA-AUDIT-DELIVERY',
  title: 'Audits completed by their due date',
  factor: 'quality-assurance',
  unit: 'audit',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Of the audits scheduled with a due date (`AuditScheduled.dueOn`) in the period, the share completed on or before that due date (`AuditCompleted.completedOn <= dueOn`).',
  numerator: 'audits completed on or before their due date',
  denominator: 'audits scheduled with dueOn in the period',
  settings: {},
  scope: 'board',
};

/** One unit per audit due in the period, placed on its due date. */
export function qaAuditDeliveryUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const audit of ledger.auditsScheduled.values()) {
    if (!contains(period, audit.dueOn)) continue;
    const completion = ledger.auditsCompleted.get(audit.auditId);
    const miss = !completion ? 'audit-not-completed' : completion.completedOn > audit.dueOn ? 'audit-completed-late' : null;
    units.push(
      boardUnit({
        metricCode: QA_AUDIT_DELIVERY.code,
        unitKey: `audit:${audit.auditId}`,
        unitDate: audit.dueOn,
        miss,
        facts: [audit.fact, completion?.fact],
      }),
    );
  }
  return inUnitOrder(units);
}
