import { BOARD_EVENT_NAMES, CASE_EVENT_NAMES, businessKeyOf, retractedFactOf, type EventName } from '@app/ingestion';
import type { JsonObject, RecordedEvent } from '@app/event-store';
import type { Fact, BoardSettings } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';

const CASE_TYPES = new Set<string>(CASE_EVENT_NAMES.filter((name) => name !== 'RecordRetracted'));
const BOARD_TYPES = new Set<string>(BOARD_EVENT_NAMES.filter((name) => name !== 'RecordRetracted'));
const DATE_FIELDS = [
  'receivedOn',
  'startedOn',
  'completedOn',
  'heldOn',
  'endedOn',
  'measuredOn',
  'on',
  'publishedOn',
  'establishedOn',
  'assignedOn',
  'changedOn',
  'formedOn',
  'dueOn',
] as const;

/** A fact row as the read model stores it: one version, valid from one position to another. */
export interface FactRow {
  id: number;
  boardId: string;
  scope: 'case' | 'board';
  fact: Fact;
  businessDate: string | null;
  childKeys: string[];
  validFrom: number;
}

/** A unit row: one version of one metric unit of one child. */
export interface UnitRow {
  id: number;
  boardId: string;
  childKey: string;
  unit: MetricUnit;
  signature: string;
  validFrom: number;
}

/** What one batch changes in the read model: rows to insert, rows to close at a position. */
export interface ReadModelChanges {
  factInserts: FactRow[];
  factCloses: Array<{ id: number; validTo: number }>;
  unitInserts: UnitRow[];
  unitCloses: Array<{ id: number; validTo: number; row: UnitRow }>;
}

export type ChildUnitsFn = (child: { boardId: string; childKey: string; facts: Fact[] }, settings: BoardSettings) => MetricUnit[];

/**
 * Turns events into versioned fact and unit rows. It keeps the current facts and each child's
 * current units in memory, so that a change to one child recomputes that child's units only
 * (every case metric is a function of one child's facts), and emits what changed:
 * the old row closed at the event's position, the new one valid from it. Rows valid at a
 * position P are therefore exactly what a replay of the log up to P would give, which is how
 * "as known at" is answered without replaying.
 */
export class FactProjector {
  private readonly facts = new Map<string, FactRow>();
  private readonly childFacts = new Map<string, Set<string>>();
  private readonly childUnits = new Map<string, Map<string, UnitRow>>();
  private readonly boardOfLocalAuthority = new Map<string, string>();
  /** Retractions that arrived before the fact they withdraw, by the withdrawn fact's id. */
  private readonly tombstones = new Map<string, FactRow>();
  private nextFactId: number;
  private nextUnitId: number;

  constructor(
    private readonly childUnitsOf: ChildUnitsFn,
    private readonly settingsOf: (boardId: string) => BoardSettings,
    state: { facts: FactRow[]; units: UnitRow[]; nextFactId: number; nextUnitId: number } = {
      facts: [],
      units: [],
      nextFactId: 1,
      nextUnitId: 1,
    },
  ) {
    this.nextFactId = state.nextFactId;
    this.nextUnitId = state.nextUnitId;
    for (const row of state.facts) this.remember(row);
    for (const row of state.units) this.unitsOf(row.boardId, row.childKey).set(unitId(row.unit), row);
  }

  apply(events: readonly RecordedEvent[]): ReadModelChanges {
    const changes: ReadModelChanges = { factInserts: [], factCloses: [], unitInserts: [], unitCloses: [] };
    for (const event of events) this.applyOne(event, changes);
    return changes;
  }

