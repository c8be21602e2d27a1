import type { BusinessDate } from '@app/calendar';

export type Counted = 'numerator' | 'denominator-only' | 'excluded';

/**
 * One counted unit of a metric (a child at a conference, a plan, an action, a seat...): the
 * value is an aggregation of units, and lineage lists them. Case-metric units do not depend on
 * the period (`unitDate` places them in one); board-metric units are computed for a period.
 */
export interface MetricUnit {
  metricCode: string;
  /** Stable and unique within (board, metric), e.g. `child:8f3c…/conference:icpc-8812`. */
  unitKey: string;
  /** The business date that places the unit in a period (`from <= unitDate <= to`). */
  unitDate: BusinessDate;
  counted: Counted;
  /** Why the unit is not in the numerator (`conference-after-deadline`, `no-anchor-strategy-discussion`); null when it is. */
  reason: string | null;
  /** True when `reason` is a data-quality flag (an impossible sequence): DQ-SEQUENCE counts these. */
  dataQuality?: boolean;
  /** Contribution to a sum (days on a plan, pence, participants); see `Aggregation`. */
  value?: number;
  /** Contribution to a summed denominator (pence agreed). */
  denominatorValue?: number;
  /** Breakdown group, e.g. `children` for ENG-PARTICIPATION, `reason|source` for DQ-SEQUENCE, a partner id. */
  breakdown?: string;
  /** Global positions of the source events that decided this unit, ascending. */
  positions: number[];
}
