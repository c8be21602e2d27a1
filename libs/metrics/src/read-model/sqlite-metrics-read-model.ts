import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Period } from '@app/calendar';
import type { RecordedEvent } from '@app/event-store';
import { REBUILD_ABANDONED_AFTER_MS, RebuildUnderway, type Projection, type RebuildUnderwayState } from '@app/projections';
import type { BoardFacts, BoardSettings } from '../facts/fact';
import type { Counted, MetricUnit } from '../metric-unit';
import { FactProjector, type ChildUnitsFn, type FactRow, type ReadModelChanges, type UnitRow } from './fact-projection';
import type { MetricsReadModel, UnitCursor, UnitTotal } from './metrics-read-model.port';
import { FACT_DIGEST_ORDER, ReadModelDigest, UNIT_DIGEST_ORDER } from './read-model-digest';
import { dailyDeltasOf, factRowOf, unitRowOf, type FactColumns, type UnitColumns } from './read-model-rows';
import { READ_MODEL_ADDED_COLUMNS, READ_MODEL_INDEXES, READ_MODEL_TABLES, READ_MODEL_VIEWS, dropViewsOf } from './read-model.schema';

export interface SqliteMetricsReadModelOptions {
  filename: string;
  childUnits: ChildUnitsFn;
  settingsOf: (boardId: string) => BoardSettings;
  /**
   * How long a rebuild may go without writing a batch before another process may take it over
   * (default `REBUILD_ABANDONED_AFTER_MS`).
   */
  rebuildAbandonedAfterMs?: number;
}

/** A `facts` row as SQLite returns it: JSON as text. */
type FactRecord = Omit<FactColumns, 'child_keys' | 'data' | 'positions'> & { child_keys: string; data: string; positions: string };
/** A `metric_units` row as SQLite returns it: JSON as text, booleans as 0 or 1. */
type UnitRecord = Omit<UnitColumns, 'data_quality' | 'positions'> & { data_quality: number; positions: string };
/** The projection's `checkpoints` row. */
interface CheckpointRecord {
  position: number;
  updated_at: string;
  rebuild_started_at: string | null;
}

const NAME = 'metrics';
/** Page cache while rebuilding, in KiB (SQLite's convention for a negative `cache_size`): 256 MiB. */
const REBUILD_CACHE_SIZE = -262_144;
/** WAL pages between automatic checkpoints while rebuilding (SQLite's default is 1,000). */
const REBUILD_WAL_AUTOCHECKPOINT = 20_000;
/** A checkpoint no store holds: the next batch reloads the state from the tables. */
const NOT_LOADED = -1;

/**
 * The metrics read model in SQLite (a file of its own, beside the event log): versioned fact
 * and unit rows, daily unit totals for fast current answers, and the projection checkpoint, all
 * written in one transaction per batch. Views over the tables give BI tools a documented schema
 * (see read-model.schema.ts).
 */
export class SqliteMetricsReadModel implements Projection, MetricsReadModel {
  readonly name = NAME;
  private readonly db: Database.Database;
  private projector: FactProjector;
  private rebuilding = false;
  /** The checkpoint as this instance last wrote or read it. */
  private position = 0;
  private readonly s: ReturnType<SqliteMetricsReadModel['prepare']>;
  /** The connection's own settings, restored after a rebuild. */
  private readonly cacheSize: number;
  private readonly walAutocheckpoint: number;
  private readonly abandonedAfterMs: number;

  constructor(private readonly options: SqliteMetricsReadModelOptions) {
    this.abandonedAfterMs = options.rebuildAbandonedAfterMs ?? REBUILD_ABANDONED_AFTER_MS;
    const filename = resolve(options.filename);
    mkdirSync(dirname(filename), { recursive: true });
    this.db = new Database(filename, { timeout: 10_000 });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(READ_MODEL_TABLES);
    this.db
      .transaction(() => {
        addMissingColumns(this.db);
        // A rebuild underway (another process's) creates the indexes when it finishes.
        const rebuilding = this.db.prepare('SELECT 1 FROM checkpoints WHERE name = ? AND rebuild_started_at IS NOT NULL').get(NAME);
        if (rebuilding === undefined) this.db.exec(READ_MODEL_INDEXES);
        this.db.exec(dropViewsOf(READ_MODEL_VIEWS));
        this.db.exec(READ_MODEL_VIEWS);
      })
      .immediate();
    this.s = this.prepare();
    this.cacheSize = this.db.pragma('cache_size', { simple: true }) as number;
    this.walAutocheckpoint = this.db.pragma('wal_autocheckpoint', { simple: true }) as number;
    // The current rows are loaded by the first batch, not here: a process that only queries (an
    // API run with LEDGER_RUN_PROJECTIONS=false) or rebuilds at once never needs them.
    this.projector = new FactProjector(options.childUnits, options.settingsOf);
    this.position = NOT_LOADED;
  }

