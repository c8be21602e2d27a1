import { Client, Pool, type CustomTypesConfig, type QueryArrayConfig } from 'pg';
import {
  AppendSignal,
  ChainVerifier,
  EventIdConflict,
  EventStoreError,
  EventStoreUnavailable,
  GENESIS_HASH,
  InvalidAppend,
  StreamVersionConflict,
  isAppendRuleError,
  liveSubscription,
  prepareEvents,
} from '@app/event-store';
import type {
  AppendOptions,
  AppendOutcome,
  AppendRequest,
  AppendResult,
  AppendedEvent,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  JsonObject,
  NewEvent,
  PreparedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  VerificationResult,
  VerifyOptions,
} from '@app/event-store';
import { appendOneStatement, appendedChannel, postgresEventStoreSchema } from './postgres-event-store.schema';

export interface PostgresEventStoreOptions {
  /** `postgres://user@host:port/database`. */
  connectionString: string;
  /** The schema holding this log's tables; created when missing (default `ledger`). */
  schema?: string;
  /** Connections in this store's pool (default 10): one for appends, the rest for reads. */
  poolSize?: number;
  /**
   * How often a subscriber reads again when no notification arrived (default 500 ms). Appends
   * are announced by NOTIFY, so this only bounds the delay when a notification is lost (the
   * listening connection dropped and is being reopened).
   */
  pollIntervalMs?: number;
  /** Testing only: an async pause between writing an append and committing it. */
  commitDelayMs?: () => number;
}

/** One append of a write unit, validated. */
interface QueuedAppend {
  stream: string;
  events: PreparedEvent[];
  expected: ExpectedVersion;
}

/** One caller's `append` or `appendMany`, waiting in the write queue; never split across calls. */
interface WriteUnit {
  appends: QueuedAppend[];
  resolve(outcomes: Array<AppendResult | AppendRuleError>): void;
  reject(error: unknown): void;
}

type AppendRuleError = StreamVersionConflict | EventIdConflict | InvalidAppend;

/** One row of `append_events`: the outcome of one append of the group. */
type OutcomeRow = [
  outcome: 'ok' | 'version-conflict' | 'id-conflict',
  version: number | null,
  firstPosition: string | null,
  dupOrdinals: number[] | null,
  dupPositions: string[] | null,
  dupVersions: number[] | null,
  conflictId: string | null,
  storedStream: string | null,
  storedType: string | null,
];

type EventRow = [
  position: string,
  eventId: string,
  stream: string,
  version: number,
  type: string,
  data: JsonObject,
  metadata: EventMetadata,
  recordedAt: string,
  hash: string,
];

