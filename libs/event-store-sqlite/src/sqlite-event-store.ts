import Database from 'better-sqlite3';
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  AppendSignal,
  ChainVerifier,
  EventStoreUnavailable,
  GENESIS_HASH,
  EventIdConflict,
  chainHashOfCanonical,
  checkExpectedVersion,
  isAppendRuleError,
  liveSubscription,
  nextRecordedAt,
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
import { SQLITE_EVENT_STORE_SCHEMA } from './sqlite-event-store.schema';

export interface SqliteEventStoreOptions {
  /** The database file; created with its folder when missing. */
  filename: string;
  /**
   * `FULL` (default): every commit is fsynced to the WAL before `append` resolves, so an
   * acknowledged event survives power loss; this is what lets the ingestor commit Kafka
   * offsets after an append. `NORMAL`: survives a process crash but may lose the last commits
   * on power loss; faster for single-event appends on slow disks.
   */
  synchronous?: 'FULL' | 'NORMAL';
  /** How often a subscriber looks for appends made by other processes (default 100 ms). */
  pollIntervalMs?: number;
  /** Testing only: an async pause between writing an append and committing it. */
  commitDelayMs?: () => number;
}

/** A stored row as read in raw (array) mode, in the order of {@link COLUMNS}: no object per row. */
type Row = [
  position: number,
  eventId: string,
  stream: string,
  version: number,
  type: string,
  data: string,
  metadata: string,
  recordedAt: string,
  hash: string,
];
const COLUMNS = 'position, event_id, stream, version, type, data, metadata, recorded_at, hash';
/** Rows per INSERT statement: one statement call per 64 events instead of one per event. */
const INSERT_ROWS = 64;

/**
 * One writer per database file in this process. SQLite allows one writer at a time; in this
 * process appends queue on `queue` (a promise chain) rather than in SQLite's busy handler, which
 * would block the event loop. Other processes queue on the file lock (`BEGIN IMMEDIATE` with a
 * long busy timeout, then retries), so `database is locked` never reaches a caller.
 */
class FileWriter {
  readonly appended: AppendSignal;
  private queue: Promise<unknown> = Promise.resolve();
  private users = 0;

  constructor(
    readonly db: Database.Database,
    pollIntervalMs: number,
  ) {
    this.appended = new AppendSignal(pollIntervalMs);
  }

  acquire(): this {
    this.users++;
    return this;
  }

  /** Returns true when the last user released it. */
  release(): boolean {
    return --this.users === 0;
  }

