import type { BusinessDate } from '@app/calendar';
import type { Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import type { SequenceFlag } from './sequence-flags';

export interface BoardUnitInput {
  metricCode: string;
  unitKey: string;
  unitDate: BusinessDate;
  /** Why the unit misses the numerator by the definition; null when it meets it. */
  miss: string | null;
  /** A data-quality flag on a fact that decided the unit: it keeps the unit out of the numerator. */
  flag?: SequenceFlag | null;
  /** The facts that decided the unit (lineage). */
  facts: Array<Fact | null | undefined>;
  value?: number;
  denominatorValue?: number;
  breakdown?: string | null;
}

/**
 * A board metric unit: in the numerator when it meets the definition and no deciding fact is
 * flagged; a flagged unit is denominator-only with the flag's reason, whatever it would have been.
 */
export function boardUnit(input: BoardUnitInput): MetricUnit {
  const unit: MetricUnit = {
    metricCode: input.metricCode,
    unitKey: input.unitKey,
    unitDate: input.unitDate,
    counted: 'numerator',
    reason: null,
    positions: positionsOf(input.facts),
  };
  if (input.flag) {
    unit.counted = 'denominator-only';
    unit.reason = input.flag.reason;
    unit.dataQuality = true;
  } else if (input.miss !== null) {
    unit.counted = 'denominator-only';
    unit.reason = input.miss;
  }
  if (input.value !== undefined) unit.value = input.value;
  if (input.denominatorValue !== undefined) unit.denominatorValue = input.denominatorValue;
  if (input.breakdown !== undefined && input.breakdown !== null) unit.breakdown = input.breakdown;
  return unit;
}

/** Ascending, each position once. */
export function positionsOf(facts: Array<Fact | null | undefined>): number[] {
  const positions = new Set<number>();
  for (const fact of facts) if (fact) positions.add(fact.position);
  return [...positions].sort((a, b) => a - b);
}

/** Units in date order, then key order: the same facts always give the same list. */
export function inUnitOrder(units: MetricUnit[]): MetricUnit[] {
  return units.sort((a, b) =>
    a.unitDate !== b.unitDate ? (a.unitDate < b.unitDate ? -1 : 1) : a.unitKey < b.unitKey ? -1 : a.unitKey > b.unitKey ? 1 : 0,
  );
}