const EXPECTED_CODE = { any: -1, 'no-stream': -2, 'stream-exists': -3 } as const;
/** An expected version as the SQL takes it: the exact version, or the code of a named one. */
const expectedCode = (expected: ExpectedVersion): number => (typeof expected === 'number' ? expected : EXPECTED_CODE[expected]);
/** Appends sent in one `append_events` call stop growing past this many events. */
const GROUP_EVENT_LIMIT = 5_000;
const VERIFY_BATCH = 5_000;
const LISTEN_RETRY_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The production store: one PostgreSQL schema (see `postgres-event-store.schema.ts`).
 *
 * One writer. Every append transaction first locks the single row of `head`
 * (`SELECT ... FOR UPDATE`) and holds it to commit, so appends from every process and
 * connection are serialised: positions are gapless (head.position + 1, + 2 ...), handed out in
 * commit order, and the hash chain follows the one global order. A store that takes positions
 * from a sequence allocates them before commit, so a reader can see position 11 committed while
 * 10 is still in flight and skip 10 for ever; here the next writer cannot take a position until
 * the previous one has committed, so subscribers read `position >= next` and never skip.
 *
 * One round trip. The lock, the duplicate and version checks, the hashing (sha256 in SQL over
 * the canonical text, identical to `chainHash`), the insert, the head update and the NOTIFY are
 * one call of `append_events` in one autocommit statement; a lone event with a store-generated
 * id (a command's) takes the same steps in one plain statement, `appendOneStatement`, which
 * spares it the function's statement-by-statement cost.
 *
 * Group commit. Because the head lock is held through the commit's WAL flush, concurrent appends
 * from one process would wait for each other's flush one by one. Instead this store keeps at most
 * one append call in flight: appends that arrive meanwhile queue and go together in the next
 * call, one transaction and one flush for all of them, each with its own checks and outcome (a
 * conflict fails only its own append). An append resolves only after its transaction committed.
 *
 * Subscriptions share `liveSubscription`: woken at once by this store's own appends and by
 * NOTIFY (sent inside the append transaction, so delivered on commit) on a dedicated
 * connection for other processes' appends, with polling as a fallback.
 */
export class PostgresEventStore implements EventStore {
  private readonly appended: AppendSignal;
  private readonly s: string;
  private readonly queue: WriteUnit[] = [];
  /** The running drain of the write queue, if any. */
  private writing: Promise<void> | null = null;
  private closed = false;
  private listener: Client | null = null;
  private listening: Promise<void> | null = null;
  private readonly statements: Record<
    'append' | 'appendOne' | 'readAll' | 'readStream' | 'readPositions' | 'head' | 'positionAt' | 'hashAt',
    string
  >;

  private constructor(
    private readonly pool: Pool,
    private readonly options: PostgresEventStoreOptions & { schema: string },
  ) {
    this.appended = new AppendSignal(options.pollIntervalMs ?? 500);
    this.s = `"${options.schema}"`;
    const columns = 'position, event_id, stream, version, type, data, metadata, recorded_at, hash';
    this.statements = {
      append: `SELECT * FROM ${this.s}.append_events($1, $2, $3, $4, $5, $6, $7, $8)`,
      appendOne: appendOneStatement(options.schema),
      // No upper bound in SQL (see readAll): on a table not yet analysed, a range
      // `position BETWEEN $1 AND $2` is estimated at a few rows, and the planner would fetch and
      // sort every row from $1 on for each page instead of walking the primary key.
      readAll: `SELECT ${columns} FROM ${this.s}.events WHERE position >= $1 ORDER BY position LIMIT $2`,
      readStream: `SELECT ${columns} FROM ${this.s}.events WHERE stream = $1 AND version >= $2 ORDER BY version`,
      readPositions: `SELECT ${columns} FROM ${this.s}.events WHERE position = ANY ($1::bigint[]) ORDER BY position`,
      head: `SELECT position FROM ${this.s}.head WHERE id = 1`,
      positionAt: `SELECT ${this.s}.position_at($1)`,
      hashAt: `SELECT hash FROM ${this.s}.events WHERE position = $1`,
    };
  }

  /**
   * Opens a pool and creates the schema, tables and `append_events` when missing (under an
   * advisory lock, so that several processes may start at once).
   *
   * @throws EventStoreUnavailable when PostgreSQL cannot be reached.
   */
  static async connect(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? 'ledger';
    const migration = postgresEventStoreSchema(schema);
    const pool = new Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, types: STORE_TYPES });
    // An idle client's error (the server went away) must not crash the process; the next query reports it.
    pool.on('error', () => undefined);
    try {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`ledger-event-store:${schema}`]);
        await client.query(migration);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw toStoreError(error, `cannot open the PostgreSQL event store in schema ${schema}`);
    }
    return new PostgresEventStore(pool, { ...options, schema });
  }

  async append(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const queued = prepareForPostgres(stream, events, options.expectedVersion);
    const [outcome] = await this.enqueue([queued]);
    if (outcome instanceof EventStoreError) throw outcome;
    return outcome;
  }

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    const outcomes: AppendOutcome[] = new Array(requests.length);
    const queued: QueuedAppend[] = [];
    const slots: number[] = [];
    requests.forEach((request, index) => {
      try {
        queued.push(prepareForPostgres(request.stream, request.events, request.expectedVersion));
        slots.push(index);
      } catch (error) {
        if (!isAppendRuleError(error)) throw error;
        outcomes[index] = { ok: false, error };
      }
    });
    const results = queued.length > 0 ? await this.enqueue(queued) : [];
    results.forEach((result, i) => {
      outcomes[slots[i]] = result instanceof EventStoreError ? { ok: false, error: result } : { ok: true, result };
    });
    return outcomes;
  }

  private enqueue(appends: QueuedAppend[]): Promise<Array<AppendResult | AppendRuleError>> {
    if (this.closed) return Promise.reject(new EventStoreUnavailable('the PostgreSQL event store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, resolve, reject });
      this.writing ??= this.drain();
    });
  }

  /**
   * Sends queued units, as many as fit in one group, one call at a time. Each group is taken a
   * turn of the event loop after the queue was found non-empty: callers woken by the previous
   * group append again a few promise hops later, and taking the group at once would send the
   * first of them alone and the rest in the call after (groups of 1, 7, 1, 7 ... for 8 callers,
   * two commits where one does).
   */
  private async drain(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        await nextTurn();
        let events = 0;
        let take = 0;
        while (take < this.queue.length) {
          const size = this.queue[take].appends.reduce((sum, queued) => sum + queued.events.length, 0);
          if (take > 0 && events + size > GROUP_EVENT_LIMIT) break;
          events += size;
          take++;
        }
        await this.writeGroup(this.queue.splice(0, take));
      }
    } finally {
      this.writing = null;
    }
  }

  private async writeGroup(group: WriteUnit[]): Promise<void> {
    const appends = group.flatMap((unit) => unit.appends);
    let rows: OutcomeRow[];
    try {
      rows = await this.callAppendEvents(appends);
    } catch (error) {
      if (group.length > 1 && !isUnavailable(error)) {
        // Input PostgreSQL refuses fails the whole statement: run each unit alone, so that
        // only the caller who sent it sees the error.
        for (const unit of group) await this.writeGroup([unit]);
        return;
      }
      const failure = await this.explainFailure(error, appends);
      for (const unit of group) unit.reject(failure);
      return;
    }
    let offset = 0;
    let anyAppended = false;
    for (const unit of group) {
      const outcomes = unit.appends.map((queued, i) => toAppendOutcome(queued, rows[offset + i]));
      offset += unit.appends.length;
      anyAppended ||= outcomes.some((o) => !(o instanceof EventStoreError) && o.events.some((event) => event.status === 'appended'));
      unit.resolve(outcomes);
    }
    if (anyAppended) this.appended.notify();
  }

  /**
   * Under the head lock the checks of `append_events` are authoritative, so a unique violation
   * means a row was written around it (or the lock was bypassed): still report it as the rule
   * it breaks.
   */
  private async explainFailure(error: unknown, appends: QueuedAppend[]): Promise<Error> {
    const { code, constraint, detail } = (error ?? {}) as { code?: unknown; constraint?: unknown; detail?: unknown };
    if (code === '23505' && appends.length === 1 && typeof constraint === 'string') {
      const [queued] = appends;
      if (constraint.endsWith('_event_id_key')) {
        const eventId = /\(event_id\)=\((.*)\) already exists/.exec(String(detail))?.[1] ?? queued.events[0].eventId;
        return new EventIdConflict(eventId, queued.stream, queued.events.find((event) => event.eventId === eventId)?.type ?? '');
      }
      const current = await this.readStream(queued.stream).then(
        (events) => events.length,
        () => -1,
      );
      return new StreamVersionConflict(queued.stream, queued.expected, current);
    }
    return toStoreError(error, 'append failed');
  }

  private async callAppendEvents(appends: QueuedAppend[]): Promise<OutcomeRow[]> {
    const [first] = appends;
    if (appends.length === 1 && first.events.length === 1 && !first.events[0].idSupplied) {
      const outcome = await this.appendOne(first);
      if (outcome) return [outcome];
    }
    const streams: string[] = [];
    const expected: number[] = [];
    const counts: number[] = [];
    const ids: string[] = [];
    const types: string[] = [];
    const data: string[] = [];
    const metadata: string[] = [];
    const probe: string[] = [];
    for (const queued of appends) {
      streams.push(queued.stream);
      expected.push(expectedCode(queued.expected));
      counts.push(queued.events.length);
      for (const event of queued.events) {
        ids.push(event.eventId);
        types.push(event.type);
        data.push(event.dataJson);
        metadata.push(event.metadataJson);
        // Only an id the caller chose can be stored already: the others need no look-up.
        probe.push(event.idSupplied ? 't' : 'f');
      }
    }
    const query: QueryArrayConfig = {
      name: `${this.options.schema}.append_events`,
      text: this.statements.append,
      values: [
        binaryTextArray(streams),
        expected,
        counts,
        binaryTextArray(ids),
        binaryTextArray(types),
        binaryTextArray(data),
        binaryTextArray(metadata),
        `{${probe.join(',')}}`,
      ],
      rowMode: 'array',
    };
    return this.execute<OutcomeRow>(query);
  }

  /**
   * One event of a store-generated id, in one statement (see `appendOneStatement`). Returns
   * nothing when another connection appended to the stream between the statement's snapshot and
   * its lock: `append_events` then decides.
   */
  private async appendOne(queued: QueuedAppend): Promise<OutcomeRow | undefined> {
    const [event] = queued.events;
    let rows: Array<[ok: boolean, current: number, position: string, notified: unknown]>;
    try {
      rows = await this.execute({
        name: `${this.options.schema}.appendOne`,
        text: this.statements.appendOne,
        values: [queued.stream, expectedCode(queued.expected), event.eventId, event.type, event.dataJson, event.metadataJson],
        rowMode: 'array',
      });
    } catch (error) {
      if ((error as { code?: unknown } | null)?.code === '23505') return undefined;
      throw error;
    }
    const [[ok, current, position]] = rows;
    if (!ok) return ['version-conflict', current, null, null, null, null, null, null, null];
    return ['ok', current + 1, position, [], [], [], null, null, null];
  }

  /** Runs one write statement: autocommit, or (testing) in a transaction held open for `commitDelayMs`. */
  private async execute<R extends unknown[]>(query: QueryArrayConfig): Promise<R[]> {
    const delay = this.options.commitDelayMs;
    if (!delay) return (await this.pool.query<R>(query)).rows;
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<R>(query);
      await sleep(delay());
      await client.query('COMMIT');
      return rows;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readEvents('readStream', [stream, options.fromVersion ?? 1]);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.fromPosition ?? 1);
    let limit = options.limit ?? 1_000;
    // Positions are gapless, so "up to toPosition" is "at most toPosition - from + 1 events".
    if (options.toPosition !== undefined) limit = Math.min(limit, options.toPosition - from + 1);
    if (limit <= 0) return [];
    return this.readEvents('readAll', [from, limit]);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = [...new Set(positions)].filter((position) => Number.isSafeInteger(position) && position >= 1);
    if (wanted.length === 0) return [];
    return this.readEvents('readPositions', [wanted]);
  }

  private async readEvents(statement: 'readAll' | 'readStream' | 'readPositions', values: unknown[]): Promise<RecordedEvent[]> {
    const rows = await this.query<EventRow>(statement, values);
    const events = new Array<RecordedEvent>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      events[i] = {
        eventId: row[1],
        type: row[4],
        stream: row[2],
        version: row[3],
        position: Number(row[0]),
        data: row[5],
        metadata: row[6],
        recordedAt: row[7],
        hash: row[8],
      };
    }
    return events;
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    void this.listen();
    return liveSubscription((o) => this.readAll(o), this.appended, options);
  }

  async headPosition(): Promise<number> {
    const [row] = await this.query<[string]>('head', []);
    return row ? Number(row[0]) : 0;
  }

  async positionAt(instant: Date): Promise<number> {
    const [row] = await this.query<[string]>('positionAt', [instant.toISOString()]);
    return row ? Number(row[0]) : 0;
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    const from = Math.max(1, options.fromPosition ?? 1);
    const previous = from > 1 ? ((await this.query<[string]>('hashAt', [from - 1]))[0]?.[0] ?? GENESIS_HASH) : GENESIS_HASH;
    const verifier = new ChainVerifier(previous, from);
    let next = from;
    for (;;) {
      const batch = await this.readAll({ fromPosition: next, limit: VERIFY_BATCH });
      for (const event of batch) if (!verifier.check(event)) return verifier.result();
      if (batch.length < VERIFY_BATCH) return verifier.result();
      next = batch[batch.length - 1].position + 1;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.writing;
    this.appended.notify();
    const listener = this.listener;
    this.listener = null;
    await Promise.all([this.pool.end(), listener?.end().catch(() => undefined)]);
  }

  private async query<R extends unknown[]>(statement: keyof PostgresEventStore['statements'], values: unknown[]): Promise<R[]> {
    try {
      const config: QueryArrayConfig = {
        name: `${this.options.schema}.${statement}`,
        text: this.statements[statement],
        values,
        rowMode: 'array',
      };
      return (await this.pool.query<R>(config)).rows;
    } catch (error) {
      throw toStoreError(error, `${statement} failed`);
    }
  }

  /** Opens the LISTEN connection once, and again after it drops, until the store closes. */
  private listen(): Promise<void> {
    this.listening ??= (async () => {
      while (!this.closed) {
        const client = new Client({ connectionString: this.options.connectionString });
        const dropped = new Promise<void>((resolve) => {
          client.once('error', () => resolve());
          client.once('end', () => resolve());
        });
        try {
          await client.connect();
          client.on('notification', () => this.appended.notify());
          await client.query(`LISTEN "${appendedChannel(this.options.schema)}"`);
          if (this.closed) {
            await client.end();
            return;
          }
          this.listener = client;
          // Events committed while no one listened are found by the wake-up below.
          this.appended.notify();
          await dropped;
        } catch {
          await client.end().catch(() => undefined);
        }
        this.listener = null;
        if (!this.closed) await sleep(LISTEN_RETRY_MS);
      }
    })();
    return this.listening;
  }
}

