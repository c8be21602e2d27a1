import { contains, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { CaseResultRecord, BoardLedger } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';
import { firstFlag } from '../sequence-flags';

export const QA_AUDIT_GOOD: MetricDefinition = {
  code: 'QA-AUDIT-GOOD',
  title: 'Audited cases graded good or outstanding',
  factor: 'quality-assurance',
  unit: 'case result',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'Of the case results (`caseResults`) of audits completed in the period (`AuditCompleted.completedOn`), the share graded `outstanding` or `good`.',
  numerator: 'case results graded outstanding or good',
  denominator: 'case results of audits completed in the period',
  settings: {},
  scope: 'board',
};

const GOOD_GRADES = new Set(['outstanding', 'good']);

/** One unit per case result of each audit completed in the period, broken down by agency when given. */
export function qaAuditGoodUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const audit of ledger.auditsCompleted.values()) {
    if (!contains(period, audit.completedOn)) continue;
    const flag = firstFlag(ledger.flags, audit.fact);
    const caseKeys = caseKeysOf(audit.caseResults);
    audit.caseResults.forEach((result, index) => {
      units.push(
        boardUnit({
          metricCode: QA_AUDIT_GOOD.code,
          unitKey: `audit:${audit.auditId}/case:${caseKeys[index]}`,
          unitDate: audit.completedOn,
          miss: result.grade !== null && GOOD_GRADES.has(result.grade) ? null : `grade-${result.grade ?? 'missing'}`,
          flag,
          facts: [audit.fact],
          breakdown: result.agency,
        }),
      );
    });
  }
  return inUnitOrder(units);
}

/**
 * A case result is named by its `caseRef`; by `#` and its index in `caseResults` when it has none
 * or shares it with another result of the same audit, so that every unit key stays unique.
 */
function caseKeysOf(results: CaseResultRecord[]): string[] {
  const uses = new Map<string, number>();
  for (const { caseRef } of results) if (caseRef !== null) uses.set(caseRef, (uses.get(caseRef) ?? 0) + 1);
  return results.map(({ caseRef }, index) => (caseRef !== null && uses.get(caseRef) === 1 ? caseRef : `#${index}`));
}