  private prepare() {
    const db = this.db;
    return {
      checkpoint: db.prepare<[string], CheckpointRecord>('SELECT position, updated_at, rebuild_started_at FROM checkpoints WHERE name = ?'),
      setCheckpoint: db.prepare(
        'INSERT INTO checkpoints (name, position, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at',
      ),
      startRebuild: db.prepare<[string, string, string]>(
        `INSERT INTO checkpoints (name, position, updated_at, rebuild_started_at) VALUES (?, 0, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = 0, updated_at = excluded.updated_at, rebuild_started_at = excluded.rebuild_started_at`,
      ),
      claimRebuild: db.prepare<[string, string]>('UPDATE checkpoints SET updated_at = ? WHERE name = ?'),
      finishRebuild: db.prepare<[string]>('UPDATE checkpoints SET rebuild_started_at = NULL WHERE name = ?'),
      insertFacts: insertRows(db, 'facts', FACT_COLUMNS),
      closeFact: db.prepare('UPDATE facts SET valid_to = ? WHERE id = ?'),
      insertUnits: insertRows(db, 'metric_units', UNIT_COLUMNS),
      closeUnit: db.prepare('UPDATE metric_units SET valid_to = ? WHERE id = ?'),
      addDaily: db.prepare(
        `INSERT INTO metric_daily (board_id, metric_code, unit_date, counted, breakdown, units, value_sum, denominator_sum) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (board_id, metric_code, unit_date, counted, breakdown) DO UPDATE SET
           units = units + excluded.units, value_sum = value_sum + excluded.value_sum, denominator_sum = denominator_sum + excluded.denominator_sum`,
      ),
      dailyTotals: db.prepare<
        [string, string, string, string],
        { counted: Counted; breakdown: string; units: number; value: number; denominatorValue: number }
      >(
        `SELECT counted, breakdown, sum(units) AS units, sum(value_sum) AS value, sum(denominator_sum) AS denominatorValue
         FROM metric_daily WHERE board_id = ? AND metric_code = ? AND unit_date BETWEEN ? AND ? GROUP BY counted, breakdown HAVING sum(units) > 0 ORDER BY counted, breakdown`,
      ),
      unitTotalsAsOf: db.prepare<
        [string, string, string, string, number, number],
        { counted: Counted; breakdown: string; units: number; value: number; denominatorValue: number }
      >(
        `SELECT counted, breakdown, count(*) AS units, coalesce(sum(value), 0) AS value, coalesce(sum(denominator_value), 0) AS denominatorValue
         FROM metric_units WHERE board_id = ? AND metric_code = ? AND unit_date BETWEEN ? AND ? AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
         GROUP BY counted, breakdown ORDER BY counted, breakdown`,
      ),
      unitsPage: db.prepare<[string, string, string, string, number, number, string, string, string, number], UnitRecord>(
        `SELECT * FROM metric_units WHERE board_id = ? AND metric_code = ? AND unit_date BETWEEN ? AND ?
           AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)
           AND (unit_date > ? OR (unit_date = ? AND unit_key > ?))
         ORDER BY unit_date, unit_key LIMIT ?`,
      ),
      boardFacts: db.prepare<[string, number, number], FactRecord>(
        `SELECT * FROM facts WHERE board_id = ? AND scope = 'board' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY id`,
      ),
      boards: db.prepare<[number, number], FactRecord>(
        `SELECT * FROM facts WHERE type = 'BoardEstablished' AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY board_id`,
      ),
      currentFacts: db.prepare<[], FactRecord>('SELECT * FROM facts WHERE valid_to IS NULL'),
      digestFacts: db.prepare<[], FactRecord>(`SELECT * FROM facts ORDER BY ${FACT_DIGEST_ORDER}`),
      digestUnits: db.prepare<[], UnitRecord>(`SELECT * FROM metric_units ORDER BY ${UNIT_DIGEST_ORDER}`),
      currentUnits: db.prepare<[], UnitRecord>('SELECT * FROM metric_units WHERE valid_to IS NULL'),
      maxIds: db.prepare<[], { facts: number | null; units: number | null }>(
        'SELECT (SELECT max(id) FROM facts) AS facts, (SELECT max(id) FROM metric_units) AS units',
      ),
    };
  }

