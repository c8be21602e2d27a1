import { Logger } from '@nestjs/common';
import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  MaxAppendSizeExceededError,
  START,
  StreamNotFoundError,
  WrongExpectedVersionError,
  isCommandError,
} from '@eventstore/db-client';
import type { EventData, ReadStreamOptions as EsdbReadStreamOptions, ResolvedEvent, StreamSubscription } from '@eventstore/db-client';
import {
  ChainVerifier,
  EventStoreError,
  EventStoreUnavailable,
  GENESIS_HASH,
  InvalidAppend,
  assertSameContent,
  chainHash,
  checkExpectedVersion,
  isAppendRuleError,
  nextRecordedAt,
  prepareEvents,
} from '@app/event-store';
import type {
  AppendOptions,
  AppendOutcome,
  AppendRequest,
  AppendResult,
  AppendedEvent,
  EventStore,
  ExpectedVersion,
  NewEvent,
  PreparedEvent,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  SubscribeOptions,
  VerificationResult,
  VerifyOptions,
} from '@app/event-store';
import { LedgerIndexOutOfStep, MalformedLedgerEvent } from './esdb-event-store.errors';
import {
  esdbEventId,
  expectedRevisionAt,
  fromLogEvent,
  indexedPosition,
  ledgerStreamNames,
  linkedPosition,
  toIndexedEventData,
  toLinkEventData,
  toLogEventData,
  uuidV5,
  versionOfCurrentRevision,
  versionOfRevision,
  LEDGER_ID_NAMESPACE,
  NO_STREAM,
  type LedgerStreamNames,
} from './esdb-event-store.mapping';

export interface EsdbEventStoreOptions {
  /**
   * Prefix of every EventStoreDB stream this ledger uses (default none): one ledger per
   * namespace on a shared server, e.g. per test. Must not start with `$`.
   */
  namespace?: string;
  /**
   * How long a writer or reader waits for the writer of the last append to finish indexing it
   * before indexing it itself (default 2,000 ms). Only a writer that died between committing
   * and indexing makes anyone wait this long.
   */
  indexTakeoverMs?: number;
  /**
   * How long an append keeps retrying after losing the race for the log to other writers
   * before it gives up with {@link EventStoreUnavailable} (default 30,000 ms).
   */
  contentionTimeoutMs?: number;
  /** Testing only: an async pause between preparing an append and committing it. */
  commitDelayMs?: () => number;
}

export interface EsdbConnectOptions extends EsdbEventStoreOptions {
  /** An `esdb://` or `esdb+discover://` connection string (the client's format). */
  connectionString: string;
}

/** The log's last event as an append sees it: the revision its commit is conditioned on. */
interface LogHead {
  /** Revision of the last log event, null when the log stream does not exist. */
  revision: bigint | null;
  position: number;
  hash: string;
  recordedAt: string | null;
}

/** A log event with the revision it is stored at. */
interface LogEntry {
  recorded: RecordedEvent;
  revision: bigint;
}

interface Watermark {
  position: number;
  revision: bigint | null;
}