/**
 * Validates an append and refuses, before it reaches the server, what PostgreSQL cannot store
 * as sent: U+0000 (text and jsonb cannot hold it) and unpaired surrogates (jsonb rejects them in
 * data; in a stream, type or id the driver would silently turn them into U+FFFD).
 */
function prepareForPostgres(stream: string, events: readonly NewEvent[], expected: ExpectedVersion = 'any'): QueuedAppend {
  const prepared = prepareEvents(stream, events);
  if (!storableText(stream)) throw new InvalidAppend(`stream ${JSON.stringify(stream)} must not contain U+0000 or unpaired surrogates`);
  prepared.forEach((event, index) => {
    if (!storableText(event.eventId) || !storableText(event.type)) {
      throw new InvalidAppend(`events[${index}] eventId and type must not contain U+0000 or unpaired surrogates`);
    }
    if (!storableJson(event.dataJson) || !storableJson(event.metadataJson)) {
      throw new InvalidAppend(`events[${index}] data and metadata strings must not contain U+0000 or unpaired surrogates`);
    }
  });
  return { stream, events: prepared, expected };
}

const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** `JSON.stringify` escapes U+0000 and lone surrogates; an escape is one preceded by an even number of backslashes. */
const UNSTORABLE_JSON_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/;

const TEXT_OID = 25;

