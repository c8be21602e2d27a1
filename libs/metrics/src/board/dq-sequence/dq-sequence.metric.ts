import { contains, type Period } from '@app/calendar';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger } from '../board-ledger';
import { inUnitOrder } from '../board-unit';

export const DQ_SEQUENCE_CODE = 'DQ-SEQUENCE';

/**
 * DQ-SEQUENCE units for the board's own facts: one per flagged fact and reason whose business
 * date is in the period, broken down by `reason|source`. Case facts are flagged with the case metrics.
 */
export function boardDqSequenceUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const units: MetricUnit[] = [];
  for (const flags of ledger.flags.values()) {
    for (const { fact, reason, on } of flags) {
      if (!contains(period, on)) continue;
      units.push({
        metricCode: DQ_SEQUENCE_CODE,
        unitKey: `fact:${fact.type}/${fact.key}/${reason}`,
        unitDate: on,
        counted: 'numerator',
        reason,
        dataQuality: true,
        breakdown: `${reason}|${fact.source}`,
        positions: [fact.position],
      });
    }
  }
  return inUnitOrder(units);
}
