import type { EventData, RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { chainHash, GENESIS_HASH } from '@app/event-store';
import type { RecordedEvent } from '@app/event-store';
import { MalformedLedgerEvent } from './esdb-event-store.errors';
import {
  LEDGER_ID_NAMESPACE,
  NO_STREAM,
  esdbEventId,
  expectedRevisionAt,
  fromLogEvent,
  indexedPosition,
  ledgerStreamNames,
  linkedPosition,
  revisionOfVersion,
  toIndexedEventData,
  toLinkEventData,
  toLogEventData,
  uuidV5,
  versionOfCurrentRevision,
  versionOfRevision,
} from './esdb-event-store.mapping';

const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

/** What the server hands back for `written`: JSON data and metadata go over the wire as text. */
function asStored(written: EventData, streamId: string, revision: bigint): EsdbRecordedEvent {
  const isJson = written.contentType === 'application/json';
  return {
    streamId,
    id: written.id,
    revision,
    type: written.type,
    created: new Date(),
    isJson,
    data: isJson ? JSON.parse(JSON.stringify(written.data)) : written.data,
    metadata: written.metadata === undefined ? undefined : JSON.parse(JSON.stringify(written.metadata)),
  } as EsdbRecordedEvent;
}

function recordedEvent(overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  const unhashed = {
    eventId: 'e-1',
    type: 'AuditCompleted',
    stream: 'audit-a1',
    version: 2,
    position: 7,
    data: { auditId: 'a1', title: 'Cyfarfod – “Ionawr” 👪', ratio: 0.1, nested: { list: [1, 'two', null, true] } },
    metadata: { correlationId: 'corr-1', transport: { kind: 'kafka' as const, topic: 't', partition: 0, offset: '9' } },
    recordedAt: '2026-01-31T09:15:00.123Z',
    ...overrides,
  };
  return { ...unhashed, hash: chainHash(GENESIS_HASH, unhashed) };
}

describe('UUID v5 derivation', () => {
  it('matches the published v5 example for www.example.com in the DNS namespace', () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
  });

  it('derives the same version 5 UUID for the same name every time, and another for another name', () => {
    const first = uuidV5('e-1', LEDGER_ID_NAMESPACE);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(uuidV5('e-1', LEDGER_ID_NAMESPACE)).toBe(first);
    expect(uuidV5('e-2', LEDGER_ID_NAMESPACE)).not.toBe(first);
  });

  it('rejects a namespace that is not a UUID, naming it', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow('UUID v5 namespace must be a UUID, got not-a-uuid');
  });
});

describe('EventStoreDB event ids', () => {
  it('keeps a port event id that is a canonical lower-case UUID', () => {
    const id = '0a4f5c2e-7d1b-4c3a-9e8f-112233445566';
    expect(esdbEventId(id)).toBe(id);
  });

  it('derives a UUID v5 in the ledger namespace for any other port event id', () => {
    expect(esdbEventId('e-1')).toBe(uuidV5('e-1', LEDGER_ID_NAMESPACE));
  });

  it('gives an upper-case UUID its own id, so ids differing in case never share one', () => {
    const lower = '0a4f5c2e-7d1b-4c3a-9e8f-112233445566';
    expect(esdbEventId(lower.toUpperCase())).not.toBe(lower);
  });
});

describe('versions and revisions', () => {
  it('maps port version n (from 1) to revision n - 1 (from 0) and back', () => {
    expect(revisionOfVersion(1)).toBe(0n);
    expect(revisionOfVersion(42)).toBe(41n);
    expect(versionOfRevision(0n)).toBe(1);
    expect(versionOfRevision(41n)).toBe(42);
  });

  it('refuses a version that is not a whole number from 1', () => {
    expect(() => revisionOfVersion(0)).toThrow('A stream version is a whole number from 1, got 0');
    expect(() => revisionOfVersion(1.5)).toThrow(RangeError);
  });

  it('expects no stream for version 0 and revision n - 1 for version n', () => {
    expect(expectedRevisionAt(0)).toBe(NO_STREAM);
    expect(expectedRevisionAt(1)).toBe(0n);
    expect(expectedRevisionAt(5)).toBe(4n);
  });

  it('reads a reported current revision as the port version, no stream as 0', () => {
    expect(versionOfCurrentRevision(NO_STREAM)).toBe(0);
    expect(versionOfCurrentRevision(-1n)).toBe(0);
    expect(versionOfCurrentRevision(0n)).toBe(1);
    expect(versionOfCurrentRevision(9n)).toBe(10);
  });
});

