import { BOARD_EVENT_NAMES, CASE_EVENT_NAMES, businessKeyOf, retractedFactOf, scopeOf, type EventName } from '@app/ingestion';
import type { JsonObject, RecordedEvent } from '@app/event-store';
import type { BoardSettings, ChildCaseFacts, Fact } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';

const CASE_TYPES = new Set<string>(CASE_EVENT_NAMES.filter((name) => name !== 'RecordRetracted'));
/**
 * Every event name the projector reads, mapped to itself: facts keep this one string of their
 * type rather than each event's copy, so that comparing and hashing types reads no fact.
 */
const EVENT_TYPES = new Map<string, EventName>(
  [...CASE_EVENT_NAMES, ...BOARD_EVENT_NAMES, 'RecordRetracted' as const].map((name) => [name, name]),
);
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
  validFrom: number;
}

/** What one batch changes in the read model: rows to insert, rows to close at a position. */
export interface ReadModelChanges {
  factInserts: FactRow[];
  factCloses: Array<{ id: number; validTo: number }>;
  unitInserts: UnitRow[];
  unitCloses: Array<{ id: number; validTo: number; row: UnitRow }>;
}

/**
 * A child's units from its current facts. `factTypes`, when given, names every fact type the
 * units depend on: a fact of another type coming, changing or going leaves them as they were, so
 * the projector does not recompute them for it. The child's facts are the projector's own list:
 * read them during the call, never keep or change them.
 */
export type ChildUnitsFn = ((child: ChildCaseFacts, settings: BoardSettings) => MetricUnit[]) & {
  readonly factTypes?: ReadonlySet<string>;
  /** Makes a memo for one child, which the projector then asks instead of the function. */
  readonly memo?: () => ChildUnitsMemo;
};

/** One child's units, kept between computations so that a change recomputes only what it can change. */
export interface ChildUnitsMemo {
  /**
   * The units the function gives for `child`, in its order, when facts of `changedType` are the only
   * ones that came, changed or went since the last call (the first call knows nothing yet). A unit
   * that the change could not touch is the same object as the last call gave. The caller does not
   * change the list.
   */
  unitsOf(child: ChildCaseFacts, settings: BoardSettings, changedType: string): MetricUnit[];
}

/** One child's current facts and units, as the projector keeps them. */
interface ChildState {
  readonly boardId: string;
  readonly childKey: string;
  /** Current facts that name the child, in the order they became current. */
  readonly facts: Fact[];
  /**
   * Current units, one per metric code and unit key, in the order last computed (so that most are
   * found at their index the next time), each with the last recomputation that produced it.
   */
  units: CurrentUnit[];
  /** The units function's memo of this child, once its units are computed. */
  memo: ChildUnitsMemo | undefined;
}

interface CurrentUnit {
  row: UnitRow;
  /** The unit last computed for the row's key: the row's own, or one that `sameUnit` finds equal to it. */
  unit: MetricUnit;
  seen: number;
}

/**
 * Turns events into versioned fact and unit rows. It keeps the current facts and each child's
 * current units in memory, so that a change to one child recomputes that child's units only
 * (every case metric is a function of one child's facts), and with the units function's memo
 * only the metrics that read the changed fact type, and emits what changed:
 * the old row closed at the event's position, the new one valid from it. Rows valid at a
 * position P are therefore exactly what a replay of the log up to P would give, which is how
 * "as known at" is answered without replaying.
 */