/** A PostgreSQL array literal of integers (`{1,2,3}`, never with NULLs here) as its element texts. */
const integerArrayItems = (value: string): string[] => (value === '{}' ? [] : value.slice(1, -1).split(','));
const asText = (value: string): string => value;
const asBoolean = (value: string): boolean => value === 't';
const asInteger = (value: string): number => Number.parseInt(value, 10);
const asJson = (value: string): unknown => JSON.parse(value);
const asIntegers = (value: string): number[] => integerArrayItems(value).map(asInteger);

/**
 * How this store's connections turn column text into values: its own, not node-postgres's
 * process-wide defaults, which any library in the process may replace (Emmett's driver layer,
 * for one, makes every bigint a BigInt and parses JSON with a reviver that turns large integers
 * into BigInts, which canonical JSON cannot write and which made this store's reads 1.8x
 * slower when both ran in one process). Covers every type the store's statements return:
 * text as it is, booleans, integers (bigint positions stay text, turned into numbers where
 * read), json parsed, and the integer arrays of `append_events`.
 */
const STORE_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number) => {
    switch (oid) {
      case 16: // boolean
        return asBoolean;
      case 21: // smallint
      case 23: // integer
        return asInteger;
      case 114: // json
      case 3802: // jsonb (schemas created before json)
        return asJson;
      case 1007: // integer[]
        return asIntegers;
      case 1016: // bigint[]
        return integerArrayItems;
      default: // text, bigint and the rest: the text as sent
        return asText;
    }
  }) as CustomTypesConfig['getTypeParser'],
};

