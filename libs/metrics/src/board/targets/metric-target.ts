import { financialYearOfPeriod, type Period } from '@app/calendar';
import type { BoardFacts } from '../../facts/fact';
import { readNumber, readText } from '../board-fact-data';

/** A board's target for a metric in one financial year (`MetricTargetSet`). */
export interface MetricTarget {
  value: number;
  /** How far the value may miss the target and still be amber; null: no amber band. */
  amberWithin: number | null;
  /** Position of the `MetricTargetSet` that set it (lineage). */
  position: number;
}

/**
 * The target set for the metric in the financial year containing the period (a quarter or a
 * month takes its year's target); null when none is set.
 */
export function targetFor(board: BoardFacts, metricCode: string, period: Period): MetricTarget | null {
  const year = financialYearOfPeriod(period).label;
  let found: MetricTarget | null = null;
  for (const fact of board.facts) {
    if (fact.type !== 'MetricTargetSet') continue;
    if (readText(fact.data, 'metricCode') !== metricCode || readText(fact.data, 'financialYear') !== year) continue;
    const value = readNumber(fact.data, 'target');
    if (value === null || (found !== null && found.position > fact.position)) continue;
    found = { value, amberWithin: readNumber(fact.data, 'amberWithin'), position: fact.position };
  }
  return found;
}
