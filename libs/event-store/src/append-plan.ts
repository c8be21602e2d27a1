import { randomUUID } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { EventIdConflict, InvalidAppend, StreamVersionConflict } from './event-store.errors';
import type { EventMetadata, ExpectedVersion, JsonObject, NewEvent, RecordedEvent } from './event-store.port';

/** An event ready to store: id assigned, data and metadata in canonical form. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  /** The data as stored: parsed back from `dataJson` on first use (adapters that store text never pay for it). */
  readonly data: JsonObject;
  readonly metadata: EventMetadata;
  /** Canonical JSON of `data`, compared on idempotent retries and stored as is. */
  dataJson: string;
  metadataJson: string;
  /** False when the store generated the id: such an event cannot be stored already, so no look-up is needed. */
  idSupplied: boolean;
}

class Prepared implements PreparedEvent {
  private parsedData?: JsonObject;
  private parsedMetadata?: EventMetadata;

  constructor(
    readonly eventId: string,
    readonly type: string,
    readonly dataJson: string,
    readonly metadataJson: string,
    readonly idSupplied: boolean,
  ) {}

  get data(): JsonObject {
    return (this.parsedData ??= JSON.parse(this.dataJson) as JsonObject);
  }

  get metadata(): EventMetadata {
    return (this.parsedMetadata ??= JSON.parse(this.metadataJson) as EventMetadata);
  }
}

/** True for the errors an append reports per request in `appendMany` (a broken rule, not an outage). */
export function isAppendRuleError(error: unknown): error is StreamVersionConflict | EventIdConflict | InvalidAppend {
  return error instanceof StreamVersionConflict || error instanceof EventIdConflict || error instanceof InvalidAppend;
}

/** Validates and normalises an append's events; shared by every adapter. */
export function prepareEvents(stream: string, events: readonly NewEvent[]): PreparedEvent[] {
  if (typeof stream !== 'string' || stream.length === 0) throw new InvalidAppend('stream must be a non-empty string');
  if (events.length === 0) throw new InvalidAppend('an append needs at least one event');
  const seen = new Set<string>();
  return events.map((event, index) => {
    if (typeof event.type !== 'string' || event.type.length === 0) {
      throw new InvalidAppend(`events[${index}].type must be a non-empty string`);
    }
    if (event.data === null || typeof event.data !== 'object' || Array.isArray(event.data)) {
      throw new InvalidAppend(`events[${index}].data must be a JSON object`);
    }
    // A generated id is new by construction; only ids the caller chose can repeat.
    const supplied = event.eventId !== undefined;
    const eventId = event.eventId ?? timeOrderedUuid();
    if (supplied) {
      if (seen.has(eventId)) throw new InvalidAppend(`events[${index}].eventId ${eventId} appears twice in one append`);
      seen.add(eventId);
    }
    return new Prepared(eventId, event.type, canonicalJson(event.data), canonicalJson(event.metadata ?? {}), supplied);
  });
}

/** True when a stored event has the same stream, type and data as a new one. */
export function sameContent(stored: Pick<RecordedEvent, 'stream' | 'type' | 'data'>, stream: string, event: PreparedEvent): boolean {
  return stored.stream === stream && stored.type === event.type && canonicalJson(stored.data) === event.dataJson;
}

export function assertSameContent(stored: Pick<RecordedEvent, 'stream' | 'type' | 'data'>, stream: string, event: PreparedEvent): void {
  if (!sameContent(stored, stream, event)) throw new EventIdConflict(event.eventId, stored.stream, stored.type);
}

/** Throws {@link StreamVersionConflict} unless `current` satisfies `expected`. */
export function checkExpectedVersion(stream: string, expected: ExpectedVersion, current: number): void {
  const holds =
    expected === 'any' ||
    (expected === 'no-stream' && current === 0) ||
    (expected === 'stream-exists' && current > 0) ||
    expected === current;
  if (!holds) throw new StreamVersionConflict(stream, expected, current);
}

/**
 * The store clock for `recordedAt`: now, but never earlier than the last recorded instant,
 * so that `recordedAt` never decreases along the global order even if the wall clock steps back.
 */
export function nextRecordedAt(lastRecordedAt: string | null, now = new Date()): string {
  const iso = now.toISOString();
  return lastRecordedAt !== null && lastRecordedAt > iso ? lastRecordedAt : iso;
}

/**
 * A UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids the store
 * generates therefore sort by time, so the unique index on event ids grows at its right edge
 * instead of taking every insert at a random page (the difference between one and several pages
 * written per event on a large log). Built on node:crypto's pooled `randomUUID`, about ten times
 * cheaper per id than a generator written in JavaScript.
 */
export function timeOrderedUuid(now = Date.now()): string {
  if (now !== prefixTime) {
    const time = now.toString(16).padStart(12, '0');
    prefix = `${time.slice(0, 8)}-${time.slice(8, 12)}-7`;
    prefixTime = now;
  }
  return prefix + randomUUID().slice(15);
}

/** The id prefix of the last millisecond an id was made in: a batch makes many in one. */
let prefixTime = -1;
let prefix = '';