/**
 * A text[] parameter in PostgreSQL's binary array format (the driver sends a Buffer as binary):
 * each element is its length and its UTF-8 bytes, so nothing is escaped here and nothing is
 * unescaped on the server, which for JSON text full of quotes is most of the cost of a literal.
 */
function binaryTextArray(values: readonly string[]): Buffer {
  const lengths = new Array<number>(values.length);
  let size = 20;
  for (let i = 0; i < values.length; i++) {
    lengths[i] = Buffer.byteLength(values[i]);
    size += 4 + lengths[i];
  }
  const buffer = Buffer.allocUnsafe(size);
  buffer.writeInt32BE(1, 0); // dimensions
  buffer.writeInt32BE(0, 4); // no NULL elements
  buffer.writeInt32BE(TEXT_OID, 8);
  buffer.writeInt32BE(values.length, 12);
  buffer.writeInt32BE(1, 16); // lower bound
  let offset = 20;
  for (let i = 0; i < values.length; i++) {
    offset = buffer.writeInt32BE(lengths[i], offset);
    offset += buffer.write(values[i], offset, lengths[i], 'utf8');
  }
  return buffer;
}

function storableText(text: string): boolean {
  return !text.includes('\u0000') && !UNPAIRED_SURROGATE.test(text);
}

