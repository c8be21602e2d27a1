import Database from 'better-sqlite3';
import { realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  AppendSignal,
  ChainVerifier,
  EventStoreUnavailable,
  GENESIS_HASH,
  assertSameContent,
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

interface Row {
  position: number;
  event_id: string;
  stream: string;
  version: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
  hash: string;
}

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
  recordedAt: string | null;
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
    const columns = 'position, event_id, stream, version, type, data, metadata, recorded_at, hash';
    return {
      byEventId: w.prepare<[string], Pick<Row, 'position' | 'stream' | 'version' | 'type' | 'data'>>(
        'SELECT position, stream, version, type, data FROM events WHERE event_id = ?',
      ),
      streamVersion: w.prepare<[string], { version: number | null }>('SELECT max(version) AS version FROM events WHERE stream = ?'),
      head: w.prepare<[], Pick<Row, 'position' | 'hash' | 'recorded_at'>>(
        'SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1',
      ),
      insert: w.prepare(
        'INSERT INTO events (position, event_id, stream, version, type, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      readStream: r.prepare<[string, number], Row>(`SELECT ${columns} FROM events WHERE stream = ? AND version >= ? ORDER BY version`),
      readAll: r.prepare<[number, number, number], Row>(
        `SELECT ${columns} FROM events WHERE position >= ? AND position <= ? ORDER BY position LIMIT ?`,
      ),
      readPositions: r.prepare<[string], Row>(
        `SELECT ${columns} FROM events WHERE position IN (SELECT value FROM json_each(?)) ORDER BY position`,
      ),
      headPosition: r.prepare<[], { position: number | null }>('SELECT max(position) AS position FROM events'),
      recordedAtOf: r.prepare<[number], { recorded_at: string }>('SELECT recorded_at FROM events WHERE position = ?'),
      hashAt: r.prepare<[number], { hash: string }>('SELECT hash FROM events WHERE position = ?'),
      verifyFrom: r.prepare<[number], Row>(`SELECT ${columns} FROM events WHERE position >= ? ORDER BY position`),
    };
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const prepared = prepareEvents(stream, events);
    return this.inWriteTransaction(() => this.appendWithin(stream, prepared, options, this.readHead())).then(({ result }) => result);
  }

  appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    return this.inWriteTransaction(() => {
      let appended = false;
      // The head is read once and carried from request to request inside the transaction.
      const head = this.readHead();
      const outcomes = requests.map((request): AppendOutcome => {
        try {
          const { result, fresh } = this.appendWithin(request.stream, prepareEvents(request.stream, request.events), request, head);
          appended ||= fresh;
          return { ok: true, result };
        } catch (error) {
          if (isAppendRuleError(error)) return { ok: false, error };
          throw error;
        }
      });
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

  private readHead(): Head {
    const row = this.statements.head.get();
    return { position: row?.position ?? 0, hash: row?.hash ?? GENESIS_HASH, recordedAt: row?.recorded_at ?? null };
  }

  /**
   * Checks and writes one append inside the open transaction, moving `head` on; writes nothing
   * (and leaves `head` as it was) when it throws.
   */
  private appendWithin(
    stream: string,
    prepared: PreparedEvent[],
    options: AppendOptions,
    head: Head,
  ): { result: AppendResult; fresh: boolean } {
    const s = this.statements;
    const results: AppendedEvent[] = [];
    let fresh = 0;
    for (const event of prepared) {
      const stored = event.idSupplied ? s.byEventId.get(event.eventId) : undefined;
      if (stored) {
        assertSameContent({ stream: stored.stream, type: stored.type, data: JSON.parse(stored.data) as JsonObject }, stream, event);
        results.push({ eventId: event.eventId, position: stored.position, version: stored.version, status: 'duplicate' });
      } else {
        fresh++;
        results.push({ eventId: event.eventId, position: 0, version: 0, status: 'appended' });
      }
    }
    let version = s.streamVersion.get(stream)?.version ?? 0;
    if (fresh > 0) {
      checkExpectedVersion(stream, options.expectedVersion ?? 'any', version);
      let position = head.position;
      let previousHash = head.hash;
      const recordedAt = nextRecordedAt(head.recordedAt);
      prepared.forEach((event, index) => {
        if (results[index].status === 'duplicate') return;
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
        s.insert.run(position, event.eventId, stream, version, event.type, event.dataJson, event.metadataJson, recordedAt, hash);
        results[index] = { eventId: event.eventId, position, version, status: 'appended' };
        previousHash = hash;
      });
      head.position = position;
      head.hash = previousHash;
      head.recordedAt = recordedAt;
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
    for (const row of this.statements.verifyFrom.iterate(from)) {
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
    eventId: row.event_id,
    type: row.type,
    stream: row.stream,
    version: row.version,
    position: row.position,
    data: JSON.parse(row.data) as JsonObject,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: row.recorded_at,
    hash: row.hash,
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
