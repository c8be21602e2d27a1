import type { Direction } from '../../catalogue/metric-definition';

export type RagStatus = 'green' | 'amber' | 'red' | 'none';

/**
 * metrics.md "Targets": green when the value meets the target in the metric's direction, amber
 * when it misses by no more than `amberWithin`, red otherwise; none without a target or a value,
 * and for a contextual metric, which has no better direction. Values are compared with a
 * tolerance of a billionth of their scale, so that a rate such as 0.85 is not taken as missing an
 * amber boundary of 0.9 - 0.05 (0.8500000000000001 in floating point).
 */
export function ragStatus(
  value: number | null,
  target: { value: number; amberWithin: number | null } | null,
  direction: Direction,
): RagStatus {
  if (value === null || target === null || direction === 'contextual') return 'none';
  const amberWithin = Math.max(0, target.amberWithin ?? 0);
  const tolerance = 1e-9 * Math.max(1, Math.abs(target.value), Math.abs(value), amberWithin);
  const shortfall = direction === 'higher-is-better' ? target.value - value : value - target.value;
  if (shortfall <= tolerance) return 'green';
  if (target.amberWithin !== null && shortfall <= amberWithin + tolerance) return 'amber';
  return 'red';
}