  private loadProjector(): FactProjector {
    const facts = this.s.currentFacts.all().map(toFactRow);
    const units = this.s.currentUnits.all().map(toUnitRow);
    const ids = this.s.maxIds.get();
    return new FactProjector(this.options.childUnits, this.options.settingsOf, {
      facts,
      units,
      nextFactId: (ids?.facts ?? 0) + 1,
      nextUnitId: (ids?.units ?? 0) + 1,
    });
  }

  async checkpoint(): Promise<number> {
    return this.s.checkpoint.get(NAME)?.position ?? 0;
  }

  /**
   * Applies a batch under SQLite's write lock. Another process may project into the same file
   * (the API and a CLI catch-up): when the stored checkpoint is not where this instance left it,
   * the in-memory state is reloaded from the tables first and events already applied are skipped,
   * so two projectors never apply an event twice or diverge. While another process rebuilds the
   * read model, nothing is applied (`RebuildUnderway`).
   */
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    this.db.transaction(() => {
      const checkpoint = this.s.checkpoint.get(NAME);
      const stored = checkpoint?.position ?? 0;
      const rebuildStartedAt = checkpoint?.rebuild_started_at ?? null;
      if (rebuildStartedAt !== null && !this.rebuilding) throw new RebuildUnderway(NAME, new Date(rebuildStartedAt));
      // Another process took this rebuild over and finished it: what is left to apply is live.
      if (rebuildStartedAt === null && this.rebuilding) this.leaveRebuildMode();
      if (stored !== this.position) {
        this.projector = this.loadProjector();
        this.position = stored;
      }
      const fresh = events.filter((event) => event.position > stored);
      if (fresh.length === 0) return;
      const last = fresh[fresh.length - 1].position;
      try {
        this.write(this.projector.apply(fresh), last);
      } catch (error) {
        // The in-memory state already moved on and the rollback has not happened yet (reading
        // the tables now would see this batch's partial writes): reload at the next batch.
        this.position = NOT_LOADED;
        throw error;
      }
      this.position = last;
    })();
  }

  /**
   * Writes a batch's rows. A row the same batch both opens and closes is inserted closed, and
   * the other closes are updates in id order (neighbouring rows share pages).
   */
  private write(changes: ReadModelChanges, position: number): void {
    const s = this.s;
    const factValidTo = closedInBatch(changes.factInserts, changes.factCloses);
    s.insertFacts(changes.factInserts, (row, i, values) => {
      const f = row.fact;
      values.push(
        row.id,
        row.boardId,
        row.scope,
        f.type,
        f.key,
        row.businessDate,
        JSON.stringify(row.childKeys),
        JSON.stringify(f.data),
        f.position,
        JSON.stringify(f.positions),
        f.source,
        row.validFrom,
        factValidTo.validTo[i],
      );
    });
    for (const close of factValidTo.earlier) s.closeFact.run(close.validTo, close.id);
    const unitValidTo = closedInBatch(changes.unitInserts, changes.unitCloses);
    s.insertUnits(changes.unitInserts, (row, i, values) => {
      const u = row.unit;
      values.push(
        row.id,
        row.boardId,
        row.childKey,
        u.metricCode,
        u.unitKey,
        u.unitDate,
        u.counted,
        u.reason,
        u.dataQuality ? 1 : 0,
        u.value ?? null,
        u.denominatorValue ?? null,
        u.breakdown ?? '',
        JSON.stringify(u.positions),
        row.validFrom,
        unitValidTo.validTo[i],
      );
    });
    for (const close of unitValidTo.earlier) s.closeUnit.run(close.validTo, close.id);
    if (!this.rebuilding) this.addDailyDeltas(changes);
    s.setCheckpoint.run(NAME, position, new Date().toISOString());
  }

  /** Keeps the daily totals in step: +1 for each unit row that became current, -1 for each closed. */
  private addDailyDeltas(changes: ReadModelChanges): void {
    for (const d of dailyDeltasOf(changes)) {
      this.s.addDaily.run(d.boardId, d.metricCode, d.unitDate, d.counted, d.breakdown, d.units, d.value, d.denominator);
    }
  }

  /**
   * Empties the read model for a rebuild and records, in the same transaction, that one is
   * underway: other processes apply nothing and answer current totals from the unit rows until
   * `rebuilt`, and a rebuild whose process stops is carried on by the next (`resumeRebuild`).
   */
  async reset(): Promise<void> {
    this.db
      .transaction(() => {
        this.db.exec('DELETE FROM facts; DELETE FROM metric_units; DELETE FROM metric_daily;');
        const now = new Date().toISOString();
        this.s.startRebuild.run(NAME, now, now);
        // Rebuilding without secondary indexes and daily totals is several times faster; both are
        // created again in `rebuilt`.
        this.db.exec(dropIndexes(READ_MODEL_INDEXES));
      })
      .immediate();
    this.enterRebuildMode();
    this.projector = new FactProjector(this.options.childUnits, this.options.settingsOf);
    this.position = 0;
  }

  /** Creates the indexes again, totals the current units per day and ends the rebuild, in one transaction. */
  async rebuilt(): Promise<void> {
    this.db
      .transaction(() => {
        this.db.exec(READ_MODEL_INDEXES);
        this.db.exec(`DELETE FROM metric_daily;
          INSERT INTO metric_daily (board_id, metric_code, unit_date, counted, breakdown, units, value_sum, denominator_sum)
          SELECT board_id, metric_code, unit_date, counted, breakdown, count(*), coalesce(sum(value), 0), coalesce(sum(denominator_value), 0)
          FROM metric_units WHERE valid_to IS NULL GROUP BY board_id, metric_code, unit_date, counted, breakdown`);
        this.s.finishRebuild.run(NAME);
      })
      .immediate();
    this.leaveRebuildMode();
    // Queries read a page from the WAL while it has not been copied back: copy the rebuild's now.
    this.db.pragma('wal_checkpoint(PASSIVE)');
  }

  async rebuildUnderway(): Promise<RebuildUnderwayState | null> {
    return this.rebuildOf(this.s.checkpoint.get(NAME));
  }

  /** The rebuild a checkpoint row records, if any. */
  private rebuildOf(checkpoint: CheckpointRecord | undefined): RebuildUnderwayState | null {
    if (!checkpoint?.rebuild_started_at) return null;
    // This instance's own rebuild, left by a runner that stopped, needs no wait to be carried on.
    const abandoned = this.rebuilding || Date.now() - Date.parse(checkpoint.updated_at) > this.abandonedAfterMs;
    return { since: new Date(checkpoint.rebuild_started_at), abandoned };
  }

  async resumeRebuild(): Promise<boolean> {
    const claimed = this.db
      .transaction(() => {
        if (!this.rebuildOf(this.s.checkpoint.get(NAME))?.abandoned) return false;
        this.s.claimRebuild.run(new Date().toISOString(), NAME);
        // Indexes another process created at open, since the rebuild started.
        this.db.exec(dropIndexes(READ_MODEL_INDEXES));
        return true;
      })
      .immediate();
    if (claimed) {
      this.enterRebuildMode();
      // The first batch loads what the rebuild has applied so far.
      this.position = NOT_LOADED;
    }
    return claimed;
  }

  /** A larger page cache and fewer WAL checkpoints while rebuilding: closes update rows all over the tables. */
  private enterRebuildMode(): void {
    this.db.pragma(`cache_size = ${REBUILD_CACHE_SIZE}`);
    this.db.pragma(`wal_autocheckpoint = ${REBUILD_WAL_AUTOCHECKPOINT}`);
    this.rebuilding = true;
  }

  private leaveRebuildMode(): void {
    this.db.pragma(`cache_size = ${this.cacheSize}`);
    this.db.pragma(`wal_autocheckpoint = ${this.walAutocheckpoint}`);
    this.rebuilding = false;
  }

  /**
   * Current totals come from the daily totals, except while a rebuild is underway (in this
   * process or another), when those are not there yet: then from the current unit rows.
   */
  async unitTotals(boardId: string, metricCode: string, period: Period, asOf: number | null): Promise<UnitTotal[]> {
    if (asOf === null && !this.rebuilding && this.s.checkpoint.get(NAME)?.rebuild_started_at == null) {
      return this.s.dailyTotals.all(boardId, metricCode, period.from, period.to);
    }
    const at = asOf ?? Number.MAX_SAFE_INTEGER;
    return this.s.unitTotalsAsOf.all(boardId, metricCode, period.from, period.to, at, at);
  }

  async unitsPage(
    boardId: string,
    metricCode: string,
    period: Period,
    asOf: number | null,
    cursor: UnitCursor | null,
    limit: number,
  ): Promise<MetricUnit[]> {
    const at = asOf ?? Number.MAX_SAFE_INTEGER;
    return this.s.unitsPage
      .all(
        boardId,
        metricCode,
        period.from,
        period.to,
        at,
        at,
        cursor?.unitDate ?? '',
        cursor?.unitDate ?? '',
        cursor?.unitKey ?? '',
        limit,
      )
      .map((record) => toUnitRow(record).unit);
  }

  async boardFacts(boardId: string, asOf: number | null): Promise<BoardFacts> {
    const at = asOf ?? Number.MAX_SAFE_INTEGER;
    return { boardId, facts: this.s.boardFacts.all(boardId, at, at).map((record) => toFactRow(record).fact) };
  }

  async boards(asOf: number | null) {
    const at = asOf ?? Number.MAX_SAFE_INTEGER;
    return this.s.boards.all(at, at).map((record) => {
      const data = JSON.parse(record.data) as { name?: string; localAuthorities?: string[] };
      return { boardId: record.board_id, name: data.name ?? record.board_id, localAuthorities: data.localAuthorities ?? [] };
    });
  }

  async digest(): Promise<string> {
    const digest = new ReadModelDigest();
    for (const record of this.s.digestFacts.iterate()) digest.fact(toFactRow(record), record.valid_to);
    for (const record of this.s.digestUnits.iterate()) digest.unit(toUnitRow(record), record.valid_to);
    return digest.hex();
  }

  close(): void {
    this.db.close();
  }
}