describe('ledger stream names', () => {
  it('puts the namespace before every stream and keeps port streams apart from the ledger own', () => {
    const names = ledgerStreamNames('t1-');
    expect(names.log).toBe('t1-ledger-log');
    expect(names.indexed).toBe('t1-ledger-indexed');
    expect(names.stream('$all')).toBe('t1-ledger-stream-$all');
    expect(names.eventId('0a4f5c2e-7d1b-4c3a-9e8f-112233445566')).toBe('t1-ledger-id-0a4f5c2e-7d1b-4c3a-9e8f-112233445566');
    expect(ledgerStreamNames().log).toBe('ledger-log');
  });

  it('rejects a namespace that would make system streams', () => {
    expect(() => ledgerStreamNames('$ns-')).toThrow('A ledger namespace must not start with $ (a system stream), got $ns-');
  });
});

describe('log events', () => {
  it('round-trips every field of a recorded event through the EventStoreDB event, so the hash still holds', () => {
    const original = recordedEvent();
    const written = toLogEventData(original);
    expect(written).toMatchObject({ id: esdbEventId('e-1'), type: 'AuditCompleted', contentType: 'application/json', data: original.data });

    const read = fromLogEvent(asStored(written, 'ledger-log', 6n));
    expect(read).toEqual(original);
    expect(chainHash(GENESIS_HASH, read)).toBe(read.hash);
  });

  it('keeps the port event id in the metadata when the EventStoreDB id is derived from it', () => {
    const written = toLogEventData(recordedEvent({ eventId: 'kafka:topic/0/9' }));
    expect(written.id).toBe(uuidV5('kafka:topic/0/9', LEDGER_ID_NAMESPACE));
    expect(fromLogEvent(asStored(written, 'ledger-log', 0n)).eventId).toBe('kafka:topic/0/9');
  });

  it('rejects an event without a ledger record, naming the stream and revision', () => {
    const foreign = asStored(
      { id: '0a4f5c2e-7d1b-4c3a-9e8f-112233445566', contentType: 'application/json', type: 'X', data: {}, metadata: { other: 1 } },
      'ns-ledger-log',
      3n,
    );
    const error = (() => {
      try {
        return fromLogEvent(foreign);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MalformedLedgerEvent);
    expect(error).toMatchObject({ esdbStream: 'ns-ledger-log', revision: 3n, code: 'malformed-ledger-event' });
    expect((error as Error).message).toBe(
      'Event 3 of EventStoreDB stream ns-ledger-log is not a ledger event: its metadata has no ledger record',
    );
  });

  it('rejects a ledger record whose position is not a whole number from 1', () => {
    const written = toLogEventData(recordedEvent());
    const stored = asStored(written, 'ledger-log', 0n);
    (stored.metadata as { ledger: { position: unknown } }).ledger.position = '7';
    expect(() => fromLogEvent(stored)).toThrow('ledger.position is not a whole number from 1');
  });
});

describe('index links and the watermark', () => {
  it('writes a link EventStoreDB resolves (revision@stream) and carries the ledger position for when it does not', () => {
    const link = toLinkEventData('0a4f5c2e-7d1b-4c3a-9e8f-112233445566', { revision: 16n, position: 7 }, 'ns-ledger-log');
    expect(link.type).toBe('$>');
    expect(link.contentType).toBe('application/octet-stream');
    expect(Buffer.from(link.data as Uint8Array).toString('utf8')).toBe('16@ns-ledger-log');
    expect(linkedPosition(asStored(link, 'ns-ledger-stream-s', 0n))).toBe(7);
  });

  it('rejects a link without a position', () => {
    const stored = asStored(toIndexedEventData(3), 'ns-ledger-stream-s', 4n);
    expect(() => linkedPosition(stored)).toThrow(
      'Event 4 of EventStoreDB stream ns-ledger-stream-s is not a ledger event: it is not a link with a ledger position',
    );
  });

  it('reads back the position an indexed watermark records', () => {
    expect(indexedPosition(asStored(toIndexedEventData(1234), 'ns-ledger-indexed', 0n))).toBe(1234);
  });
});