const UNAVAILABLE_TYPES: ReadonlySet<string> = new Set([
  ErrorType.UNAVAILABLE,
  ErrorType.DEADLINE_EXCEEDED,
  ErrorType.TIMEOUT,
  ErrorType.NOT_LEADER,
  ErrorType.CANCELLED,
]);
const ID_LINK_CONCURRENCY = 64;
const VERIFY_BATCH = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The event store port on EventStoreDB 20+ / KurrentDB, through `@eventstore/db-client` (gRPC).
 *
 * Why a log stream. The port wants a gapless global position 1, 2, 3 ... in commit order and a
 * hash chain along it; EventStoreDB's `$all` positions are byte offsets with system events
 * between ours, and it has no transaction across streams. So every event of a ledger is stored
 * once, in one ordered stream, `ledger-log`, and position n is the n-th event of that stream
 * (revision n - 1 while nobody has truncated it). The stream's optimistic concurrency is the one
 * writer the port asks for: an append reads the log's last event (revision r, position, hash,
 * recordedAt), computes positions, versions and hashes with `chainHash`, and appends to the log
 * with `expectedRevision: r`. A `WrongExpectedVersion` there only means another writer committed
 * first, so nothing was written: the append reads the new head and tries again (with jitter,
 * giving up as `EventStoreUnavailable` after `contentionTimeoutMs`). Appends of one store
 * instance queue in-process first, so they never race each other. Cost: every append of every
 * writer is serialised on one stream, one commit per few round trips; `appendMany` puts all its
 * requests (checked in order, each against the ones before it) into one log append, so a Kafka
 * batch costs one commit. A group too big for the server's maximum append size is committed
 * request by request instead, each still atomic.
 *
 * Why links. The log commit is the only atomic step, so everything else is an index derived
 * from the log, written after the commit with idempotent writes and deterministic event ids:
 * per port stream, `ledger-stream-<stream>` holds `$>` links to its log events (version v at
 * revision v - 1, appended at the exact expected revision), and per event id,
 * `ledger-id-<uuid>` holds one link (the idempotency index). A watermark stream,
 * `ledger-indexed`, records the last position whose links are all written (advanced by
 * compare-and-set, never backwards). Before an append trusts the indexes it waits until the
 * watermark has reached the head it read; if the writer of the last append died before
 * indexing, after `indexTakeoverMs` the waiter indexes those events itself (every link write is
 * idempotent, so two indexers agree). This makes the indexes exact as of revision r, so the
 * checks below are consistent with the state the log commit is conditioned on. Copies instead
 * of links would double storage and could disagree with the log; links cannot. The watermark
 * stream gains one small event per append; an operator may cap it with `$maxCount`, since only
 * its last event is read.
 *
 * Versions. Port versions are 1-based, EventStoreDB revisions 0-based: version v is revision
 * v - 1 of the stream index. The port's `ExpectedVersion` is checked (with the shared
 * `checkExpectedVersion`) against the stream index's version as of log revision r; since the
 * log commit only succeeds at r, the check and the write are atomic. EventStoreDB's own
 * `expectedRevision` guards the log (serialisation), the index links (exact revisions) and the
 * watermark. A lost race thus never surfaces as `StreamVersionConflict`; a stale
 * `expectedVersion` does, with the stream's actual version.
 *
 * What each event stores. Type and data as the event's type and JSON data; in its metadata,
 * `ledger` (port `eventId`, `stream`, `version`, `position`, `recordedAt`, `hash`) and the port
 * `metadata`, so a `RecordedEvent` round-trips exactly. The EventStoreDB event id is the port id
 * when that is a canonical UUID, else a UUID v5 of it; the port id is always read back from the
 * metadata. `recordedAt` is this client's clock, never earlier than the previous event's
 * (`nextRecordedAt`): the hash covers it, so it must be fixed before the commit, which rules
 * out the server's `created` stamp.
 *
 * Idempotency. Before committing, every caller-supplied event id is looked up in its
 * `ledger-id-<uuid>` stream (one read each, in parallel): same stream, type and data is a
 * duplicate at its original position, anything else is `EventIdConflict`. Ids the store
 * generated cannot have been stored before, so they cost no read; all ids are indexed, so a
 * caller may later resend one it was given back. An append with supplied ids re-reads its first
 * event after committing (one read): EventStoreDB treats a repeated event id at the same
 * expected revision as an idempotent success, which could otherwise hide a concurrent retry
 * with other content. Cost per append: about 4 sequential reads, 1 log write, 1 link write per
 * stream, 1 id-link write per event (parallel), 1 watermark write; one stream per event id.
 *
 * Reading. `readAll` reads the log from the revision of `fromPosition`; `subscribeToAll`
 * catches up and goes live with one `subscribeToStream` on the log, which delivers in revision
 * order and so never skips; positions below `fromPosition` are dropped, which makes the start
 * exact whether the server treats the start revision as inclusive or not. `readStream` reads the
 * stream index with `resolveLinkTos`; `readPositions` reads each run of consecutive positions
 * with one log read. `positionAt` binary-searches the log by position (one
 * single-event read per step; the head is checked first, so "now" costs one read).
 *
 * Tamper evidence. EventStoreDB events are immutable; what an operator with admin rights can do
 * is truncate the log (`$tb` in its stream metadata, then scavenge) and re-append a forged
 * history with edited events. The forged events sit at later revisions, so this adapter never
 * trusts `revision = position - 1`: positions come from each event's metadata, and reads map a
 * position to a revision through an offset that is re-derived from the log's first readable
 * event whenever the event found is not the one asked for. `verify` re-hashes along the log
 * with `ChainVerifier` and names the first position whose stored hash is not the recomputed
 * one, or where the position sequence breaks (an event removed or inserted). Links whose
 * target was truncated away are followed by their position instead.
 */
