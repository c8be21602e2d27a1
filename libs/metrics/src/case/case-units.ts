import type { Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { DQ_SEQUENCE } from './dq-sequence/dq-sequence.metric';

/**
 * Unit keys start with the child key: business ids are unique only within a local authority
 * and a board may cover several, while the child key (an HMAC over the local authority and the
 * child id) is unique on the board. Siblings at one conference get one unit each this way.
 */
export function childUnitKey(childKey: string, path: string): string {
  return `child:${childKey}/${path}`;
}

/** Positions of the facts that decided a unit, ascending and without repeats (an insertion sort: a unit has a few facts). */
export function positionsOf(...facts: ReadonlyArray<Fact | undefined>): number[] {
  const positions: number[] = [];
  for (const fact of facts) {
    if (fact === undefined) continue;
    const position = fact.position;
    let at = positions.length;
    while (at > 0 && positions[at - 1] > position) at--;
    if (at > 0 && positions[at - 1] === position) continue;
    positions.push(position);
    for (let i = positions.length - 1; i > at; i--) positions[i] = positions[i - 1];
    positions[at] = position;
  }
  return positions;
}

function mergedPositions(a: readonly number[], b: readonly number[]): number[] {
  return [...new Set([...a, ...b])].sort((x, y) => x - y);
}

/**
 * Collects one child's units. A unit whose reason is a data-quality flag also yields one
 * `DQ-SEQUENCE` unit for the flagged fact and reason, shared when several metrics flag the
 * same fact for the same reason (CP-PLAN-2Y and CP-REG-AVGDAYS both flag a plan end).
 */
export class CaseUnitCollector {
  private readonly units: MetricUnit[] = [];
  private flagged: Map<string, MetricUnit> | undefined;

  constructor(readonly childKey: string) {}

  add(unit: MetricUnit): void {
    this.units.push(unit);
  }

  /**
   * Adds a unit whose `reason` flags `fact` (the unit's own fact, so the flag takes its
   * `unitDate`), and the `DQ-SEQUENCE` unit counting the flag.
   */
  addFlagged(unit: MetricUnit & { reason: string }, fact: Fact): void {
    this.units.push({ ...unit, dataQuality: true });
    const unitKey = childUnitKey(this.childKey, `fact:${fact.type}/${fact.key}/${unit.reason}`);
    this.flagged ??= new Map();
    const known = this.flagged.get(unitKey);
    if (known !== undefined) {
      known.positions = mergedPositions(known.positions, unit.positions);
      return;
    }
    this.flagged.set(unitKey, {
      metricCode: DQ_SEQUENCE,
      unitKey,
      unitDate: unit.unitDate,
      counted: 'numerator',
      reason: unit.reason,
      dataQuality: true,
      breakdown: `${unit.reason}|${fact.source}`,
      positions: [...unit.positions],
    });
  }

  /** Every unit added, in the order added, then the `DQ-SEQUENCE` units in the order first flagged. */
  collect(): MetricUnit[] {
    if (this.flagged !== undefined) for (const unit of this.flagged.values()) this.units.push(unit);
    return this.units;
  }
}
