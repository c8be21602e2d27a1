import type { EventIdConflict, InvalidAppend, StreamVersionConflict } from './event-store.errors';

/**
 * The event store port: the one contract every adapter (in-memory, SQLite, PostgreSQL,
 * EventStoreDB) implements and that `testing/event-store.contract.ts` checks.
 *
 * Ordering. Every stored event has a global `position` (1, 2, 3, ... with no gaps) and a
 * per-stream `version` (1, 2, 3, ...). Positions are handed out in commit order: once a reader
 * has seen position N it will never later see an event at a position below N. Adapters get
 * this by serialising appends through one writer (see each adapter's notes).
 *
 * Idempotency. An event whose `eventId` is already stored is not stored again. Appending it
 * again with the same stream, type and data is an idempotent retry and reports `duplicate`;
 * appending it with a different stream, type or data throws {@link EventIdConflict}.
 * Metadata is not compared: a retry may arrive over another transport.
 *
 * Tamper evidence. `hash = sha256(previousHash + canonicalJson(event))` along the global order
 * (see `hash-chain.ts`); `verify` re-hashes and names the first broken position.
 *
 * Numbers. Versions and positions are JavaScript numbers, not bigints: 2^53 events is beyond
 * any board's lifetime, and numbers travel through JSON, SQL drivers and HTTP unchanged.
 */
export interface EventStore {
  /**
   * Appends `events` to `stream` atomically: all of them or none.
   *
   * @throws StreamVersionConflict when `expectedVersion` does not hold (checked only when at
   *   least one event is new; a pure retry succeeds whatever it expected).
   * @throws EventIdConflict when an `eventId` is already stored with other content.
   * @throws EventStoreUnavailable when the backing store cannot be reached (retryable).
   */
  append(stream: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult>;

  /**
   * Many independent appends in one durable commit (group commit): how ingestion stores a batch
   * of facts for many streams with one fsync. Requests are applied in order, each with the rules
   * of {@link append}; one that breaks a rule stores nothing and reports its error in its outcome,
   * while the others are committed together. Outcomes are in request order.
   *
   * @throws EventStoreUnavailable when the backing store cannot be reached: nothing was stored.
   */
  appendMany(requests: readonly AppendRequest[]): Promise<AppendOutcome[]>;

  /** The stream's events from `fromVersion` (inclusive, default 1), in version order. */
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /**
   * Up to `limit` events (default 1,000) from `fromPosition` (inclusive, default 1) in global
   * order. Returns fewer than `limit` only at the end of the log as seen at the call.
   */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * The events at the given positions, in ascending position order; positions that do not exist
   * are left out. This is how lineage fetches the source events of the units it lists.
   */
  readPositions(positions: readonly number[]): Promise<RecordedEvent[]>;

  /**
   * Every event from `fromPosition` (inclusive) in global order: first those already stored
   * (catch-up), then each new one as it commits (live). Never skips an event, never repeats
   * one. Ends when `signal` aborts or the iterator is returned.
   */
  subscribeToAll(options?: SubscribeOptions): AsyncIterable<RecordedEvent>;

  /** Position of the last stored event, 0 when the log is empty. */
  headPosition(): Promise<number>;

  /**
   * The last position whose `recordedAt` is at or before `instant` (0 when none): the log as
   * an auditor saw it at that instant is positions 1..positionAt(instant). `recordedAt` never
   * decreases along the global order, so this is a prefix of the log.
   */
  positionAt(instant: Date): Promise<number>;

  /** Re-hashes the chain from `fromPosition` (default 1) and reports the first broken link. */
  verify(options?: VerifyOptions): Promise<VerificationResult>;

  /** Releases connections and stops subscriptions. */
  close(): Promise<void>;
}

/** Where a fact came from: the transport it arrived on, for lineage. */
export type Transport =
  | { kind: 'kafka'; topic: string; partition: number; offset: string }
  | { kind: 'http'; requestId: string }
  | { kind: 'command'; requestId?: string }
  | { kind: 'internal'; name: string };

export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  /** CloudEvent `source` of the message the event came from. */
  source?: string;
  /** CloudEvent `id` of the message the event came from. */
  sourceEventId?: string;
  transport?: Transport;
  [key: string]: unknown;
}

export type JsonObject = { [key: string]: unknown };

export interface NewEvent<D extends JsonObject = JsonObject> {
  /** A UUID; generated when absent (version 7, so ids sort by time). Supply it to make retries idempotent. */
  eventId?: string;
  type: string;
  data: D;
  metadata?: EventMetadata;
}

export interface RecordedEvent<D extends JsonObject = JsonObject> {
  eventId: string;
  type: string;
  stream: string;
  version: number;
  position: number;
  data: D;
  metadata: EventMetadata;
  /** ISO 8601 UTC instant with milliseconds, from the store's clock. */
  recordedAt: string;
  /** Hex sha256 of the previous event's hash and this event's canonical JSON. */
  hash: string;
}

/**
 * `'any'`: no check. `'no-stream'`: the stream must not exist. `'stream-exists'`: it must.
 * A number: the stream's current version must be exactly that (0 means no stream).
 */
export type ExpectedVersion = 'any' | 'no-stream' | 'stream-exists' | number;

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendRequest {
  stream: string;
  events: readonly NewEvent[];
  expectedVersion?: ExpectedVersion;
}

export type AppendOutcome =
  { ok: true; result: AppendResult } | { ok: false; error: StreamVersionConflict | EventIdConflict | InvalidAppend };

export interface AppendedEvent {
  eventId: string;
  position: number;
  version: number;
  /** `duplicate` when the event id was already stored with the same content. */
  status: 'appended' | 'duplicate';
}

export interface AppendResult {
  /** The stream's version after the append (the version to expect next time). */
  nextExpectedVersion: number;
  events: AppendedEvent[];
}

export interface ReadStreamOptions {
  fromVersion?: number;
}

export interface ReadAllOptions {
  fromPosition?: number;
  limit?: number;
  /** Read no further than this position (inclusive), e.g. for "as known at" replays. */
  toPosition?: number;
}

export interface SubscribeOptions {
  fromPosition?: number;
  signal?: AbortSignal;
  /** Events fetched per read while catching up. */
  batchSize?: number;
}

export interface VerifyOptions {
  fromPosition?: number;
}

export interface VerificationResult {
  ok: boolean;
  /** How many events were re-hashed. */
  checked: number;
  /** The first position whose stored hash does not match its recomputed hash, else null. */
  firstBrokenPosition: number | null;
}

/** Nest injection token for the configured adapter. */
export const EVENT_STORE = Symbol.for('safeguarding-ledger.EventStore');