export class EsdbEventStore implements EventStore {
  private readonly names: LedgerStreamNames;
  private readonly logger = new Logger(EsdbEventStore.name);
  private readonly subscriptions = new Set<StreamSubscription>();
  private queue: Promise<unknown> = Promise.resolve();
  /** Log revision minus (position - 1); 0 unless the log was truncated and rewritten. */
  private revisionOffset = 0n;
  private closed = false;

  /** Opens a client for `connectionString`; the store owns it and disposes of it on `close`. */
  static async connect(options: EsdbConnectOptions): Promise<EsdbEventStore> {
    const { connectionString, ...storeOptions } = options;
    return new EsdbEventStore(EventStoreDBClient.connectionString(connectionString), storeOptions);
  }

  /** The store owns `client` and disposes of it on `close`. */
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly options: EsdbEventStoreOptions = {},
  ) {
    this.names = ledgerStreamNames(options.namespace);
  }

  append(stream: string, events: readonly NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const request = planRequest({ stream, events, expectedVersion: options.expectedVersion });
    return this.exclusive(async () => {
      const [outcome] = await this.commitOne(request);
      if (!outcome.ok) throw outcome.error;
      return outcome.result;
    });
  }

  appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]> {
    const planned = requests.map((request) => {
      try {
        return planRequest(request);
      } catch (error) {
        if (isAppendRuleError(error)) return { ok: false as const, error };
        throw error;
      }
    });
    return this.exclusive(async () => {
      try {
        return await this.commitWithRetry(planned);
      } catch (error) {
        if (!(error instanceof MaxAppendSizeExceededError)) throw error;
        // Too big for one EventStoreDB append: commit the requests one by one instead. Each
        // stays atomic and in order, so a later one can still rely on an earlier one.
        const outcomes: AppendOutcome[] = [];
        for (const request of planned) outcomes.push(isPlanned(request) ? (await this.commitOne(request))[0] : request);
        return outcomes;
      }
    });
  }

  /** Queues `work` behind this instance's other appends, so they never race each other. */
  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async commitOne(request: PlannedRequest): Promise<AppendOutcome[]> {
    try {
      return await this.commitWithRetry([request]);
    } catch (error) {
      if (!(error instanceof MaxAppendSizeExceededError)) throw error;
      const tooBig = new InvalidAppend(
        `An append of ${request.events.length} events to ${request.stream} exceeds the server's maximum append size of ${error.maxAppendSize} bytes`,
      );
      return [{ ok: false, error: tooBig }];
    }
  }

  /** Commits the requests in one log append, trying again while other writers commit first. */
  private async commitWithRetry(requests: ReadonlyArray<PlannedRequest | FailedRequest>): Promise<AppendOutcome[]> {
    const timeoutMs = this.options.contentionTimeoutMs ?? 30_000;
    const deadline = Date.now() + timeoutMs;
    for (let attempt = 1; ; attempt++) {
      const outcomes = await this.tryCommit(requests);
      if (outcomes) return outcomes;
      if (Date.now() > deadline) {
        const streams = [...new Set(requests.filter(isPlanned).map((request) => request.stream))].join(', ');
        throw new EventStoreUnavailable(
          `Append to ${streams} lost the race for the ledger log ${this.names.log} ${attempt} times in ${timeoutMs} ms`,
        );
      }
      await sleep(Math.random() * Math.min(50, 2 ** attempt));
    }
  }

  /**
   * One attempt, conditioned on the log head it reads: checks every request against the indexes
   * as of that head (and against the requests before it in this call), then appends the events of
   * those that hold to the log at the head's revision. Null when another writer committed first.
   */
  private async tryCommit(requests: ReadonlyArray<PlannedRequest | FailedRequest>): Promise<AppendOutcome[] | null> {
    const head = await this.readHead();
    await this.ensureIndexed(head.position);
    const planned = requests.filter(isPlanned);
    const streams = [...new Set(planned.map((request) => request.stream))];
    const ids = [
      ...new Set(planned.flatMap((request) => request.events.filter((_, i) => request.supplied[i]).map((event) => event.eventId))),
    ];
    const [versionList, storedList] = await Promise.all([
      Promise.all(streams.map((stream) => this.streamVersion(stream))),
      Promise.all(ids.map((id) => this.lookUp(id))),
    ]);
    const versions = new Map(streams.map((stream, i) => [stream, versionList[i]]));
    const known = new Map<string, RecordedEvent>();
    ids.forEach((id, i) => {
      const stored = storedList[i];
      if (stored) known.set(id, stored);
    });

    const recordedAt = nextRecordedAt(head.recordedAt);
    const firstRevision = head.revision === null ? 0n : head.revision + 1n;
    const entries: LogEntry[] = [];
    let tail = { position: head.position, hash: head.hash };
    const outcomes = requests.map((request): AppendOutcome => {
      if (!isPlanned(request)) return request;
      try {
        const { result, recorded } = applyRequest(request, versions.get(request.stream)!, known, tail, recordedAt);
        versions.set(request.stream, result.nextExpectedVersion);
        for (const event of recorded) {
          known.set(event.eventId, event);
          entries.push({ recorded: event, revision: firstRevision + BigInt(entries.length) });
          tail = { position: event.position, hash: event.hash };
        }
        return { ok: true, result };
      } catch (error) {
        if (isAppendRuleError(error)) return { ok: false, error };
        throw error;
      }
    });
    if (entries.length === 0) return outcomes;

    if (this.options.commitDelayMs) await sleep(this.options.commitDelayMs());
    try {
      await this.client.appendToStream(
        this.names.log,
        entries.map((entry) => toLogEventData(entry.recorded)),
        { expectedRevision: head.revision ?? NO_STREAM },
      );
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return null;
      if (error instanceof MaxAppendSizeExceededError) throw error;
      throw this.translate(error, `appending to ${this.names.log}`);
    }
    if (ids.length > 0 && !(await this.committedAsWritten(entries[0]))) return null;

    try {
      await this.index(entries);
      await this.advanceWatermark(tail.position);
    } catch (error) {
      // The events are committed, so the append has succeeded; the next reader or writer
      // indexes them after `indexTakeoverMs`.
      this.logger.warn(`Positions ${entries[0].recorded.position}..${tail.position} are committed but not yet indexed: ${describe(error)}`);
    }
    return outcomes;
  }

  /** True when the log event at `entry.revision` is the one this append wrote. */
  private async committedAsWritten(entry: LogEntry): Promise<boolean> {
    const [stored] = await this.read(this.names.log, { fromRevision: entry.revision, maxCount: 1 });
    return stored?.event !== undefined && fromLogEvent(stored.event).hash === entry.recorded.hash;
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const head = await this.readHead();
    await this.ensureIndexed(head.position);
    const fromVersion = Math.max(1, options.fromVersion ?? 1);
    const links = await this.read(this.names.stream(stream), { fromRevision: BigInt(fromVersion - 1), resolveLinkTos: true });
    return Promise.all(links.map((link) => this.followLink(link)));
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.fromPosition ?? 1);
    const to = options.toPosition ?? Number.MAX_SAFE_INTEGER;
    const count = Math.min(options.limit ?? 1_000, to - from + 1);
    if (count <= 0) return [];
    const entries = await this.readLog(from, count);
    return entries.map((entry) => entry.recorded).filter((recorded) => recorded.position <= to);
  }

  /** One log read per run of consecutive positions, the runs read in parallel. */
  async readPositions(positions: readonly number[]): Promise<RecordedEvent[]> {
    const wanted = [...new Set(positions)].filter((position) => Number.isSafeInteger(position) && position >= 1).sort((a, b) => a - b);
    const runs: Array<{ from: number; count: number }> = [];
    for (const position of wanted) {
      const last = runs[runs.length - 1];
      if (last && last.from + last.count === position) last.count++;
      else runs.push({ from: position, count: 1 });
    }
    const read = await Promise.all(runs.map((run) => this.readLog(run.from, run.count)));
    const wantedSet = new Set(wanted);
    const found = new Map<number, RecordedEvent>();
    for (const entry of read.flat()) if (wantedSet.has(entry.recorded.position)) found.set(entry.recorded.position, entry.recorded);
    return wanted.filter((position) => found.has(position)).map((position) => found.get(position)!);
  }

  subscribeToAll(options: SubscribeOptions = {}): AsyncIterable<RecordedEvent> {
    return this.subscribe(options);
  }

  private async *subscribe(options: SubscribeOptions): AsyncGenerator<RecordedEvent> {
    const signal = options.signal;
    if (signal?.aborted || this.closed) return;
    let next = Math.max(1, options.fromPosition ?? 1);
    const start = await this.revisionOf(next);
    if (signal?.aborted || this.closed) return;
    const subscription = this.client.subscribeToStream(this.names.log, { fromRevision: start === 0n ? START : start - 1n });
    this.subscriptions.add(subscription);
    let stopped = false;
    const stop = () => {
      stopped = true;
      void subscription.unsubscribe().catch(() => undefined);
    };
    signal?.addEventListener('abort', stop, { once: true });
    try {
      for await (const resolved of subscription) {
        if (stopped || this.closed) return;
        if (!resolved.event) continue;
        const recorded = fromLogEvent(resolved.event);
        if (recorded.position < next) continue;
        yield recorded;
        next = recorded.position + 1;
      }
    } catch (error) {
      if (stopped || this.closed) return;
      throw this.translate(error, `following ${this.names.log}`);
    } finally {
      signal?.removeEventListener('abort', stop);
      this.subscriptions.delete(subscription);
      if (!stopped) await subscription.unsubscribe().catch(() => undefined);
    }
  }

  async headPosition(): Promise<number> {
    return (await this.readHead()).position;
  }

  async positionAt(instant: Date): Promise<number> {
    const iso = instant.toISOString();
    const head = await this.readHead();
    if (head.recordedAt === null || head.recordedAt <= iso) return head.position;
    let low = 0;
    let high = head.position - 1;
    while (low < high) {
      const middle = Math.floor((low + high + 1) / 2);
      const [entry] = await this.readLog(middle, 1);
      if (entry && entry.recorded.recordedAt <= iso) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  async verify(options: VerifyOptions = {}): Promise<VerificationResult> {
    const from = Math.max(1, options.fromPosition ?? 1);
    const previous = from > 1 ? ((await this.readLog(from - 1, 1))[0]?.recorded.hash ?? GENESIS_HASH) : GENESIS_HASH;
    const verifier = new ChainVerifier(previous, from);
    let revision: bigint | undefined;
    try {
      revision = (await this.readLog(from, 1))[0]?.revision;
    } catch (error) {
      if (!(error instanceof MalformedLedgerEvent)) throw error;
      return { ok: false, checked: 1, firstBrokenPosition: from };
    }
    while (revision !== undefined) {
      const batch = await this.read(this.names.log, { fromRevision: revision, maxCount: VERIFY_BATCH });
      for (const resolved of batch) {
        let recorded: RecordedEvent;
        try {
          recorded = fromLogEvent(resolved.event!);
        } catch (error) {
          if (!(error instanceof MalformedLedgerEvent)) throw error;
          const { checked } = verifier.result();
          return { ok: false, checked: checked + 1, firstBrokenPosition: from + checked };
        }
        if (!verifier.check(recorded)) return verifier.result();
      }
      revision = batch.length === VERIFY_BATCH ? batch[batch.length - 1].event!.revision + 1n : undefined;
    }
    return verifier.result();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.unsubscribe().catch(() => undefined)));
    await this.queue;
    await this.client.dispose();
  }

  private async readHead(): Promise<LogHead> {
    const [last] = await this.read(this.names.log, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    if (!last?.event) return { revision: null, position: 0, hash: GENESIS_HASH, recordedAt: null };
    const recorded = fromLogEvent(last.event);
    return { revision: last.event.revision, position: recorded.position, hash: recorded.hash, recordedAt: recorded.recordedAt };
  }

  /**
   * Up to `count` log events from position `from`, with their revisions. Looks where the offset
   * says position `from` is; if the event there is another one (the log was truncated and
   * rewritten), re-derives the offset from the log's first readable event and looks again.
   */
  private async readLog(from: number, count: number): Promise<LogEntry[]> {
    for (let refreshed = false; ; refreshed = true) {
      const revision = BigInt(from - 1) + this.revisionOffset;
      const resolved = await this.read(this.names.log, { fromRevision: revision, maxCount: count });
      const entries = resolved.map((r) => ({ recorded: fromLogEvent(r.event!), revision: r.event!.revision }));
      if (refreshed || entries[0]?.recorded.position === from) return entries.filter((e) => e.recorded.position >= from);
      const before = this.revisionOffset;
      await this.refreshRevisionOffset();
      if (entries.length === 0 && before === this.revisionOffset) return [];
    }
  }

  private async refreshRevisionOffset(): Promise<void> {
    const [first] = await this.read(this.names.log, { fromRevision: START, maxCount: 1 });
    if (!first?.event) return;
    this.revisionOffset = first.event.revision - BigInt(fromLogEvent(first.event).position - 1);
  }

  /** The log revision position `position` has, or will have once it is appended. */
  private async revisionOf(position: number): Promise<bigint> {
    const [entry] = await this.readLog(position, 1);
    if (entry) return entry.revision;
    const head = await this.readHead();
    return head.revision === null ? BigInt(position - 1) : head.revision + BigInt(position - head.position);
  }

  /** The port stream's version as its index says (exact once the index has reached the head). */
  private async streamVersion(stream: string): Promise<number> {
    const [last] = await this.read(this.names.stream(stream), { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.link ? versionOfRevision(last.link.revision) : last?.event ? versionOfRevision(last.event.revision) : 0;
  }

  /** The stored event with this port id, if any (exact once the index has reached the head). */
  private async lookUp(eventId: string): Promise<RecordedEvent | null> {
    const [link] = await this.read(this.names.eventId(esdbEventId(eventId)), { maxCount: 1, resolveLinkTos: true });
    if (!link) return null;
    const recorded = await this.followLink(link);
    return recorded.eventId === eventId ? recorded : null;
  }

  /** The log event a resolved index link points at, by its position when it did not resolve. */
  private async followLink(resolved: ResolvedEvent): Promise<RecordedEvent> {
    if (resolved.event && resolved.event.streamId === this.names.log) return fromLogEvent(resolved.event);
    const link = resolved.link ?? resolved.event;
    if (!link) throw new MalformedLedgerEvent(this.names.log, -1n, 'an index entry came back empty');
    const position = linkedPosition(link);
    const [entry] = await this.readLog(position, 1);
    if (!entry || entry.recorded.position !== position) {
      throw new MalformedLedgerEvent(link.streamId, link.revision, `it links to position ${position}, which the log no longer holds`);
    }
    return entry.recorded;
  }

  /**
   * Returns once every log event up to `position` is indexed: at once in the usual case, after
   * the last writer's indexing otherwise, or after indexing the rest itself when that writer has
   * not finished within `indexTakeoverMs`.
   */
  private async ensureIndexed(position: number): Promise<void> {
    if (position === 0) return;
    const takeoverAt = Date.now() + (this.options.indexTakeoverMs ?? 2_000);
    for (let poll = 0; ; poll++) {
      const watermark = await this.readWatermark();
      if (watermark.position >= position) return;
      if (Date.now() >= takeoverAt) {
        const entries = await this.readLogRange(watermark.position + 1, position);
        await this.index(entries);
        await this.advanceWatermark(position);
        return;
      }
      await sleep(Math.min(50, 2 + poll * 2) * (0.5 + Math.random()));
    }
  }

  private async readLogRange(from: number, to: number): Promise<LogEntry[]> {
    const entries: LogEntry[] = [];
    for (let next = from; next <= to;) {
      const batch = (await this.readLog(next, Math.min(VERIFY_BATCH, to - next + 1))).filter((e) => e.recorded.position <= to);
      if (batch.length === 0) break;
      entries.push(...batch);
      next = batch[batch.length - 1].recorded.position + 1;
    }
    return entries;
  }

  /** Writes the stream and id links of `entries` (in log order); every write is idempotent. */
  private async index(entries: readonly LogEntry[]): Promise<void> {
    const byStream = new Map<string, LogEntry[]>();
    for (const entry of entries) {
      const group = byStream.get(entry.recorded.stream) ?? [];
      group.push(entry);
      byStream.set(entry.recorded.stream, group);
    }
    const idLinks = async () => {
      for (let i = 0; i < entries.length; i += ID_LINK_CONCURRENCY) {
        await Promise.all(entries.slice(i, i + ID_LINK_CONCURRENCY).map((entry) => this.writeIdLink(entry)));
      }
    };
    await Promise.all([...[...byStream].map(([stream, group]) => this.writeStreamLinks(stream, group)), idLinks()]);
  }

  private async writeStreamLinks(stream: string, group: LogEntry[]): Promise<void> {
    const indexStream = this.names.stream(stream);
    let pending = group;
    while (pending.length > 0) {
      const expectedVersion = pending[0].recorded.version - 1;
      try {
        await this.client.appendToStream(
          indexStream,
          pending.map((entry) => this.link('stream', entry)),
          {
            expectedRevision: expectedRevisionAt(expectedVersion),
          },
        );
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw this.translate(error, `indexing ${stream}`);
        const indexed = versionOfCurrentRevision(error.actualVersion);
        if (indexed < expectedVersion) throw new LedgerIndexOutOfStep(stream, pending[0].recorded.version, indexed);
        pending = pending.filter((entry) => entry.recorded.version > indexed);
      }
    }
  }

  private async writeIdLink(entry: LogEntry): Promise<void> {
    const indexStream = this.names.eventId(esdbEventId(entry.recorded.eventId));
    try {
      await this.client.appendToStream(indexStream, this.link('id', entry), { expectedRevision: NO_STREAM });
    } catch (error) {
      // Already there: written by this append's earlier indexer or another one.
      if (!(error instanceof WrongExpectedVersionError)) throw this.translate(error, `indexing event ${entry.recorded.eventId}`);
    }
  }

  /** A link with an id fixed by its kind and position, so that rewriting it is idempotent. */
  private link(kind: 'stream' | 'id', entry: LogEntry): EventData {
    const id = uuidV5(`${this.names.log}:${kind}:${entry.recorded.position}`, LEDGER_ID_NAMESPACE);
    return toLinkEventData(id, { revision: entry.revision, position: entry.recorded.position }, this.names.log);
  }

  private async readWatermark(): Promise<Watermark> {
    const [last] = await this.read(this.names.indexed, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
    return last?.event ? { position: indexedPosition(last.event), revision: last.event.revision } : { position: 0, revision: null };
  }

  /** Moves the watermark up to `position` by compare-and-set; never moves it back. */
  private async advanceWatermark(position: number): Promise<void> {
    for (;;) {
      const watermark = await this.readWatermark();
      if (watermark.position >= position) return;
      try {
        await this.client.appendToStream(this.names.indexed, toIndexedEventData(position), {
          expectedRevision: watermark.revision ?? NO_STREAM,
        });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw this.translate(error, `advancing ${this.names.indexed}`);
      }
    }
  }

  /** Reads a whole (bounded) stream; a stream that does not exist reads as empty. */
  private async read(stream: string, options: EsdbReadStreamOptions): Promise<ResolvedEvent[]> {
    const events: ResolvedEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, options)) events.push(resolved);
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw this.translate(error, `reading ${stream}`);
    }
    return events;
  }

  /** The port's error for a client error: unreachable server is `EventStoreUnavailable`. */
  private translate(error: unknown, doing: string): unknown {
    if (error instanceof EventStoreError) return error;
    if (error instanceof Error && isCommandError(error) && UNAVAILABLE_TYPES.has(error.type)) {
      return new EventStoreUnavailable(`EventStoreDB did not answer while ${doing}: ${error.message}`, error);
    }
    if (error instanceof Error && error.message.startsWith('Failed to discover')) {
      return new EventStoreUnavailable(`EventStoreDB cluster not found while ${doing}: ${error.message}`, error);
    }
    return error;
  }
}

