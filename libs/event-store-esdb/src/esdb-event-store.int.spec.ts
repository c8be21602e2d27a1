import { randomUUID } from 'node:crypto';
import { chainHash, GENESIS_HASH } from '@app/event-store';
import type { JsonObject, NewEvent } from '@app/event-store';
import { describeEventStoreContract } from '@app/event-store/testing/event-store.contract';
import type { EsdbEventStore, EsdbEventStoreOptions } from './esdb-event-store';
import type { LogEventMetadata } from './esdb-event-store.mapping';

// The client (and its generated gRPC code) is only loaded when there is a server to talk to.
const connectionString = process.env.EVENTSTOREDB_URL;
const skipReason = connectionString ? undefined : 'EVENTSTOREDB_URL is not set: no EventStoreDB/KurrentDB server to run against';
const describeWithServer = connectionString ? describe : describe.skip;

/** Every stream of a test's ledger starts with this, so tests on one server never meet. */
const newNamespace = () => `t${randomUUID().replace(/-/g, '').slice(0, 12)}-`;

async function openLedger(namespace: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
  const { EsdbEventStore } = await import('./esdb-event-store');
  return EsdbEventStore.connect({ connectionString: connectionString!, namespace, ...options });
}

async function adminClient() {
  const { EventStoreDBClient } = await import('@eventstore/db-client');
  return EventStoreDBClient.connectionString(connectionString!);
}

/**
 * What an operator with admin rights can do to an immutable EventStoreDB log: hide all of it
 * with truncate-before (`$tb`) and append a rewritten copy behind it, here with the data of the
 * event at `editPosition` changed (null: an exact copy).
 */
async function rewriteLog(namespace: string, editPosition: number | null): Promise<void> {
  const { jsonEvent } = await import('@eventstore/db-client');
  const { ledgerStreamNames } = await import('./esdb-event-store.mapping');
  const log = ledgerStreamNames(namespace).log;
  const admin = await adminClient();
  try {
    const events = [];
    for await (const resolved of admin.readStream(log)) if (resolved.event) events.push(resolved.event);
    const last = events[events.length - 1].revision;
    await admin.setStreamMetadata(log, { truncateBefore: Number(last + 1n) });
    const forged = events.map((event) => {
      const metadata = event.metadata as LogEventMetadata;
      const data = event.data as JsonObject;
      return jsonEvent({ type: event.type, data: metadata.ledger.position === editPosition ? { ...data, tampered: 1 } : data, metadata });
    });
    await admin.appendToStream(log, forged, { expectedRevision: last });
  } finally {
    await admin.dispose();
  }
}

describeEventStoreContract(
  'EsdbEventStore',
  async () => {
    const namespace = newNamespace();
    const store = await openLedger(namespace);
    const others: EsdbEventStore[] = [];
    return {
      store,
      openAnother: async (options) => {
        const other = await openLedger(namespace, options);
        others.push(other);
        return other;
      },
      tamper: (position) => rewriteLog(namespace, position),
      dispose: async () => {
        await Promise.all(others.map((other) => other.close()));
        await store.close();
      },
    };
  },
  { skipReason },
);

describeWithServer('EsdbEventStore on EventStoreDB', () => {
  const event = (type: string, eventId?: string): NewEvent => ({ eventId, type, data: { type }, metadata: { source: 'urn:test' } });
  let namespace: string;
  let store: EsdbEventStore;

  beforeEach(async () => {
    namespace = newNamespace();
    store = await openLedger(namespace, { indexTakeoverMs: 100 });
  });
  afterEach(async () => {
    await store.close();
  });

  it('still reads streams, finds duplicates and appends after an admin truncated and rewrote the log', async () => {
    await store.append('s', [event('A', 'e-1'), event('B')]);
    await store.append('t', [event('C')]);
    await rewriteLog(namespace, null);

    expect((await store.readStream('s')).map((e) => [e.type, e.version, e.position])).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
    ]);
    expect((await store.append('s', [event('A', 'e-1')])).events[0]).toMatchObject({ status: 'duplicate', position: 1 });
    expect((await store.append('s', [event('D')])).events[0]).toMatchObject({ status: 'appended', position: 4, version: 3 });
    expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2, 3, 4]);
    expect(await store.verify()).toEqual({ ok: true, checked: 4, firstBrokenPosition: null });
  });

  it('indexes an append whose writer died after committing it and before indexing it', async () => {
    const { toLogEventData, ledgerStreamNames } = await import('./esdb-event-store.mapping');
    const unhashed = {
      eventId: 'dead-writer-1',
      type: 'A',
      stream: 's',
      version: 1,
      position: 1,
      data: { n: 1 },
      metadata: {},
      recordedAt: new Date().toISOString(),
    };
    const admin = await adminClient();
    try {
      const { NO_STREAM } = await import('@eventstore/db-client');
      await admin.appendToStream(
        ledgerStreamNames(namespace).log,
        toLogEventData({ ...unhashed, hash: chainHash(GENESIS_HASH, unhashed) }),
        {
          expectedRevision: NO_STREAM,
        },
      );
    } finally {
      await admin.dispose();
    }

    expect((await store.readStream('s')).map((e) => e.eventId)).toEqual(['dead-writer-1']);
    await expect(store.append('s', [event('B')], { expectedVersion: 0 })).rejects.toMatchObject({ stream: 's', expected: 0, actual: 1 });
    expect((await store.append('s', [event('B')], { expectedVersion: 1 })).events[0]).toMatchObject({ position: 2, version: 2 });
  });

  it('stores a port event id that is not a UUID under its UUID v5 and reads the port id back', async () => {
    const { esdbEventId, ledgerStreamNames } = await import('./esdb-event-store.mapping');
    await store.append('s', [event('A', 'kafka:ingest/0/42')]);
    const admin = await adminClient();
    try {
      const [stored] = await (async () => {
        const events = [];
        for await (const resolved of admin.readStream(ledgerStreamNames(namespace).log)) events.push(resolved.event!);
        return events;
      })();
      expect(stored.id).toBe(esdbEventId('kafka:ingest/0/42'));
      expect((stored.metadata as LogEventMetadata).ledger.eventId).toBe('kafka:ingest/0/42');
    } finally {
      await admin.dispose();
    }
    expect((await store.readStream('s'))[0].eventId).toBe('kafka:ingest/0/42');
  });
});
