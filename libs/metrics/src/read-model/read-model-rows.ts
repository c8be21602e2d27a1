import type { JsonObject } from '@app/event-store';
import type { Counted, MetricUnit } from '../metric-unit';
import type { FactRow, UnitRow } from './fact-projection';

/** A `facts` row with its columns decoded (JSON parsed, integers as numbers), whatever the store. */
export interface FactColumns {
  id: number;
  board_id: string;
  scope: 'case' | 'board';
  type: string;
  business_key: string;
  business_date: string | null;
  child_keys: string[];
  data: JsonObject;
  position: number;
  positions: number[];
  source: string;
  valid_from: number;
  valid_to: number | null;
}

/** A `metric_units` row with its columns decoded. */
export interface UnitColumns {
  id: number;
  board_id: string;
  child_key: string;
  metric_code: string;
  unit_key: string;
  unit_date: string;
  counted: Counted;
  reason: string | null;
  data_quality: boolean;
  value: number | null;
  denominator_value: number | null;
  breakdown: string;
  positions: number[];
  valid_from: number;
  valid_to: number | null;
}

export function factRowOf(columns: FactColumns): FactRow {
  return {
    id: columns.id,
    boardId: columns.board_id,
    scope: columns.scope,
    fact: {
      type: columns.type,
      key: columns.business_key,
      data: columns.data,
      position: columns.position,
      positions: columns.positions,
      source: columns.source,
    },
    businessDate: columns.business_date,
    childKeys: columns.child_keys,
    validFrom: columns.valid_from,
  };
}

/** The unit as the projector made it: optional fields absent rather than null, false or ''. */
export function unitRowOf(columns: UnitColumns): UnitRow {
  const unit: MetricUnit = {
    metricCode: columns.metric_code,
    unitKey: columns.unit_key,
    unitDate: columns.unit_date,
    counted: columns.counted,
    reason: columns.reason,
    positions: columns.positions,
  };
  if (columns.data_quality) unit.dataQuality = true;
  if (columns.value !== null) unit.value = columns.value;
  if (columns.denominator_value !== null) unit.denominatorValue = columns.denominator_value;
  if (columns.breakdown !== '') unit.breakdown = columns.breakdown;
  return {
    id: columns.id,
    boardId: columns.board_id,
    childKey: columns.child_key,
    unit,
    validFrom: columns.valid_from,
  };
}

/** Daily-total deltas of a batch: +1 for each unit row that became current, -1 for each closed; zero deltas dropped. */
export interface DailyDelta {
  boardId: string;
  metricCode: string;
  unitDate: string;
  counted: Counted;
  breakdown: string;
  units: number;
  value: number;
  denominator: number;
}

export function dailyDeltasOf(changes: { unitInserts: UnitRow[]; unitCloses: Array<{ row: UnitRow }> }): DailyDelta[] {
  const deltas = new Map<string, DailyDelta>();
  const add = (row: UnitRow, sign: 1 | -1) => {
    const u = row.unit;
    const breakdown = u.breakdown ?? '';
    const key = `${row.boardId}\u0000${u.metricCode}\u0000${u.unitDate}\u0000${u.counted}\u0000${breakdown}`;
    let delta = deltas.get(key);
    if (!delta) {
      delta = {
        boardId: row.boardId,
        metricCode: u.metricCode,
        unitDate: u.unitDate,
        counted: u.counted,
        breakdown,
        units: 0,
        value: 0,
        denominator: 0,
      };
      deltas.set(key, delta);
    }
    delta.units += sign;
    delta.value += sign * (u.value ?? 0);
    delta.denominator += sign * (u.denominatorValue ?? 0);
  };
  for (const row of changes.unitInserts) add(row, 1);
  for (const close of changes.unitCloses) add(close.row, -1);
  return [...deltas.values()].filter((d) => d.units !== 0 || d.value !== 0 || d.denominator !== 0);
}