  private applyOne(event: RecordedEvent, changes: ReadModelChanges): void {
    const { type, data, position } = event;
    const isRetraction = type === 'RecordRetracted';
    if (!isRetraction && !CASE_TYPES.has(type) && !BOARD_TYPES.has(type)) return;
    const boardId = this.boardOf(event);
    if (!boardId) return;

    const target = isRetraction ? retractedFactOf(data) : { type: type as EventName, businessKey: businessKeyOf(type as EventName, data) };
    const id = factId(boardId, target.type, target.businessKey);
    const previous = this.facts.get(id);
    if (isRetraction && !previous) {
      this.recordTombstone(event, boardId, id, target, changes);
      return;
    }
    const tombstone = isRetraction ? undefined : this.tombstones.get(id);
    if (tombstone && !previous) {
      this.suppressRetracted(event, boardId, id, target.businessKey, tombstone, changes);
      return;
    }

    const affected = new Set<string>(previous?.childKeys ?? []);
    if (previous) {
      changes.factCloses.push({ id: previous.id, validTo: position });
      this.forget(id, previous);
    }
    if (!isRetraction) {
      const row: FactRow = {
        id: this.nextFactId++,
        boardId,
        scope: CASE_TYPES.has(type) ? 'case' : 'board',
        fact: {
          type,
          key: target.businessKey,
          data,
          position,
          positions: [...(previous?.fact.positions ?? []), position],
          source: String(event.metadata.source ?? ''),
        },
        businessDate: businessDateOf(data),
        childKeys: childKeysOf(data),
        validFrom: position,
      };
      changes.factInserts.push(row);
      this.remember(row);
      for (const child of row.childKeys) affected.add(child);
    }
    for (const childKey of affected) this.recomputeChild(boardId, childKey, position, changes);
  }

  /**
   * A retraction can arrive before the fact it withdraws: case systems key Kafka messages by
   * child, and a retraction names no child, so it may travel on another partition. It is kept
   * as a tombstone (a `RecordRetracted` fact row, current while it waits) so that the withdrawn
   * fact, when it arrives, is never counted.
   */
  private recordTombstone(
    event: RecordedEvent,
    boardId: string,
    id: string,
    target: { type: string; businessKey: string },
    changes: ReadModelChanges,
  ): void {
    if (this.tombstones.has(id)) return;
    const row: FactRow = {
      id: this.nextFactId++,
      boardId,
      scope: CASE_TYPES.has(target.type) ? 'case' : 'board',
      fact: {
        type: 'RecordRetracted',
        key: `${target.type}/${target.businessKey}`,
        data: event.data,
        position: event.position,
        positions: [event.position],
        source: String(event.metadata.source ?? ''),
      },
      businessDate: null,
      childKeys: [],
      validFrom: event.position,
    };
    changes.factInserts.push(row);
    this.tombstones.set(id, row);
  }

  /**
   * The fact a tombstone withdraws has arrived: it is stored (lineage and the log agree) but
   * closed at the position it opened, so it is valid at no position, and the tombstone is spent.
   * A later version of the fact is a new statement and counts again.
   */
  private suppressRetracted(
    event: RecordedEvent,
    boardId: string,
    id: string,
    key: string,
    tombstone: FactRow,
    changes: ReadModelChanges,
  ): void {
    const row: FactRow = {
      id: this.nextFactId++,
      boardId,
      scope: tombstone.scope,
      fact: {
        type: event.type,
        key,
        data: event.data,
        position: event.position,
        positions: [event.position],
        source: String(event.metadata.source ?? ''),
      },
      businessDate: businessDateOf(event.data),
      childKeys: childKeysOf(event.data),
      validFrom: event.position,
    };
    changes.factInserts.push(row);
    changes.factCloses.push({ id: row.id, validTo: event.position });
    changes.factCloses.push({ id: tombstone.id, validTo: event.position });
    this.tombstones.delete(id);
  }

  private recomputeChild(boardId: string, childKey: string, position: number, changes: ReadModelChanges): void {
    const ids = this.childFacts.get(childSlot(boardId, childKey));
    const facts: Fact[] = [];
    for (const id of ids ?? []) facts.push(this.facts.get(id)!.fact);
    const units = facts.length > 0 ? this.childUnitsOf({ boardId, childKey, facts }, this.settingsOf(boardId)) : [];
    const current = this.unitsOf(boardId, childKey);
    const seen = new Set<string>();
    for (const unit of units) {
      const key = unitId(unit);
      seen.add(key);
      const signature = unitSignature(unit);
      const existing = current.get(key);
      if (existing?.signature === signature) continue;
      if (existing) changes.unitCloses.push({ id: existing.id, validTo: position, row: existing });
      const row: UnitRow = { id: this.nextUnitId++, boardId, childKey, unit, signature, validFrom: position };
      changes.unitInserts.push(row);
      current.set(key, row);
    }
    for (const [key, existing] of current) {
      if (seen.has(key)) continue;
      changes.unitCloses.push({ id: existing.id, validTo: position, row: existing });
      current.delete(key);
    }
    if (current.size === 0) this.childUnits.delete(childSlot(boardId, childKey));
  }

