import { createHash, randomUUID } from 'node:crypto';
import type {
  AppendExpectedRevision,
  CurrentRevision,
  EventData,
  NO_STREAM as NoStream,
  RecordedEvent as EsdbRecordedEvent,
} from '@eventstore/db-client';
import type { EventMetadata, JsonObject, RecordedEvent } from '@app/event-store';
import { MalformedLedgerEvent } from './esdb-event-store.errors';

/**
 * The UUID v5 namespace of ledger event ids that are not UUIDs themselves. Fixed forever:
 * changing it would give stored events new EventStoreDB ids on their next idempotent retry.
 */
export const LEDGER_ID_NAMESPACE = '0712a8dd-9ec9-4e61-a5f8-2558dcb1bc58';

/**
 * The client's `NO_STREAM`, spelled out so that this pure mapping never loads the client (and
 * its generated gRPC code) at run time.
 */
export const NO_STREAM: typeof NoStream = 'no_stream';

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Event type of the records in the `indexed` stream (see {@link LedgerStreamNames}). */
export const INDEXED_EVENT_TYPE = 'LedgerIndexed';
/** The event type EventStoreDB resolves as a link: data `revision@stream`. */
export const LINK_EVENT_TYPE = '$>';

/** RFC 9562 UUID version 5 (SHA-1 of the namespace's bytes and the name's UTF-8). */
export function uuidV5(name: string, namespace: string): string {
  if (!ANY_UUID.test(namespace)) throw new RangeError(`UUID v5 namespace must be a UUID, got ${namespace}`);
  const bytes = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The EventStoreDB id of a ledger event: the port id itself when it is a UUID in canonical
 * lower-case form, else a UUID v5 derived from it. Only canonical UUIDs pass through so that two
 * port ids differing in letter case never share an EventStoreDB id. The port id itself is kept
 * in the event's metadata, so a derived id never has to be reversed.
 */
export function esdbEventId(portEventId: string): string {
  return CANONICAL_UUID.test(portEventId) ? portEventId : uuidV5(portEventId, LEDGER_ID_NAMESPACE);
}

/** EventStoreDB revision (0-based) of port version `version` (1-based). */
export function revisionOfVersion(version: number): bigint {
  if (!Number.isSafeInteger(version) || version < 1) throw new RangeError(`A stream version is a whole number from 1, got ${version}`);
  return BigInt(version - 1);
}

/** Port version (1-based) of EventStoreDB revision `revision` (0-based). */
export function versionOfRevision(revision: bigint): number {
  if (revision < 0n || revision >= BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Revision ${revision} has no port version`);
  return Number(revision) + 1;
}

/** The expected revision that holds exactly when a stream is at port version `version` (0: no stream). */
export function expectedRevisionAt(version: number): AppendExpectedRevision {
  return version === 0 ? NO_STREAM : revisionOfVersion(version);
}

/**
 * Port version of a stream whose last revision EventStoreDB reports as `current`; servers that
 * answer in the older error format report a missing stream as revision -1.
 */
export function versionOfCurrentRevision(current: CurrentRevision): number {
  return current === NO_STREAM || current < 0n ? 0 : versionOfRevision(current);
}

/**
 * The EventStoreDB streams of one ledger. Every name starts with the namespace and then
 * `ledger-`, so that no port stream name can collide with them or name a system (`$`) stream.
 */
export interface LedgerStreamNames {
  /** The ordered log: every event, position n at the n-th revision from the log's start. */
  log: string;
  /** Watermark: the last position whose index links are all written. */
  indexed: string;
  /** Links to the log events of one port stream, version n at revision n - 1. */
  stream(portStream: string): string;
  /** One link to the log event with this EventStoreDB id: the idempotency index. */
  eventId(esdbId: string): string;
}

export function ledgerStreamNames(namespace = ''): LedgerStreamNames {
  if (namespace.startsWith('$')) throw new RangeError(`A ledger namespace must not start with $ (a system stream), got ${namespace}`);
  return {
    log: `${namespace}ledger-log`,
    indexed: `${namespace}ledger-indexed`,
    stream: (portStream) => `${namespace}ledger-stream-${portStream}`,
    eventId: (esdbId) => `${namespace}ledger-id-${esdbId}`,
  };
}

/** What a log event carries in its EventStoreDB metadata: the ledger record and the port metadata. */
export type LogEventMetadata = {
  ledger: {
    eventId: string;
    stream: string;
    version: number;
    position: number;
    recordedAt: string;
    hash: string;
  };
  metadata: EventMetadata;
};

/** The log event that stores `recorded`: type and data as they are, the rest in metadata. */
export function toLogEventData(recorded: RecordedEvent): EventData {
  const metadata: LogEventMetadata = {
    ledger: {
      eventId: recorded.eventId,
      stream: recorded.stream,
      version: recorded.version,
      position: recorded.position,
      recordedAt: recorded.recordedAt,
      hash: recorded.hash,
    },
    metadata: recorded.metadata,
  };
  return { id: esdbEventId(recorded.eventId), contentType: 'application/json', type: recorded.type, data: recorded.data, metadata };
}

/** Reads a log event back; throws {@link MalformedLedgerEvent} when it is not one. */
export function fromLogEvent(event: EsdbRecordedEvent): RecordedEvent {
  const fail = (problem: string) => new MalformedLedgerEvent(event.streamId, event.revision, problem);
  if (!event.isJson || !isObject(event.data)) throw fail('its data is not a JSON object');
  const metadata = event.metadata;
  if (!isObject(metadata) || !isObject(metadata.ledger)) throw fail('its metadata has no ledger record');
  if (!isObject(metadata.metadata)) throw fail('its metadata has no port metadata object');
  const ledger = metadata.ledger;
  for (const field of ['eventId', 'stream', 'recordedAt', 'hash'] as const) {
    if (typeof ledger[field] !== 'string') throw fail(`ledger.${field} is not a string`);
  }
  for (const field of ['version', 'position'] as const) {
    const value = ledger[field];
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw fail(`ledger.${field} is not a whole number from 1`);
  }
  const record = ledger as LogEventMetadata['ledger'];
  return {
    eventId: record.eventId,
    type: event.type,
    stream: record.stream,
    version: record.version,
    position: record.position,
    data: event.data as JsonObject,
    metadata: metadata.metadata as EventMetadata,
    recordedAt: record.recordedAt,
    hash: record.hash,
  };
}

/** Where an index link points: the log revision (for EventStoreDB) and the ledger position. */
export interface LinkTarget {
  revision: bigint;
  position: number;
}

/**
 * A link to a log event. EventStoreDB resolves it from its data; the position in its metadata
 * finds the event again should the log's revisions have moved (see the adapter's tamper notes).
 */
export function toLinkEventData(id: string, target: LinkTarget, logStream: string): EventData {
  return {
    id,
    contentType: 'application/octet-stream',
    type: LINK_EVENT_TYPE,
    data: Buffer.from(`${target.revision}@${logStream}`, 'utf8'),
    metadata: { position: target.position },
  };
}

/** The ledger position a link event points at. */
export function linkedPosition(link: EsdbRecordedEvent): number {
  const position = isObject(link.metadata) ? link.metadata.position : undefined;
  if (link.type !== LINK_EVENT_TYPE || typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) {
    throw new MalformedLedgerEvent(link.streamId, link.revision, 'it is not a link with a ledger position');
  }
  return position;
}

/** A watermark event; its id is random, as every watermark write is a new fact. */
export function toIndexedEventData(position: number): EventData {
  return { id: randomUUID(), contentType: 'application/json', type: INDEXED_EVENT_TYPE, data: { position }, metadata: undefined };
}

/** The position an `indexed` watermark event records. */
export function indexedPosition(event: EsdbRecordedEvent): number {
  const position = isObject(event.data) ? event.data.position : undefined;
  if (event.type !== INDEXED_EVENT_TYPE || typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
    throw new MalformedLedgerEvent(event.streamId, event.revision, 'it is not an indexed watermark');
  }
  return position;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Uint8Array);
}
