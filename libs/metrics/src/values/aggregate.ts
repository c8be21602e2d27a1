import type { MetricDefinition } from '../catalogue/metric-definition';
import type { MetricUnit } from '../metric-unit';
import type { UnitTotal } from '../read-model/metrics-read-model.port';

export interface MetricFigures {
  value: number | null;
  numerator: number;
  denominator: number | null;
  breakdowns: Array<{ key: string; numerator: number; units: number }>;
}

/** Groups units the way the read model totals them, so both paths share one aggregation. */
export function totalsOf(units: readonly MetricUnit[]): UnitTotal[] {
  const groups = new Map<string, UnitTotal>();
  for (const unit of units) {
    const breakdown = unit.breakdown ?? '';
    const key = `${unit.counted}\u0000${breakdown}`;
    const total = groups.get(key) ?? { counted: unit.counted, breakdown, units: 0, value: 0, denominatorValue: 0, valuedUnits: 0 };
    total.units++;
    if (unit.value !== undefined) {
      total.value += unit.value;
      total.valuedUnits = (total.valuedUnits ?? 0) + 1;
    }
    total.denominatorValue += unit.denominatorValue ?? 0;
    groups.set(key, total);
  }
  return [...groups.values()];
}

/**
 * A metric's value from its units' totals, per metrics.md "Values": a rate is
 * numerator/denominator (null when the denominator is 0); a mean has the sum as numerator and
 * the number of units as denominator; a count has numerator = value and denominator null.
 * Excluded units count nowhere.
 */
export function aggregate(definition: MetricDefinition, totals: readonly UnitTotal[]): MetricFigures {
  const counted = totals.filter((t) => t.counted !== 'excluded');
  const sum = (pick: (t: UnitTotal) => number, rows = counted) => rows.reduce((acc, t) => acc + pick(t), 0);
  const inNumerator = counted.filter((t) => t.counted === 'numerator');
  // A count sums each unit's value, or 1 for a unit without one (DQ-SEQUENCE counts facts).
  const countOf = (t: UnitTotal) => t.value + (t.units - (t.valuedUnits ?? 0));
  const breakdowns = breakdownsOf(definition, counted, countOf);
  switch (definition.aggregation) {
    case 'rate': {
      const numerator = sum((t) => t.units, inNumerator);
      const denominator = sum((t) => t.units);
      return { value: ratio(numerator, denominator), numerator, denominator, breakdowns };
    }
    case 'mean': {
      const numerator = sum((t) => t.value);
      const denominator = sum((t) => t.units);
      return { value: ratio(numerator, denominator), numerator, denominator, breakdowns };
    }
    case 'amount-rate': {
      const numerator = sum((t) => t.value);
      const denominator = sum((t) => t.denominatorValue);
      return { value: ratio(numerator, denominator), numerator, denominator, breakdowns };
    }
    case 'count': {
      const numerator = sum(countOf, inNumerator);
      return { value: numerator, numerator, denominator: null, breakdowns };
    }
    case 'largest-share': {
      // Denominator-only units (flagged receipts) count in the total, never in a partner's share.
      const byGroup = new Map<string, number>();
      for (const t of inNumerator) byGroup.set(t.breakdown, (byGroup.get(t.breakdown) ?? 0) + t.value);
      const numerator = Math.max(0, ...byGroup.values());
      const denominator = sum((t) => t.value);
      return { value: ratio(numerator, denominator), numerator, denominator, breakdowns };
    }
  }
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

function breakdownsOf(definition: MetricDefinition, counted: readonly UnitTotal[], countOf: (t: UnitTotal) => number) {
  if (!counted.some((t) => t.breakdown !== '')) return [];
  const groups = new Map<string, { key: string; numerator: number; units: number }>();
  for (const t of counted) {
    const group = groups.get(t.breakdown) ?? { key: t.breakdown, numerator: 0, units: 0 };
    group.units += t.units;
    if (definition.aggregation === 'count') group.numerator += t.counted === 'numerator' ? countOf(t) : 0;
    else if (definition.aggregation === 'largest-share') group.numerator += t.counted === 'numerator' ? t.value : 0;
    else group.numerator += t.counted === 'numerator' ? t.units : 0;
    groups.set(t.breakdown, group);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}