function toFactRow(record: FactRecord): FactRow {
  return factRowOf({
    ...record,
    child_keys: JSON.parse(record.child_keys),
    data: JSON.parse(record.data),
    positions: JSON.parse(record.positions),
  });
}

function toUnitRow(record: UnitRecord): UnitRow {
  return unitRowOf({ ...record, data_quality: record.data_quality !== 0, positions: JSON.parse(record.positions) });
}

const FACT_COLUMNS = [
  'id',
  'board_id',
  'scope',
  'type',
  'business_key',
  'business_date',
  'child_keys',
  'data',
  'position',
  'positions',
  'source',
  'valid_from',
  'valid_to',
];
const UNIT_COLUMNS = [
  'id',
  'board_id',
  'child_key',
  'metric_code',
  'unit_key',
  'unit_date',
  'counted',
  'reason',
  'data_quality',
  'value',
  'denominator_value',
  'breakdown',
  'positions',
  'valid_from',
  'valid_to',
];
/** Rows per multi-row INSERT: one statement per chunk costs far less than one per row. */
const ROWS_PER_INSERT = 64;

type SqlValue = string | number | null;

/**
 * Inserts rows into `table`, `ROWS_PER_INSERT` to a statement; `valuesOf` pushes one row's
 * values, in `columns` order.
 */