  private boardOf(event: RecordedEvent): string | null {
    const fromMetadata = event.metadata.boardId;
    if (typeof fromMetadata === 'string') return fromMetadata;
    const data = event.data as { boardId?: unknown; localAuthority?: unknown };
    if (typeof data.boardId === 'string') return data.boardId;
    if (typeof data.localAuthority === 'string') return this.boardOfLocalAuthority.get(data.localAuthority) ?? null;
    return null;
  }

  private remember(row: FactRow): void {
    if (row.fact.type === 'RecordRetracted') {
      const slash = row.fact.key.indexOf('/');
      this.tombstones.set(factId(row.boardId, row.fact.key.slice(0, slash), row.fact.key.slice(slash + 1)), row);
      return;
    }
    const id = factId(row.boardId, row.fact.type, row.fact.key);
    this.facts.set(id, row);
    for (const child of row.childKeys) {
      const slot = childSlot(row.boardId, child);
      let set = this.childFacts.get(slot);
      if (!set) this.childFacts.set(slot, (set = new Set()));
      set.add(id);
    }
    if (row.fact.type === 'BoardEstablished') {
      for (const la of (row.fact.data.localAuthorities as string[] | undefined) ?? []) this.boardOfLocalAuthority.set(la, row.boardId);
    }
  }

  private forget(id: string, row: FactRow): void {
    this.facts.delete(id);
    for (const child of row.childKeys) {
      const slot = childSlot(row.boardId, child);
      const set = this.childFacts.get(slot);
      set?.delete(id);
      if (set?.size === 0) this.childFacts.delete(slot);
    }
    if (row.fact.type === 'BoardEstablished') {
      for (const la of (row.fact.data.localAuthorities as string[] | undefined) ?? []) {
        if (this.boardOfLocalAuthority.get(la) === row.boardId) this.boardOfLocalAuthority.delete(la);
      }
    }
  }

  private unitsOf(boardId: string, childKey: string): Map<string, UnitRow> {
    const slot = childSlot(boardId, childKey);
    let units = this.childUnits.get(slot);
    if (!units) this.childUnits.set(slot, (units = new Map()));
    return units;
  }
}

const factId = (boardId: string, type: string, key: string) => `${boardId}\u0000${type}\u0000${key}`;
const childSlot = (boardId: string, childKey: string) => `${boardId}\u0000${childKey}`;
const unitId = (unit: MetricUnit) => `${unit.metricCode}\u0000${unit.unitKey}`;

export function unitSignature(unit: MetricUnit): string {
  return JSON.stringify([
    unit.unitDate,
    unit.counted,
    unit.reason,
    unit.dataQuality ?? false,
    unit.value ?? null,
    unit.denominatorValue ?? null,
    unit.breakdown ?? null,
    unit.positions,
  ]);
}

export function businessDateOf(data: JsonObject): string | null {
  for (const field of DATE_FIELDS) {
    const value = data[field];
    if (typeof value === 'string') return value;
  }
  return null;
}

/** Every (pseudonymised) child key a fact names: childId, childIds, outcomes[].childId, childParticipation. */
export function childKeysOf(data: JsonObject): string[] {
  const keys = new Set<string>();
  if (typeof data.childId === 'string') keys.add(data.childId);
  for (const list of [data.childIds, data.childParticipation]) {
    if (Array.isArray(list)) for (const key of list) if (typeof key === 'string') keys.add(key);
  }
  if (Array.isArray(data.outcomes)) {
    for (const outcome of data.outcomes as Array<{ childId?: unknown }>)
      if (typeof outcome?.childId === 'string') keys.add(outcome.childId);
  }
  return [...keys];
}