  exclusive<T>(work: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** The last stored event as an append continues from it. */
interface Head {
  position: number;
  hash: string;
}

/** What one write transaction has appended so far; its rows are inserted together before the commit. */
interface WriteBuffer {
  head: Head;
  /** When every event of the transaction is recorded: never earlier than the last stored one. */
  recordedAt: string;
  /** Row values, 9 per event, in position order. */
  values: unknown[];
  /** Streams' versions after this transaction's appends. */
  versions: Map<string, number>;
  /** Events appended with a caller's id, for a later append of the same id in the transaction. */
  ids: Map<string, StoredIdentity>;
}

interface StoredIdentity {
  position: number;
  stream: string;
  version: number;
  type: string;
  data: string;
}

const writers = new Map<string, FileWriter>();
const BUSY_TIMEOUT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The embedded default store: one SQLite file in WAL mode. Positions are the rowid, handed
 * out under SQLite's single write lock, so they follow commit order and subscribers never skip.
 */
export class SqliteEventStore implements EventStore {
  private readonly writer: FileWriter;
  private readonly reader: Database.Database;
  private readonly key: string;
  private readonly statements: ReturnType<SqliteEventStore['prepareStatements']>;
  private closed = false;

  constructor(private readonly options: SqliteEventStoreOptions) {
    const filename = resolve(options.filename);
    mkdirSync(dirname(filename), { recursive: true });
    const existing = writers.get(realpathOrSelf(filename));
    if (existing) {
      this.writer = existing.acquire();
    } else {
      const db = openConnection(filename, options.synchronous ?? 'FULL');
      db.exec(SQLITE_EVENT_STORE_SCHEMA);
      this.writer = new FileWriter(db, options.pollIntervalMs ?? 100).acquire();
      writers.set(realpathOrSelf(filename), this.writer);
    }
    this.key = realpathOrSelf(filename);
    this.reader = openConnection(filename, options.synchronous ?? 'FULL');
    this.statements = this.prepareStatements();
  }

  private prepareStatements() {
    const w = this.writer.db;
    const r = this.reader;
    return {
      byEventId: w.prepare<[string], StoredIdentity>('SELECT position, stream, version, type, data FROM events WHERE event_id = ?'),
      streamVersion: w.prepare<[string], { version: number | null }>('SELECT max(version) AS version FROM events WHERE stream = ?'),
      head: w.prepare<[], { position: number; hash: string; recorded_at: string }>(
        'SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
      ),
      insert: new Map<number, Database.Statement<unknown[]>>(),
      readStream: r
        .prepare<[string, number], Row>(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND version >= ? ORDER BY version`)
        .raw(),
      readAll: r
        .prepare<[number, number, number], Row>(
          `SELECT ${COLUMNS} FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`,
        )
        .raw(),
      readPositions: r
        .prepare<[string], Row>(`SELECT ${COLUMNS} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`)
        .raw(),
      headPosition: r.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
      recordedAtOf: r.prepare<[number], { recorded_at: string }>('SELECT recorded_at FROM events WHERE position = ?'),
      hashAt: r.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?'),
      verifyFrom: r.prepare<[number], Row>(`SELECT ${COLUMNS} FROM events WHERE position >= ? ORDER BY position`).raw(),
    };
  }

  /** Inserts rows of 9 values each, `INSERT_ROWS` per statement. */
  private insertRows(values: unknown[]): void {
    const rowCount = values.length / 9;
    for (let start = 0; start < rowCount; start += INSERT_ROWS) {
      const rows = Math.min(INSERT_ROWS, rowCount - start);
      this.insertStatement(rows).run(rows === rowCount ? values : values.slice(start * 9, (start + rows) * 9));
    }
  }

  private insertStatement(rows: number): Database.Statement<unknown[]> {
    let statement = this.statements.insert.get(rows);
    if (!statement) {
      const placeholders = Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ');
      statement = this.writer.db.prepare<unknown[]>(`INSERT INTO events (${COLUMNS}) VALUES ${placeholders}`);
      this.statements.insert.set(rows, statement);
    }
    return statement;
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const prepared = prepareEvents(stream, events);
    return this.inWriteTransaction(() => {
      const buffer = this.openBuffer();
      const outcome = this.appendWithin(stream, prepared, options, buffer);
      this.insertRows(buffer.values);
      return outcome;
    }).then(({ result }) => result);
  }

  appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    return this.inWriteTransaction(() => {
      let appended = false;
      const buffer = this.openBuffer();
      const outcomes = requests.map((request): AppendOutcome => {
        try {
          const { result, fresh } = this.appendWithin(request.stream, prepareEvents(request.stream, request.events), request, buffer);
          appended ||= fresh;
          return { ok: true, result };
        } catch (error) {
          if (isAppendRuleError(error)) return { ok: false, error };
          throw error;
        }
      });
      this.insertRows(buffer.values);
      return { result: outcomes, fresh: appended };
    }).then(({ result }) => result);
  }

  /**
   * Runs `work` in one write transaction, queued behind this process's other appends and, through
   * the file lock, other processes'. A lock held by another process past the busy timeout is
   * retried, never surfaced as `database is locked`.
   */
  private inWriteTransaction<T>(work: () => { result: T; fresh: boolean }): Promise<{ result: T; fresh: boolean }> {
    return this.writer.exclusive(async () => {
      for (let attempt = 0; ; attempt++) {
        try {
          return await this.transaction(work);
        } catch (error) {
          if (!isBusy(error)) throw error;
          if (attempt >= 30) throw new EventStoreUnavailable(`SQLite file ${this.key} stayed locked by another process`, error);
          await sleep(20 + Math.random() * 80);
        }
      }
    });
  }

  private async transaction<T>(work: () => { result: T; fresh: boolean }): Promise<{ result: T; fresh: boolean }> {
    const db = this.writer.db;
    db.exec('BEGIN IMMEDIATE');
    try {
      const outcome = work();
      if (outcome.fresh && this.options.commitDelayMs) await sleep(this.options.commitDelayMs());
      db.exec('COMMIT');
      if (outcome.fresh) this.writer.appended.notify();
      return outcome;
    } catch (error) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }

  /** A write buffer for one transaction, starting from the last stored event. */
  private openBuffer(): WriteBuffer {
    const row = this.statements.head.get();
    return {
      head: { position: row?.position ?? 0, hash: row?.hash ?? GENESIS_HASH },
      // One instant for the whole transaction: its events are recorded when it commits.
      recordedAt: nextRecordedAt(row?.recorded_at ?? null),
      values: [],
      versions: new Map(),
      ids: new Map(),
    };
  }

  /**
   * Checks one append against the log and what the transaction appended before it, and adds its
   * rows to `buffer` (inserted together before the commit); adds nothing when it throws.
   */
  private appendWithin(
    stream: string,
    prepared: PreparedEvent[],
    options: AppendOptions,
    buffer: WriteBuffer,
  ): { result: AppendResult; fresh: boolean } {
    const s = this.statements;
    const results: AppendedEvent[] = [];
    let fresh = 0;
    for (const event of prepared) {
      const stored = event.idSupplied ? (buffer.ids.get(event.eventId) ?? s.byEventId.get(event.eventId)) : undefined;
      if (stored) {
        // Stored data is canonical JSON text, so equal content is equal text.
        if (stored.stream !== stream || stored.type !== event.type || stored.data !== event.dataJson) {
          throw new EventIdConflict(event.eventId, stored.stream, stored.type);
        }
        results.push({ eventId: event.eventId, position: stored.position, version: stored.version, status: 'duplicate' });
      } else {
        fresh++;
        results.push({ eventId: event.eventId, position: 0, version: 0, status: 'appended' });
      }
    }
    let version = buffer.versions.get(stream) ?? s.streamVersion.get(stream)?.version ?? 0;
    if (fresh > 0) {
      checkExpectedVersion(stream, options.expectedVersion ?? 'any', version);
      const head = buffer.head;
      let position = head.position;
      let previousHash = head.hash;
      const recordedAt = buffer.recordedAt;
      for (let index = 0; index < prepared.length; index++) {
        if (results[index].status === 'duplicate') continue;
        const event = prepared[index];
        position++;
        version++;
        const hash = chainHashOfCanonical(previousHash, {
          eventId: event.eventId,
          type: event.type,
          stream,
          version,
          position,
          dataJson: event.dataJson,
          metadataJson: event.metadataJson,
          recordedAt,
        });
        buffer.values.push(position, event.eventId, stream, version, event.type, event.dataJson, event.metadataJson, recordedAt, hash);
        if (event.idSupplied) buffer.ids.set(event.eventId, { position, stream, version, type: event.type, data: event.dataJson });
        results[index] = { eventId: event.eventId, position, version, status: 'appended' };
        previousHash = hash;
      }
      buffer.versions.set(stream, version);
      head.position = position;
      head.hash = previousHash;
    }
    return { result: { nextExpectedVersion: version, events: results }, fresh: fresh > 0 };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readStream.all(stream, options.fromVersion ?? 1).map(toRecorded);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.statements.readAll
      .all(options.fromPosition ?? 1, options.toPosition ?? Number.MAX_SAFE_INTEGER, options.limit ?? 1_000)
      .map(toRecorded);
  }

  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = [...new Set(positions)].filter((position) => Number.isSafeInteger(position) && position >= 1);
    if (wanted.length === 0) return [];
    return this.statements.readPositions.all(JSON.stringify(wanted)).map(toRecorded);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return liveSubscription((o) => this.readAll(o), this.writer.appended, options);
  }

  async headPosition(): Promise<number> {
    return this.statements.headPosition.get()?.position ?? 0;
  }

  /** Binary search over positions: `recordedAt` never decreases along them (about 20 indexed reads at 1M events). */
  async positionAt(instant: Date): Promise<number> {
    const iso = instant.toISOString();
    let low = 0;
    let high = this.statements.headPosition.get()?.position ?? 0;
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (this.statements.recordedAtOf.get(mid)!.recorded_at <= iso) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    const from = Math.max(1, options.fromPosition ?? 1);
    const previous = from > 1 ? (this.statements.hashAt.get(from - 1)?.hash ?? GENESIS_HASH) : GENESIS_HASH;
    const verifier = new ChainVerifier(previous, from);
    for (const row of this.statements.verifyFrom.iterate(from) as IterableIterator<Row>) {
      if (!verifier.check(toRecorded(row))) break;
    }
    return verifier.result();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.writer.appended.notify();
    this.reader.close();
    if (this.writer.release()) {
      await this.writer.exclusive(() => undefined);
      writers.delete(this.key);
      this.writer.db.close();
    }
  }
}

function openConnection(filename: string, synchronous: 'FULL' | 'NORMAL'): Database.Database {
  const db = new Database(filename, { timeout: BUSY_TIMEOUT_MS });
  // 16 KiB pages for a new file (an existing file keeps its own): an event of about 1 KiB fills
  // a quarter of a 4 KiB page, so larger pages mean fewer pages, B-tree levels and WAL frames
  // written per append. It must be set before WAL mode is, and is ignored once the file has any.
  db.pragma('page_size = 16384');
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  // A larger page cache and memory-mapped reads: the log's indexes stay hot under batch appends
  // and long readAll scans.
  db.pragma('cache_size = -65536');
  db.pragma('mmap_size = 268435456');
  db.pragma('temp_store = MEMORY');
  return db;
}

function toRecorded(row: Row): RecordedEvent {
  return {
    eventId: row[1],
    type: row[4],
    stream: row[2],
    version: row[3],
    position: row[0],
    data: JSON.parse(row[5]) as JsonObject,
    metadata: JSON.parse(row[6]) as EventMetadata,
    recordedAt: row[7],
    hash: row[8],
  };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_BUSY_SNAPSHOT';
}

function realpathOrSelf(filename: string): string {
  try {
    return realpathSync(filename);
  } catch {
    return filename;
  }
}
