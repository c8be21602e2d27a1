import { MalformedCloudEventJson, SizeLimitExceeded } from '../errors/ingestion.errors';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES, checkBatchSize, checkEventSize, jsonByteLengthOf } from './size-limits';
import { parseBatch, parseStructuredEvent, toFieldError } from './structured-mode';

describe('size limits', () => {
  it('are those of events.md', () => {
    expect([MAX_EVENT_BYTES, MAX_BATCH_EVENTS, MAX_BATCH_BYTES]).toEqual([262_144, 1_000, 5_242_880]);
  });

  it('allow an event of exactly 256 KiB and refuse one byte more', () => {
    expect(checkEventSize(Buffer.alloc(MAX_EVENT_BYTES))).toBeNull();
    const exceeded = checkEventSize(Buffer.alloc(MAX_EVENT_BYTES + 1));
    expect(exceeded).toBeInstanceOf(SizeLimitExceeded);
    expect(exceeded).toMatchObject({ limit: 'event-bytes', actual: MAX_EVENT_BYTES + 1, max: MAX_EVENT_BYTES });
  });

  it('count UTF-8 bytes, not characters', () => {
    const text = 'é'.repeat(MAX_EVENT_BYTES / 2 + 1);
    expect(checkEventSize(text)).toMatchObject({ limit: 'event-bytes', actual: MAX_EVENT_BYTES + 2 });
    expect(jsonByteLengthOf({ a: 'é' })).toBe(Buffer.byteLength('{"a":"é"}'));
  });

  it('refuse a batch over 5 MiB or over 1,000 events', () => {
    expect(checkBatchSize(Buffer.alloc(MAX_BATCH_BYTES))).toBeNull();
    expect(checkBatchSize(Buffer.alloc(MAX_BATCH_BYTES + 1))).toMatchObject({ limit: 'batch-bytes' });
    expect(checkBatchSize('[]', 1_000)).toBeNull();
    expect(checkBatchSize('[]', 1_001)).toMatchObject({ limit: 'batch-events', actual: 1_001, max: 1_000 });
  });
});

describe('reading structured payloads', () => {
  it('parses one event and measures it', () => {
    expect(parseStructuredEvent('{"id":"x"}')).toEqual({ ok: true, raw: { id: 'x' }, byteLength: 10 });
  });

  it('reports malformed JSON without the parser message, which quotes the input', () => {
    const parsed = parseStructuredEvent('{"childId": LA-77120}');
    expect(parsed).toEqual({ ok: false, error: expect.any(MalformedCloudEventJson) });
    if (!parsed.ok) {
      expect(parsed.error.message).not.toContain('LA-77120');
      expect(toFieldError(parsed.error)).toEqual({ path: '', problem: 'is not valid JSON' });
    }
  });

  it('parses a batch and refuses one that is not an array or holds too many events', () => {
    expect(parseBatch('[{"id":"a"},{"id":"b"}]')).toEqual({ ok: true, events: [{ id: 'a' }, { id: 'b' }] });
    expect(parseBatch('{"id":"a"}')).toMatchObject({ ok: false, error: { rule: 'must be a JSON array of CloudEvents' } });
    const tooMany = parseBatch(JSON.stringify(Array.from({ length: 1_001 }, () => ({}))));
    expect(tooMany).toMatchObject({ ok: false, error: { limit: 'batch-events', actual: 1_001 } });
    if (!tooMany.ok) expect(toFieldError(tooMany.error)).toEqual({ path: '', problem: 'must not exceed 1000 events' });
    expect(parseBatch(Buffer.alloc(MAX_BATCH_BYTES + 1, 0x20))).toMatchObject({ ok: false, error: { limit: 'batch-bytes' } });
  });
});