export class FactProjector {
  /** Current facts by board, scope (see `factScopeOf`), type and business key. */
  private readonly facts = new KeyedMap<FactRow>();
  /** Every child with current facts or units, by board and child key. */
  private readonly children = new Map<string, Map<string, ChildState>>();
  private readonly boardOfLocalAuthority = new Map<string, string>();
  /** Retractions that arrived before the fact they withdraw, by the withdrawn fact's board, scope, type and business key. */
  private readonly tombstones = new KeyedMap<FactRow>();
  private nextFactId: number;
  private nextUnitId: number;
  /** Counts recomputations, to tell the units one produced from those it left behind. */
  private recomputations = 0;

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
    for (const row of state.units) this.childOf(row.boardId, row.childKey).units.push({ row, unit: row.unit, seen: 0 });
  }

  apply(events: readonly RecordedEvent[]): ReadModelChanges {
    const changes: ReadModelChanges = { factInserts: [], factCloses: [], unitInserts: [], unitCloses: [] };
    for (const event of events) this.applyOne(event, changes);
    return changes;
  }

  private applyOne(event: RecordedEvent, changes: ReadModelChanges): void {
    const type = EVENT_TYPES.get(event.type);
    if (type === undefined) return;
    const { data, position } = event;
    const isRetraction = type === 'RecordRetracted';
    const boardId = this.boardOf(event);
    if (!boardId) return;

    const target = isRetraction ? retractedFactOf(data) : { type, businessKey: businessKeyOf(type, data) };
    if (isRetraction) target.type = EVENT_TYPES.get(target.type) ?? target.type;
    const scope = factScopeOf(type, data);
    const previous = this.facts.get(boardId, scope, target.type, target.businessKey);
    if (isRetraction && !previous) {
      this.recordTombstone(event, boardId, scope, target, changes);
      return;
    }
    const tombstone = isRetraction || previous ? undefined : this.tombstones.get(boardId, scope, target.type, target.businessKey);
    if (tombstone && !previous) {
      this.suppressRetracted(event, boardId, scope, target.businessKey, tombstone, changes);
      return;
    }

    // The children of the previous version, then those the new version adds (in that order, which
    // decides the order of unit ids).
    const affected: ChildState[] = [];
    if (previous) {
      changes.factCloses.push({ id: previous.id, validTo: position });
      this.forget(previous, affected);
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
      this.remember(row, affected);
    }
    const factTypes = this.childUnitsOf.factTypes;
    const recompute = factTypes === undefined || factTypes.has(target.type);
    for (const child of affected) {
      if (recompute) this.recomputeChild(child, target.type, position, changes);
      if (child.facts.length === 0 && child.units.length === 0) this.children.get(boardId)?.delete(child.childKey);
    }
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
    scope: string,
    target: { type: string; businessKey: string },
    changes: ReadModelChanges,
  ): void {
    if (this.tombstones.get(boardId, scope, target.type, target.businessKey)) return;
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
    this.tombstones.set(boardId, scope, target.type, target.businessKey, row);
  }

  /**
   * The fact a tombstone withdraws has arrived: it is stored (lineage and the log agree) but
   * closed at the position it opened, so it is valid at no position, and the tombstone is spent.
   * A later version of the fact is a new statement and counts again.
   */
  private suppressRetracted(
    event: RecordedEvent,
    boardId: string,
    scope: string,
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
    this.tombstones.delete(boardId, scope, event.type, key);
  }

  /**
   * Recomputes a child's units after a change to its facts of `changedType`, and emits the units
   * that changed: in the order computed (which decides their ids), each new version closing the
   * one it replaces, then the closes of the units no longer computed.
   */
  private recomputeChild(child: ChildState, changedType: string, position: number, changes: ReadModelChanges): void {
    const { boardId, childKey } = child;
    let units: MetricUnit[] = [];
    const facts = child.facts;
    if (facts.length === 0) child.memo = undefined;
    else {
      const settings = this.settingsOf(boardId);
      const memo = this.childUnitsOf.memo;
      if (memo === undefined) units = this.childUnitsOf({ boardId, childKey, facts }, settings);
      else units = (child.memo ??= memo()).unitsOf({ boardId, childKey, facts }, settings, changedType);
    }
    const recomputation = ++this.recomputations;
    const current = child.units;
    const known = current.length;
    const next: CurrentUnit[] = [];
    for (let i = 0; i < units.length; i++) {
      const unit = units[i];
      const existing = i < known && current[i].unit === unit ? current[i] : currentUnitOf(current, unit);
      if (existing !== undefined) {
        if (existing.seen !== recomputation) {
          existing.seen = recomputation;
          next.push(existing);
        }
        if (existing.unit === unit) continue;
        if (sameUnit(existing.row.unit, unit)) {
          existing.unit = unit;
          continue;
        }
        changes.unitCloses.push({ id: existing.row.id, validTo: position, row: existing.row });
      }
      const row: UnitRow = { id: this.nextUnitId++, boardId, childKey, unit, validFrom: position };
      changes.unitInserts.push(row);
      if (existing !== undefined) {
        existing.row = row;
        existing.unit = unit;
      } else {
        const added = { row, unit, seen: recomputation };
        current.push(added);
        next.push(added);
      }
    }
    for (let i = 0; i < known; i++) {
      const existing = current[i];
      if (existing.seen !== recomputation) changes.unitCloses.push({ id: existing.row.id, validTo: position, row: existing.row });
    }
    // A copy, as long as it is: the list kept for each child has no room to grow.
    child.units = next.slice();
  }

  private boardOf(event: RecordedEvent): string | null {
    const fromMetadata = event.metadata.boardId;
    if (typeof fromMetadata === 'string') return fromMetadata;
    const data = event.data as { boardId?: unknown; localAuthority?: unknown };
    if (typeof data.boardId === 'string') return data.boardId;
    if (typeof data.localAuthority === 'string') return this.boardOfLocalAuthority.get(data.localAuthority) ?? null;
    return null;
  }

  /** Makes a fact row current; `affected` gets the states of the children it names that it does not hold yet. */
  private remember(row: FactRow, affected?: ChildState[]): void {
    if (row.fact.type === 'RecordRetracted') {
      const slash = row.fact.key.indexOf('/');
      this.tombstones.set(
        row.boardId,
        factScopeOf(row.fact.type, row.fact.data),
        row.fact.key.slice(0, slash),
        row.fact.key.slice(slash + 1),
        row,
      );
      return;
    }
    this.facts.set(row.boardId, factScopeOf(row.fact.type, row.fact.data), row.fact.type, row.fact.key, row);
    for (const childKey of row.childKeys) {
      const child = this.childOf(row.boardId, childKey);
      child.facts.push(row.fact);
      if (affected !== undefined && !affected.includes(child)) affected.push(child);
    }
    if (row.fact.type === 'BoardEstablished') {
      for (const la of (row.fact.data.localAuthorities as string[] | undefined) ?? []) this.boardOfLocalAuthority.set(la, row.boardId);
    }
  }

  /** Makes a fact row no longer current; `affected` gets the states of the children it names. */
  private forget(row: FactRow, affected: ChildState[]): void {
    this.facts.delete(row.boardId, factScopeOf(row.fact.type, row.fact.data), row.fact.type, row.fact.key);
    const children = this.children.get(row.boardId);
    for (const childKey of row.childKeys) {
      const child = children?.get(childKey);
      if (child === undefined) continue;
      const at = child.facts.indexOf(row.fact);
      if (at >= 0) child.facts.splice(at, 1);
      affected.push(child);
    }
    if (row.fact.type === 'BoardEstablished') {
      for (const la of (row.fact.data.localAuthorities as string[] | undefined) ?? []) {
        if (this.boardOfLocalAuthority.get(la) === row.boardId) this.boardOfLocalAuthority.delete(la);
      }
    }
  }

  private childOf(boardId: string, childKey: string): ChildState {
    let children = this.children.get(boardId);
    if (!children) this.children.set(boardId, (children = new Map()));
    let child = children.get(childKey);
    if (!child) children.set(childKey, (child = { boardId, childKey, facts: [], units: [], memo: undefined }));
    return child;
  }
}

