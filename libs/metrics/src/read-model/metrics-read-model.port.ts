import type { Period } from '@app/calendar';
import type { BoardFacts } from '../facts/fact';
import type { Counted, MetricUnit } from '../metric-unit';

/** Units of one metric in one period grouped by how they were counted (and breakdown). */
export interface UnitTotal {
  counted: Counted;
  breakdown: string;
  units: number;
  value: number;
  denominatorValue: number;
  /** Units that carried a `value` (the rest count as 1 in a count); absent means all or none did. */
  valuedUnits?: number;
}

export interface UnitCursor {
  unitDate: string;
  unitKey: string;
}

/**
 * The read side metrics are answered from. `asOf` is a log position: rows valid at it are
 * what a replay of the log up to it would give; `null` means the latest applied position.
 */
export interface MetricsReadModel {
  /** The last position the read model has applied. */
  checkpoint(): Promise<number>;
  /** Case-metric units with `unitDate` in the period, grouped. */
  unitTotals(boardId: string, metricCode: string, period: Period, asOf: number | null): Promise<UnitTotal[]>;
  /** A page of case-metric units in (unitDate, unitKey) order, after `cursor`. */
  unitsPage(
    boardId: string,
    metricCode: string,
    period: Period,
    asOf: number | null,
    cursor: UnitCursor | null,
    limit: number,
  ): Promise<MetricUnit[]>;
  /** The board's own facts valid at `asOf`. */
  boardFacts(boardId: string, asOf: number | null): Promise<BoardFacts>;
  /** Every established board valid at `asOf`: id, name and local authorities. */
  boards(asOf: number | null): Promise<Array<{ boardId: string; name: string; localAuthorities: string[] }>>;
  /** A digest of every row (facts and units, with their validity), to compare a rebuild with the live model. */
  digest(): Promise<string>;
}

export const METRICS_READ_MODEL = Symbol.for('safeguarding-ledger.MetricsReadModel');
