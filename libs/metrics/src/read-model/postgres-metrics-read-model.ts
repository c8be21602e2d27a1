import { Pool, type PoolClient } from 'pg';
import type { Period } from '@app/calendar';
import type { RecordedEvent } from '@app/event-store';
import { REBUILD_ABANDONED_AFTER_MS, RebuildUnderway, type Projection, type RebuildUnderwayState } from '@app/projections';
import type { BoardFacts, BoardSettings } from '../facts/fact';
import type { MetricUnit } from '../metric-unit';
import { FactProjector, type ChildUnitsFn, type ReadModelChanges } from './fact-projection';
import type { MetricsReadModel, UnitCursor, UnitTotal } from './metrics-read-model.port';
import {
  POSTGRES_READ_MODEL_INDEXES,
  POSTGRES_READ_MODEL_TABLES,
  POSTGRES_READ_MODEL_VIEWS,
  dropIndexesOf,
} from './postgres-read-model.schema';
import { FACT_DIGEST_ORDER, ReadModelDigest, UNIT_DIGEST_ORDER } from './read-model-digest';
import { dailyDeltasOf, factRowOf, unitRowOf, type FactColumns, type UnitColumns } from './read-model-rows';

export interface PostgresMetricsReadModelOptions {
  /** `postgres://user@host:port/database`. */
  connectionString: string;
  /** The schema holding the read model; created when missing. */
  schema: string;
  childUnits: ChildUnitsFn;
  settingsOf: (boardId: string) => BoardSettings;
  /** Connections in the pool (default 4): one applies batches, the rest answer queries. */
  poolSize?: number;
  /**
   * How long a rebuild may go without writing a batch before another process may take it over
   * (default `REBUILD_ABANDONED_AFTER_MS`).
   */
  rebuildAbandonedAfterMs?: number;
}

/** A row as node-postgres returns it: the bigint columns `K` as text, jsonb parsed, float8 as numbers. */
type Raw<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | Extract<T[P], null> };
type RawFact = Raw<FactColumns, 'id' | 'position' | 'valid_from' | 'valid_to'>;
type RawUnit = Raw<UnitColumns, 'id' | 'valid_from' | 'valid_to'>;

const NAME = 'metrics';
const DIGEST_FETCH = 5_000;
const NOT_LOADED = -1;

const FACT_COLUMNS =
  'id, board_id, scope, type, business_key, business_date, child_keys, data, position, positions, source, valid_from, valid_to';
const UNIT_COLUMNS =
  'id, board_id, child_key, metric_code, unit_key, unit_date, counted, reason, data_quality, value, denominator_value, breakdown, positions, valid_from, valid_to';

/**
 * The metrics read model in PostgreSQL (the production store), one schema of its own: the
 * tables and views of `postgres-read-model.schema.ts`, the same rows and answers as
 * `SqliteMetricsReadModel` (the same `FactProjector` decides them; `digest()` is equal for the
 * same log).
 *
 * Each batch is one transaction of a handful of statements whatever its size: the new fact and
 * unit rows as one multi-row INSERT each (the rows sent as one JSON array parameter and read
 * with `json_populate_recordset`: one parameter to encode, no per-row round trip), the closes
 * of earlier rows as one `UPDATE ... FROM unnest(...)` each (rows inserted and closed within
 * the batch are inserted closed), the daily totals as one `INSERT ... ON CONFLICT DO UPDATE`
 * of the batch's deltas (`unnest` of column arrays), and the checkpoint.
 *
 * Several processes may project into the same schema (the API and a CLI catch-up): every
 * batch first locks the checkpoint row (`SELECT ... FOR UPDATE`) and holds it to commit. When
 * the stored checkpoint is not where this instance left it, the in-memory state is reloaded
 * from the tables inside that transaction and the events already applied are skipped, so two
 * projectors never apply an event twice or diverge.
 */
