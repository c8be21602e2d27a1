/** The seven factors of the 2011 joint inspection, as metric `factor` values. */
export type Factor =
  'leadership' | 'accountability' | 'funding' | 'strategic-direction' | 'structures' | 'performance-management' | 'quality-assurance';

export type Direction = 'higher-is-better' | 'lower-is-better' | 'contextual';

/**
 * How units become a value (metrics.md "Values"):
 * - `rate`: numerator = units counted in the numerator, denominator = numerator + denominator-only units.
 * - `mean`: numerator = sum of `value` over counted units (numerator and denominator-only), denominator = their count.
 * - `amount-rate`: numerator = sum of `value`, denominator = sum of `denominatorValue` (pence).
 * - `count`: numerator = value = sum of `value` (1 per unit when absent), denominator null.
 * - `largest-share`: numerator = the largest `breakdown` group's sum of `value`, denominator = total `value`.
 */
export type Aggregation = 'rate' | 'mean' | 'amount-rate' | 'count' | 'largest-share';

export interface MetricDefinition {
  code: string;
  title: string;
  factor: Factor;
  /** What one unit is, e.g. `child`, `plan`, `pence`. */
  unit: string;
  direction: Direction;
  aggregation: Aggregation;
  /** The definition as analysts read it (metrics.md), served by the catalogue. */
  definition: string;
  /** Numerator and denominator in words. */
  numerator: string;
  denominator: string | null;
  /** Board settings the definition takes, with their defaults. */
  settings: Record<string, string>;
  /** Case metrics are computed per child; board metrics from the board's own facts per period. */
  scope: 'case' | 'board';
  /** Restricts the periods it is defined for (ACC-STATUTORY-PUBLICATION: financial years only). */
  periodKinds?: Array<'financial-year' | 'quarter' | 'month'>;
}