/** An append request with its events validated and its ids assigned. */
interface PlannedRequest {
  stream: string;
  events: PreparedEvent[];
  /** Per event: whether the caller gave its id (only those can be stored already). */
  supplied: boolean[];
  expectedVersion: ExpectedVersion;
}

type FailedRequest = Extract<AppendOutcome, { ok: false }>;

function planRequest(request: AppendRequest): PlannedRequest {
  return {
    stream: request.stream,
    events: prepareEvents(request.stream, request.events),
    supplied: request.events.map((event) => event.eventId !== undefined),
    expectedVersion: request.expectedVersion ?? 'any',
  };
}

function isPlanned(request: PlannedRequest | FailedRequest): request is PlannedRequest {
  return 'events' in request;
}

/**
 * The port's append rules for one request, given the stream's `version` and the events `known`
 * by id (stored, or appended by an earlier request of the same call): duplicates, conflicts, the
 * expected version, then versions, positions and hashes following `tail`. Throws the rule error.
 */
function applyRequest(
  request: PlannedRequest,
  version: number,
  known: ReadonlyMap<string, RecordedEvent>,
  tail: { position: number; hash: string },
  recordedAt: string,
): { result: AppendResult; recorded: RecordedEvent[] } {
  const results: AppendedEvent[] = [];
  const fresh: Array<{ event: PreparedEvent; index: number }> = [];
  request.events.forEach((event, index) => {
    const found = known.get(event.eventId);
    if (found) {
      assertSameContent(found, request.stream, event);
      results[index] = { eventId: event.eventId, position: found.position, version: found.version, status: 'duplicate' };
    } else {
      fresh.push({ event, index });
    }
  });
  if (fresh.length === 0) return { result: { nextExpectedVersion: version, events: results }, recorded: [] };
  checkExpectedVersion(request.stream, request.expectedVersion, version);

  let previousHash = tail.hash;
  const recorded = fresh.map(({ event, index }, i) => {
    const unhashed = {
      eventId: event.eventId,
      type: event.type,
      stream: request.stream,
      version: version + i + 1,
      position: tail.position + i + 1,
      data: event.data,
      metadata: event.metadata,
      recordedAt,
    };
    const stored: RecordedEvent = { ...unhashed, hash: chainHash(previousHash, unhashed) };
    previousHash = stored.hash;
    results[index] = { eventId: event.eventId, position: stored.position, version: stored.version, status: 'appended' };
    return stored;
  });
  return { result: { nextExpectedVersion: version + fresh.length, events: results }, recorded };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