/**
 * Where a fact's business key is unique within its board: a case fact's key only within its
 * local authority (two authorities of one board may both send a `cg-8`), a board fact's within
 * the board (the empty scope).
 */
function factScopeOf(type: string, data: JsonObject): string {
  if (type !== 'RecordRetracted' && !CASE_TYPES.has(type)) return '';
  const scope = scopeOf(type as EventName, data);
  return scope.kind === 'local-authority' ? scope.id : '';
}

/** A map keyed by board, scope, type and business key: no joined key string is built for a look-up. */
class KeyedMap<V> {
  private readonly boards = new Map<string, Map<string, Map<string, Map<string, V>>>>();

  get(boardId: string, scope: string, type: string, key: string): V | undefined {
    return this.boards.get(boardId)?.get(scope)?.get(type)?.get(key);
  }

  set(boardId: string, scope: string, type: string, key: string, value: V): void {
    let scopes = this.boards.get(boardId);
    if (!scopes) this.boards.set(boardId, (scopes = new Map()));
    let types = scopes.get(scope);
    if (!types) scopes.set(scope, (types = new Map()));
    let keys = types.get(type);
    if (!keys) types.set(type, (keys = new Map()));
    keys.set(key, value);
  }

  delete(boardId: string, scope: string, type: string, key: string): void {
    this.boards.get(boardId)?.get(scope)?.get(type)?.delete(key);
  }
}

/** The current unit with the unit's metric code and key, if any. */
function currentUnitOf(current: readonly CurrentUnit[], unit: MetricUnit): CurrentUnit | undefined {
  for (const existing of current) {
    const known = existing.row.unit;
    if (known.metricCode === unit.metricCode && known.unitKey === unit.unitKey) return existing;
  }
  return undefined;
}

/**
 * Whether two versions of one unit store the same row: optional fields compare as the read
 * model stores them (absent `dataQuality` as false, absent numbers as null, numbers as JSON
 * writes them), so a unit read back from the tables equals the one computed again.
 */
export function sameUnit(a: MetricUnit, b: MetricUnit): boolean {
  return (
    a.unitDate === b.unitDate &&
    a.counted === b.counted &&
    (a.reason ?? null) === (b.reason ?? null) &&
    (a.dataQuality ?? false) === (b.dataQuality ?? false) &&
    jsonNumber(a.value) === jsonNumber(b.value) &&
    jsonNumber(a.denominatorValue) === jsonNumber(b.denominatorValue) &&
    (a.breakdown ?? null) === (b.breakdown ?? null) &&
    samePositions(a.positions, b.positions)
  );
}

function jsonNumber(value: number | undefined): number | null {
  return value === undefined || !Number.isFinite(value) ? null : value;
}

function samePositions(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (jsonNumber(a[i]) !== jsonNumber(b[i])) return false;
  return true;
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
  // A list, not a set: a fact names a child or a few.
  const keys: string[] = [];
  const add = (key: unknown) => {
    if (typeof key === 'string' && !keys.includes(key)) keys.push(key);
  };
  add(data.childId);
  for (const list of [data.childIds, data.childParticipation]) if (Array.isArray(list)) for (const key of list) add(key);
  if (Array.isArray(data.outcomes)) for (const outcome of data.outcomes as Array<{ childId?: unknown }>) add(outcome?.childId);
  return keys;
}