export class PostgresMetricsReadModel implements Projection, MetricsReadModel {
  readonly name = NAME;
  private projector: FactProjector;
  private rebuilding = false;
  /** The checkpoint as this instance last wrote or read it; `NOT_LOADED` makes the next batch reload. */
  private position: number;
  private readonly t: { facts: string; units: string; daily: string; checkpoints: string };

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresMetricsReadModelOptions,
  ) {
    const s = quoteIdentifier(options.schema);
    this.t = { facts: `${s}.facts`, units: `${s}.metric_units`, daily: `${s}.metric_daily`, checkpoints: `${s}.checkpoints` };
    this.projector = new FactProjector(options.childUnits, options.settingsOf);
    this.position = NOT_LOADED;
  }

  /**
   * Opens a pool, creates the schema, tables, indexes, views and the checkpoint row when missing
   * (under an advisory lock, so that several processes may start at once). The current rows are
   * loaded into the projector by the first batch, under its checkpoint lock.
   */
  static async open(options: PostgresMetricsReadModelOptions): Promise<PostgresMetricsReadModel> {
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 4 });
    // An idle client's error (the server went away) must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      await inTransaction(pool, async (client) => {
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-metrics-read-model:${options.schema}`]);
        await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(options.schema)}`);
        await client.query(`SET LOCAL search_path TO ${quoteIdentifier(options.schema)}`);
        await client.query(POSTGRES_READ_MODEL_TABLES);
        await client.query(POSTGRES_READ_MODEL_VIEWS);
        await client.query('INSERT INTO checkpoints (name, position, updated_at) VALUES ($1, 0, now()) ON CONFLICT (name) DO NOTHING', [
          NAME,
        ]);
        // A rebuild underway (another process's) creates the indexes when it finishes.
        const { rows } = await client.query<{ rebuilding: boolean }>(
          'SELECT rebuild_started_at IS NOT NULL AS rebuilding FROM checkpoints WHERE name = $1',
          [NAME],
        );
        if (!rows[0].rebuilding) await client.query(POSTGRES_READ_MODEL_INDEXES);
      });
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return new PostgresMetricsReadModel(pool, options);
  }

  async checkpoint(): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.t.checkpoints} WHERE name = $1`, [NAME]);
    return rows.length > 0 ? Number(rows[0].position) : 0;
  }

  /**
   * Applies a batch in one transaction holding the checkpoint row's lock; reloads the state first
   * when another process moved the checkpoint, and skips events at or before it. While another
   * process rebuilds the read model, nothing is applied (`RebuildUnderway`).
   */
  async apply(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    await inTransaction(this.pool, async (client) => {
      const { position: stored, rebuild } = await this.checkpointRow(client, 'FOR UPDATE');
      if (rebuild !== null && !this.rebuilding) throw new RebuildUnderway(NAME, rebuild.since);
      // Another process took this rebuild over and finished it: what is left to apply is live.
      if (rebuild === null && this.rebuilding) this.rebuilding = false;
      if (stored !== this.position) {
        this.projector = await this.loadProjector(client);
        this.position = stored;
      }
      const fresh = events.filter((event) => event.position > stored);
      if (fresh.length === 0) return;
      const last = fresh[fresh.length - 1].position;
      await this.write(client, this.projector.apply(fresh), last);
      this.position = last;
    }).catch((error: unknown) => {
      // The in-memory state may have moved on; the rollback did not. Reload at the next batch.
      this.position = NOT_LOADED;
      throw error;
    });
  }

  /**
   * The checkpoint row (locked until the transaction ends with `FOR UPDATE`): its position and the
   * rebuild it records, if any, abandoned by the server's clock.
   */
  private async checkpointRow(
    client: Pool | PoolClient,
    lock: '' | 'FOR UPDATE',
  ): Promise<{ position: number; rebuild: RebuildUnderwayState | null }> {
    const { rows } = await client.query<{ position: string; rebuild_started_at: Date | null; abandoned: boolean }>(
      `SELECT position, rebuild_started_at, updated_at < now() - $2 * interval '1 millisecond' AS abandoned
       FROM ${this.t.checkpoints} WHERE name = $1 ${lock}`,
      [NAME, this.options.rebuildAbandonedAfterMs ?? REBUILD_ABANDONED_AFTER_MS],
    );
    const [row] = rows;
    // This instance's own rebuild, left by a runner that stopped, needs no wait to be carried on.
    const rebuild = row.rebuild_started_at === null ? null : { since: row.rebuild_started_at, abandoned: this.rebuilding || row.abandoned };
    return { position: Number(row.position), rebuild };
  }

  private async loadProjector(client: PoolClient): Promise<FactProjector> {
    const facts = await client.query<RawFact>(`SELECT ${FACT_COLUMNS} FROM ${this.t.facts} WHERE valid_to IS NULL`);
    const units = await client.query<RawUnit>(`SELECT ${UNIT_COLUMNS} FROM ${this.t.units} WHERE valid_to IS NULL`);
    const ids = await client.query<{ facts: string | null; units: string | null }>(
      `SELECT (SELECT max(id) FROM ${this.t.facts}) AS facts, (SELECT max(id) FROM ${this.t.units}) AS units`,
    );
    return new FactProjector(this.options.childUnits, this.options.settingsOf, {
      facts: facts.rows.map((raw) => factRowOf(decodeFact(raw))),
      units: units.rows.map((raw) => unitRowOf(decodeUnit(raw))),
      nextFactId: Number(ids.rows[0].facts ?? 0) + 1,
      nextUnitId: Number(ids.rows[0].units ?? 0) + 1,
    });
  }

  private async write(client: PoolClient, changes: ReadModelChanges, position: number): Promise<void> {
    const factClosedAt = new Map(changes.factCloses.map((close) => [close.id, close.validTo]));
    const unitClosedAt = new Map(changes.unitCloses.map((close) => [close.id, close.validTo]));

    if (changes.factInserts.length > 0) {
      const rows = changes.factInserts.map((r) => ({
        id: r.id,
        board_id: r.boardId,
        scope: r.scope,
        type: r.fact.type,
        business_key: r.fact.key,
        business_date: r.businessDate,
        child_keys: r.childKeys,
        data: r.fact.data,
        position: r.fact.position,
        positions: r.fact.positions,
        source: r.fact.source,
        valid_from: r.validFrom,
        valid_to: factClosedAt.get(r.id) ?? null,
      }));
      await client.query(
        `INSERT INTO ${this.t.facts} (${FACT_COLUMNS}) SELECT ${FACT_COLUMNS} FROM json_populate_recordset(NULL::${this.t.facts}, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    const inserted = new Set(changes.factInserts.map((r) => r.id));
    const factCloses = changes.factCloses.filter((close) => !inserted.has(close.id));
    if (factCloses.length > 0) {
      await client.query(
        `UPDATE ${this.t.facts} AS f SET valid_to = c.valid_to FROM unnest($1::bigint[], $2::bigint[]) AS c(id, valid_to) WHERE f.id = c.id`,
        [factCloses.map((c) => c.id), factCloses.map((c) => c.validTo)],
      );
    }

    if (changes.unitInserts.length > 0) {
      const rows = changes.unitInserts.map((r) => ({
        id: r.id,
        board_id: r.boardId,
        child_key: r.childKey,
        metric_code: r.unit.metricCode,
        unit_key: r.unit.unitKey,
        unit_date: r.unit.unitDate,
        counted: r.unit.counted,
        reason: r.unit.reason,
        data_quality: r.unit.dataQuality === true,
        value: r.unit.value ?? null,
        denominator_value: r.unit.denominatorValue ?? null,
        breakdown: r.unit.breakdown ?? '',
        positions: r.unit.positions,
        valid_from: r.validFrom,
        valid_to: unitClosedAt.get(r.id) ?? null,
      }));
      await client.query(
        `INSERT INTO ${this.t.units} (${UNIT_COLUMNS}) SELECT ${UNIT_COLUMNS} FROM json_populate_recordset(NULL::${this.t.units}, $1::json)`,
        [JSON.stringify(rows)],
      );
    }
    const insertedUnits = new Set(changes.unitInserts.map((r) => r.id));
    const unitCloses = changes.unitCloses.filter((close) => !insertedUnits.has(close.id));
    if (unitCloses.length > 0) {
      await client.query(
        `UPDATE ${this.t.units} AS u SET valid_to = c.valid_to FROM unnest($1::bigint[], $2::bigint[]) AS c(id, valid_to) WHERE u.id = c.id`,
        [unitCloses.map((c) => c.id), unitCloses.map((c) => c.validTo)],
      );
    }

    const deltas = this.rebuilding ? [] : dailyDeltasOf(changes);
    if (deltas.length > 0) {
      await client.query(
        `INSERT INTO ${this.t.daily} AS d (board_id, metric_code, unit_date, counted, breakdown, units, value_sum, denominator_sum)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::bigint[], $7::float8[], $8::float8[])
         ON CONFLICT (board_id, metric_code, unit_date, counted, breakdown) DO UPDATE SET
           units = d.units + excluded.units, value_sum = d.value_sum + excluded.value_sum,
           denominator_sum = d.denominator_sum + excluded.denominator_sum`,
        [
          deltas.map((d) => d.boardId),
          deltas.map((d) => d.metricCode),
          deltas.map((d) => d.unitDate),
          deltas.map((d) => d.counted),
          deltas.map((d) => d.breakdown),
          deltas.map((d) => d.units),
          deltas.map((d) => d.value),
          deltas.map((d) => d.denominator),
        ],
      );
    }
    await client.query(`UPDATE ${this.t.checkpoints} SET position = $2, updated_at = now() WHERE name = $1`, [NAME, position]);
  }

  /**
   * Empties the tables under the checkpoint lock, records that a rebuild is underway and drops
   * the secondary indexes, in one transaction: other processes apply nothing and answer current
   * totals from the unit rows until `rebuilt`, and a rebuild whose process stops is carried on by
   * the next (`resumeRebuild`).
   */
  async reset(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await this.checkpointRow(client, 'FOR UPDATE');
      await client.query(`TRUNCATE ${this.t.facts}, ${this.t.units}, ${this.t.daily}`);
      await client.query(`UPDATE ${this.t.checkpoints} SET position = 0, updated_at = now(), rebuild_started_at = now() WHERE name = $1`, [
        NAME,
      ]);
      await client.query(`SET LOCAL search_path TO ${quoteIdentifier(this.options.schema)}`);
      await client.query(dropIndexesOf(POSTGRES_READ_MODEL_INDEXES));
    });
    this.rebuilding = true;
    this.projector = new FactProjector(this.options.childUnits, this.options.settingsOf);
    this.position = 0;
  }

  /**
   * Creates the indexes again, totals the current units per day and ends the rebuild, in one
   * transaction holding the checkpoint lock (so that no other process takes the rebuild over meanwhile).
   */
  async rebuilt(): Promise<void> {
    await inTransaction(this.pool, async (client) => {
      await this.checkpointRow(client, 'FOR UPDATE');
      await client.query(`SET LOCAL search_path TO ${quoteIdentifier(this.options.schema)}`);
      await client.query(POSTGRES_READ_MODEL_INDEXES);
      await client.query('TRUNCATE metric_daily');
      await client.query(`INSERT INTO metric_daily (board_id, metric_code, unit_date, counted, breakdown, units, value_sum, denominator_sum)
        SELECT board_id, metric_code, unit_date, counted, breakdown, count(*), coalesce(sum(value), 0), coalesce(sum(denominator_value), 0)
        FROM metric_units WHERE valid_to IS NULL GROUP BY board_id, metric_code, unit_date, counted, breakdown`);
      await client.query('UPDATE checkpoints SET rebuild_started_at = NULL WHERE name = $1', [NAME]);
      await client.query('ANALYZE facts, metric_units, metric_daily');
    });
    this.rebuilding = false;
  }

  async rebuildUnderway(): Promise<RebuildUnderwayState | null> {
    return (await this.checkpointRow(this.pool, '')).rebuild;
  }

  async resumeRebuild(): Promise<boolean> {
    const claimed = await inTransaction(this.pool, async (client) => {
      if (!(await this.checkpointRow(client, 'FOR UPDATE')).rebuild?.abandoned) return false;
      await client.query(`UPDATE ${this.t.checkpoints} SET updated_at = now() WHERE name = $1`, [NAME]);
      await client.query(`SET LOCAL search_path TO ${quoteIdentifier(this.options.schema)}`);
      // Indexes another process created at open, since the rebuild started.
      await client.query(dropIndexesOf(POSTGRES_READ_MODEL_INDEXES));
      return true;
    });
    if (claimed) {
      this.rebuilding = true;
      // The first batch loads what the rebuild has applied so far.
      this.position = NOT_LOADED;
    }
    return claimed;
  }

  /**
   * Current totals come from the daily totals, except while a rebuild is underway (in this
   * process or another), when those are not there yet: then from the current unit rows. One
   * statement either way: the checkpoint row decides which half runs.
   */
  async unitTotals(boardId: string, metricCode: string, period: Period, asOf: number | null): Promise<UnitTotal[]> {
    const { rows } =
      asOf === null
        ? await this.pool.query<UnitTotal>(
            `WITH rebuild AS (SELECT coalesce((SELECT rebuild_started_at IS NOT NULL FROM ${this.t.checkpoints} WHERE name = $5), false) AS underway)
             SELECT counted, breakdown, sum(units)::float8 AS units, sum(value_sum) AS value, sum(denominator_sum) AS "denominatorValue"
             FROM ${this.t.daily} WHERE board_id = $1 AND metric_code = $2 AND unit_date BETWEEN $3 AND $4
               AND NOT (SELECT underway FROM rebuild)
             GROUP BY counted, breakdown HAVING sum(units) > 0
             UNION ALL
             SELECT counted, breakdown, count(*)::float8 AS units, coalesce(sum(value), 0) AS value,
                    coalesce(sum(denominator_value), 0) AS "denominatorValue"
             FROM ${this.t.units} WHERE board_id = $1 AND metric_code = $2 AND unit_date BETWEEN $3 AND $4 AND valid_to IS NULL
               AND (SELECT underway FROM rebuild)
             GROUP BY counted, breakdown
             ORDER BY counted, breakdown`,
            [boardId, metricCode, period.from, period.to, NAME],
          )
        : await this.pool.query<UnitTotal>(
            `SELECT counted, breakdown, count(*)::float8 AS units, coalesce(sum(value), 0) AS value,
                    coalesce(sum(denominator_value), 0) AS "denominatorValue"
             FROM ${this.t.units} WHERE board_id = $1 AND metric_code = $2 AND unit_date BETWEEN $3 AND $4
               AND valid_from <= $5 AND (valid_to IS NULL OR valid_to > $5)
             GROUP BY counted, breakdown ORDER BY counted, breakdown`,
            [boardId, metricCode, period.from, period.to, asOf],
          );
    return rows;
  }

  async unitsPage(
    boardId: string,
    metricCode: string,
    period: Period,
    asOf: number | null,
    cursor: UnitCursor | null,
    limit: number,
  ): Promise<MetricUnit[]> {
    const { rows } = await this.pool.query<RawUnit>(
      `SELECT ${UNIT_COLUMNS} FROM ${this.t.units} WHERE board_id = $1 AND metric_code = $2 AND unit_date BETWEEN $3 AND $4
         AND valid_from <= $5 AND (valid_to IS NULL OR valid_to > $5)
         AND (unit_date, unit_key) > ($6, $7)
       ORDER BY unit_date, unit_key LIMIT $8`,
      [boardId, metricCode, period.from, period.to, asOf ?? Number.MAX_SAFE_INTEGER, cursor?.unitDate ?? '', cursor?.unitKey ?? '', limit],
    );
    return rows.map((raw) => unitRowOf(decodeUnit(raw)).unit);
  }

  async boardFacts(boardId: string, asOf: number | null): Promise<BoardFacts> {
    const { rows } = await this.pool.query<RawFact>(
      `SELECT ${FACT_COLUMNS} FROM ${this.t.facts} WHERE board_id = $1 AND scope = 'board'
         AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2) ORDER BY id`,
      [boardId, asOf ?? Number.MAX_SAFE_INTEGER],
    );
    return { boardId, facts: rows.map((raw) => factRowOf(decodeFact(raw)).fact) };
  }

  async boards(asOf: number | null): Promise<Array<{ boardId: string; name: string; localAuthorities: string[] }>> {
    const { rows } = await this.pool.query<{ board_id: string; data: { name?: string; localAuthorities?: string[] } }>(
      `SELECT board_id, data FROM ${this.t.facts} WHERE type = 'BoardEstablished'
         AND valid_from <= $1 AND (valid_to IS NULL OR valid_to > $1) ORDER BY board_id`,
      [asOf ?? Number.MAX_SAFE_INTEGER],
    );
    return rows.map((row) => ({
      boardId: row.board_id,
      name: row.data.name ?? row.board_id,
      localAuthorities: row.data.localAuthorities ?? [],
    }));
  }

  /** Reads every row through cursors in one repeatable-read snapshot, so that facts and units agree. */
  async digest(): Promise<string> {
    const digest = new ReadModelDigest();
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await client.query(
        `DECLARE digest_facts NO SCROLL CURSOR FOR SELECT ${FACT_COLUMNS} FROM ${this.t.facts} ORDER BY ${FACT_DIGEST_ORDER}`,
      );
      for (;;) {
        const { rows } = await client.query<RawFact>(`FETCH ${DIGEST_FETCH} FROM digest_facts`);
        for (const raw of rows) {
          const columns = decodeFact(raw);
          digest.fact(factRowOf(columns), columns.valid_to);
        }
        if (rows.length < DIGEST_FETCH) break;
      }
      await client.query(
        `DECLARE digest_units NO SCROLL CURSOR FOR SELECT ${UNIT_COLUMNS} FROM ${this.t.units} ORDER BY ${UNIT_DIGEST_ORDER}`,
      );
      for (;;) {
        const { rows } = await client.query<RawUnit>(`FETCH ${DIGEST_FETCH} FROM digest_units`);
        for (const raw of rows) {
          const columns = decodeUnit(raw);
          digest.unit(unitRowOf(columns), columns.valid_to);
        }
        if (rows.length < DIGEST_FETCH) break;
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
    return digest.hex();
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

const integer = (value: string) => Number(value);
const integerOrNull = (value: string | null) => (value === null ? null : Number(value));

function decodeFact(raw: RawFact): FactColumns {
  return {
    ...raw,
    id: integer(raw.id),
    position: integer(raw.position),
    valid_from: integer(raw.valid_from),
    valid_to: integerOrNull(raw.valid_to),
  };
}

function decodeUnit(raw: RawUnit): UnitColumns {
  return {
    ...raw,
    id: integer(raw.id),
    valid_from: integer(raw.valid_from),
    valid_to: integerOrNull(raw.valid_to),
  };
}