function insertRows(db: Database.Database, table: string, columns: readonly string[]) {
  const statement = (rows: number) => {
    const row = `(${columns.map(() => '?').join(', ')})`;
    return db.prepare<[SqlValue[]]>(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array(rows).fill(row).join(', ')}`);
  };
  const chunk = statement(ROWS_PER_INSERT);
  const single = statement(1);
  return <R>(rows: readonly R[], valuesOf: (row: R, index: number, values: SqlValue[]) => void): void => {
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      const values: SqlValue[] = [];
      for (let j = i; j < i + ROWS_PER_INSERT; j++) valuesOf(rows[j], j, values);
      chunk.run(values);
    }
    for (; i < rows.length; i++) {
      const values: SqlValue[] = [];
      valuesOf(rows[i], i, values);
      single.run(values);
    }
  };
}

/**
 * Splits a batch's closes: `validTo[i]` closes the batch's own insert `i` (null: still current),
 * `earlier` closes rows of earlier batches, in id order. Inserted ids are consecutive in a batch.
 */
function closedInBatch(
  inserts: ReadonlyArray<{ id: number }>,
  closes: ReadonlyArray<{ id: number; validTo: number }>,
): { validTo: Array<number | null>; earlier: Array<{ id: number; validTo: number }> } {
  const validTo: Array<number | null> = new Array<number | null>(inserts.length).fill(null);
  const earlier: Array<{ id: number; validTo: number }> = [];
  const first = inserts.length > 0 ? inserts[0].id : Number.POSITIVE_INFINITY;
  for (const close of closes) {
    const i = close.id - first;
    if (i >= 0 && i < inserts.length && inserts[i].id === close.id) validTo[i] = close.validTo;
    else earlier.push(close);
  }
  earlier.sort((a, b) => a.id - b.id);
  return { validTo, earlier };
}

/** Adds the columns of `READ_MODEL_ADDED_COLUMNS` a file made before them lacks. */
function addMissingColumns(db: Database.Database): void {
  for (const [table, column, type] of READ_MODEL_ADDED_COLUMNS) {
    const columns = db.pragma(`table_info(${table})`) as Array<{ name: string }>;
    if (!columns.some((c) => c.name === column)) db.exec(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

function dropIndexes(ddl: string): string {
  return [...ddl.matchAll(/CREATE INDEX IF NOT EXISTS (\w+)/g)].map(([, name]) => `DROP INDEX IF EXISTS ${name};`).join('\n');
}