function storableJson(json: string): boolean {
  // Nearly all JSON text has no \u escape at all: a plain substring search rules it out.
  return !json.includes('\\u') || !UNSTORABLE_JSON_ESCAPE.test(json);
}

function toAppendOutcome(queued: QueuedAppend, row: OutcomeRow | undefined): AppendResult | AppendRuleError {
  if (!row) throw new EventStoreUnavailable(`append_events returned no outcome for the append to ${queued.stream}`);
  const [outcome, version, firstPosition, dupOrdinals, dupPositions, dupVersions, conflictId, storedStream, storedType] = row;
  if (outcome === 'version-conflict') return new StreamVersionConflict(queued.stream, queued.expected, version ?? 0);
  if (outcome === 'id-conflict') return new EventIdConflict(conflictId ?? '', storedStream ?? '', storedType ?? '');
  const duplicates = new Map<number, number>();
  dupOrdinals?.forEach((ordinal, i) => duplicates.set(ordinal - 1, i));
  const fresh = queued.events.length - duplicates.size;
  let position = firstPosition === null ? 0 : Number(firstPosition);
  let nextVersion = (version ?? 0) - fresh;
  const events: AppendedEvent[] = queued.events.map((event, index) => {
    const dup = duplicates.get(index);
    if (dup !== undefined) {
      return { eventId: event.eventId, position: Number(dupPositions![dup]), version: dupVersions![dup], status: 'duplicate' };
    }
    return { eventId: event.eventId, position: position++, version: ++nextVersion, status: 'appended' };
  });
  return { nextExpectedVersion: version ?? 0, events };
}

const CONNECTION_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

function isUnavailable(error: unknown): boolean {
  if (error instanceof EventStoreUnavailable) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i.test(
    message,
  );
}

function toStoreError(error: unknown, what: string): Error {
  if (error instanceof EventStoreError) return error;
  if (isUnavailable(error)) {
    const reason = error instanceof Error ? error.message : String(error);
    return new EventStoreUnavailable(`PostgreSQL event store unavailable: ${what}: ${reason}`, error);
  }
  return error instanceof Error ? error : new Error(String(error));
}
