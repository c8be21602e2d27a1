import type { Aggregation } from '../../catalogue/metric-definition';

/** What a suppressed figure is shown as (the official statistics convention: confidential). */
export const SUPPRESSED = 'c';

/** A metric's figures as computed (metrics.md "Values"). */
export interface FiguresToPublish {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

/** The figures as published: any of them may be shown as `"c"`. */
export interface PublishedFigures {
  value: number | null | typeof SUPPRESSED;
  numerator: number | null | typeof SUPPRESSED;
  denominator: number | null | typeof SUPPRESSED;
  /** True when at least one figure is shown as `"c"`. */
  suppressed: boolean;
}

/** Which figures of an aggregation count units (children, actions, participants), not pence or days. */
const COUNTS: Record<Aggregation, { numerator: boolean; denominator: boolean }> = {
  rate: { numerator: true, denominator: true },
  count: { numerator: true, denominator: false },
  mean: { numerator: false, denominator: true },
  'amount-rate': { numerator: false, denominator: false },
  'largest-share': { numerator: false, denominator: false },
};

/**
 * metrics.md "Publication", for a board that has suppression on: any count from 1 to 5 is shown
 * as `"c"` and the value computed from it is withheld (shown as `"c"` too). Zero is not
 * suppressed, nor are sums that are not counts of units (days in a mean's numerator, pence).
 */
export function suppress(figures: FiguresToPublish, aggregation: Aggregation): PublishedFigures {
  const counts = COUNTS[aggregation];
  const hideNumerator = counts.numerator && isSmallCount(figures.numerator);
  const hideDenominator = counts.denominator && isSmallCount(figures.denominator);
  const hideValue = hideNumerator || hideDenominator;
  return {
    value: hideValue ? SUPPRESSED : figures.value,
    numerator: hideNumerator ? SUPPRESSED : figures.numerator,
    denominator: hideDenominator ? SUPPRESSED : figures.denominator,
    suppressed: hideValue,
  };
}

function isSmallCount(figure: number | null): boolean {
  return figure !== null && figure >= 1 && figure <= 5;
}
