import type { BusinessDate } from '@app/calendar';
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

/** A data-quality flag a metric raised on one fact: what its `DQ-SEQUENCE` unit is made of. */
export interface DataQualityFlag {
  readonly unitKey: string;
  readonly unitDate: BusinessDate;
  readonly reason: string;
  readonly source: string;
  readonly positions: readonly number[];
}

/**
 * Collects one child's units. A unit whose reason is a data-quality flag also yields one
 * `DQ-SEQUENCE` unit for the flagged fact and reason, shared when several metrics flag the
 * same fact for the same reason (CP-PLAN-2Y and CP-REG-AVGDAYS both flag a plan end).
 */
export class CaseUnitCollector {
  /** Every unit added, in the order added. */
  readonly units: MetricUnit[] = [];
  /** Every flag raised, in the order raised. */
  readonly flags: DataQualityFlag[] = [];

  constructor(readonly childKey: string) {}

  add(unit: MetricUnit): void {
    this.units.push(unit);
  }

  /**
   * Adds a unit whose `reason` flags `fact` (the unit's own fact, so the flag takes its
   * `unitDate`), and the flag that `DQ-SEQUENCE` counts.
   */
  addFlagged(unit: MetricUnit & { reason: string }, fact: Fact): void {
    this.units.push({ ...unit, dataQuality: true });
    this.flags.push({
      unitKey: childUnitKey(this.childKey, `fact:${fact.type}/${fact.key}/${unit.reason}`),
      unitDate: unit.unitDate,
      reason: unit.reason,
      source: fact.source,
      positions: unit.positions,
    });
  }

  /** Every unit added, in the order added, then the `DQ-SEQUENCE` units in the order first flagged. */
  collect(): MetricUnit[] {
    const units = this.units;
    if (this.flags.length > 0) for (const unit of dataQualityUnitsOf([this.flags])) units.push(unit);
    return units;
  }
}

/**
 * The `DQ-SEQUENCE` units of the flags, in the order first flagged: one per flagged fact and
 * reason, taking the first flag's date and source and the positions of every flag.
 */
export function dataQualityUnitsOf(flagLists: ReadonlyArray<readonly DataQualityFlag[]>): MetricUnit[] {
  const flagged = new Map<string, MetricUnit>();
  for (const flags of flagLists) {
    for (const flag of flags) {
      const known = flagged.get(flag.unitKey);
      if (known !== undefined) {
        known.positions = mergedPositions(known.positions, flag.positions);
        continue;
      }
      flagged.set(flag.unitKey, {
        metricCode: DQ_SEQUENCE,
        unitKey: flag.unitKey,
        unitDate: flag.unitDate,
        counted: 'numerator',
        reason: flag.reason,
        dataQuality: true,
        breakdown: `${flag.reason}|${flag.source}`,
        positions: [...flag.positions],
      });
    }
  }
  return [...flagged.values()];
}
