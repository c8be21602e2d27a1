import fc from 'fast-check';
import { GENESIS_HASH, InvalidAppend, chainHash, type NewEvent, type RecordedEvent } from '@app/event-store';
import { PostgresEventStore } from './postgres-event-store';
import { dropSchema, testDatabaseUrl, uniqueSchemaName } from './testing/postgres-test-database';

/** Every stored hash (computed by `append_events` in SQL) must equal `chainHash` computed here. */
function expectHashesMatchChainHash(events: RecordedEvent[], previous = GENESIS_HASH): void {
  let previousHash = previous;
  for (const event of events) {
    expect({ position: event.position, hash: event.hash }).toEqual({ position: event.position, hash: chainHash(previousHash, event) });
    previousHash = event.hash;
  }
}

async function readEverything(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const events: RecordedEvent[] = [];
  for (;;) {
    const batch = await store.readAll({ fromPosition: events.length + 1, limit: 1_000 });
    events.push(...batch);
    if (batch.length < 1_000) return events;
  }
}

const CONTROL_CHARACTERS = Array.from({ length: 31 }, (_, i) => String.fromCharCode(i + 1)).join('');
/** Storable by PostgreSQL: no U+0000 and no unpaired surrogate (the adapter refuses those). */
const storable = (text: string) =>
  !text.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
const storableValue = (value: unknown): boolean => {
  if (typeof value === 'string') return storable(value);
  if (Array.isArray(value)) return value.every(storableValue);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).every(([key, member]) => storable(key) && storableValue(member));
  return true;
};

describe('PostgresEventStore hashes in SQL exactly as chainHash does in JavaScript', () => {
  let schema: string;
  let store: PostgresEventStore;

  beforeEach(async () => {
    schema = uniqueSchemaName('hash');
    store = await PostgresEventStore.connect({ connectionString: testDatabaseUrl(), schema });
  });
  afterEach(async () => {
    await store.close();
    await dropSchema(schema);
  });

  it('gives the same hash for strings with quotes, backslashes, control characters, emoji and non-ASCII text', async () => {
    const awkward = `quote " backslash \\ slash / ${CONTROL_CHARACTERS} del \u007f seps \u2028\u2029 emoji 👪🏴󠁧󠁢󠁷󠁬󠁳󠁿 Cymraeg ŵŷ 日本語 ﬀ`;
    const events: NewEvent[] = [
      {
        eventId: `id ${awkward}`,
        type: `Type ${awkward}`,
        data: {
          [awkward]: awkward,
          nested: { list: [awkward, 1, -0, 0.1, 1e21, 1e-7, 2 ** 53, -1.5e-300, true, false, null], empty: {}, none: [] },
          'e\u0301': 'decomposed',
          '\u00e9': 'precomposed',
          Z: 'upper sorts before lower',
          a: 'lower',
        },
        metadata: { correlationId: awkward, transport: { kind: 'http', requestId: `"${awkward}"` } },
      },
      { type: 'Plain', data: { n: 1 } },
    ];
    await store.append(`stream ${awkward}`, events);
    await store.append('other', [{ type: 'After', data: { text: '\\"\\u0000 as text, not a NUL' } }]);

    const stored = await readEverything(store);
    expect(stored).toHaveLength(3);
    expect(stored[0].stream).toBe(`stream ${awkward}`);
    expect(stored[0].data[awkward]).toBe(awkward);
    expectHashesMatchChainHash(stored);
    expect(await store.verify()).toEqual({ ok: true, checked: 3, firstBrokenPosition: null });
  });

  it('gives the same hash for arbitrary JSON data, metadata, streams and types', async () => {
    const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 12 }).filter(storable);
    const json = fc.jsonValue({ stringUnit: 'binary', maxDepth: 3 }).filter(storableValue);
    const object = fc.dictionary(fc.string({ unit: 'binary', maxLength: 8 }).filter(storable), json, { maxKeys: 5 });
    const newEvent = fc.record({ type: text, data: object, metadata: object });
    let appended = 0;
    await fc.assert(
      fc.asyncProperty(text, fc.array(newEvent, { minLength: 1, maxLength: 3 }), async (stream, events) => {
        await store.append(stream, events);
        appended += events.length;
      }),
      { numRuns: 150 },
    );
    const stored = await readEverything(store);
    expect(stored).toHaveLength(appended);
    expectHashesMatchChainHash(stored);
    expect((await store.verify()).ok).toBe(true);
  });

  it('chains the hashes of a group commit across its appends', async () => {
    await store.append('first', [{ type: 'A', data: { n: 1 } }]);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.append(`s-${i}`, [
          { type: 'B', data: { i } },
          { type: 'C', data: { i } },
        ]),
      ),
    );
    await store.appendMany([
      { stream: 'm1', events: [{ type: 'D', data: {} }] },
      { stream: 'm2', events: [{ type: 'E', data: { ü: '€' } }] },
    ]);
    const stored = await readEverything(store);
    expect(stored.map((e) => e.position)).toEqual(Array.from({ length: 43 }, (_, i) => i + 1));
    expectHashesMatchChainHash(stored);
  });

  it('refuses, as an invalid append, text PostgreSQL cannot store: U+0000 and unpaired surrogates', async () => {
    await expect(store.append('s', [{ type: 'A', data: { text: 'nul \u0000 inside' } }])).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.append('s', [{ type: 'A', data: { text: 'lone \ud800 surrogate' } }])).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.append('s\u0000', [{ type: 'A', data: {} }])).rejects.toBeInstanceOf(InvalidAppend);
    await expect(store.append('s', [{ type: 'A\udc00', data: {} }])).rejects.toBeInstanceOf(InvalidAppend);
    const outcomes = await store.appendMany([
      { stream: 'ok', events: [{ type: 'A', data: {} }] },
      { stream: 'bad', events: [{ type: 'A', data: { text: '\u0000' } }] },
    ]);
    expect(outcomes.map((o) => o.ok)).toEqual([true, false]);
    expect(await store.headPosition()).toBe(1);
  });
});
