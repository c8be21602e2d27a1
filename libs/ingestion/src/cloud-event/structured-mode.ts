import type { FieldError } from '../errors/field-error';
import { MalformedCloudEventJson, type SizeLimitExceeded } from '../errors/ingestion.errors';
import { byteLengthOf, checkBatchSize, checkEventSize } from './size-limits';

export type ParsedEvent =
  { ok: true; raw: unknown; byteLength: number } | { ok: false; error: SizeLimitExceeded | MalformedCloudEventJson };
export type ParsedBatch = { ok: true; events: unknown[] } | { ok: false; error: SizeLimitExceeded | MalformedCloudEventJson };

/** The UTF-8 text of bytes, read in place (a Kafka message value is a Buffer already). */
function utf8Of(bytes: Uint8Array): string {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return buffer.toString('utf8');
}

function parseJson(text: string | Uint8Array): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(typeof text === 'string' ? text : utf8Of(text)) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Reads one structured-mode CloudEvent (`application/cloudevents+json`): refuses it unread over
 * 256 KiB, then parses it. The result is still to be validated with `validateCloudEvent`.
 */
export function parseStructuredEvent(payload: string | Uint8Array): ParsedEvent {
  const tooLarge = checkEventSize(payload);
  if (tooLarge !== null) return { ok: false, error: tooLarge };
  const parsed = parseJson(payload);
  if (!parsed.ok) return { ok: false, error: new MalformedCloudEventJson('is not valid JSON') };
  return { ok: true, raw: parsed.value, byteLength: byteLengthOf(payload) };
}

/**
 * Reads a batch (`application/cloudevents-batch+json`, a JSON array): refuses it unread over 5 MiB,
 * then parses it and refuses more than 1,000 events. Each event is still to be validated, in order;
 * pass `jsonByteLengthOf(event)` as its `byteLength` to apply the 256 KiB limit per event.
 */
export function parseBatch(payload: string | Uint8Array): ParsedBatch {
  const tooLarge = checkBatchSize(payload);
  if (tooLarge !== null) return { ok: false, error: tooLarge };
  const parsed = parseJson(payload);
  if (!parsed.ok) return { ok: false, error: new MalformedCloudEventJson('is not valid JSON') };
  if (!Array.isArray(parsed.value)) {
    return { ok: false, error: new MalformedCloudEventJson('must be a JSON array of CloudEvents') };
  }
  const tooMany = checkBatchSize(payload, parsed.value.length);
  if (tooMany !== null) return { ok: false, error: tooMany };
  return { ok: true, events: parsed.value };
}

/** A size or JSON failure as the API's per-field error of the event as a whole. */
export function toFieldError(error: SizeLimitExceeded | MalformedCloudEventJson): FieldError {
  if (error instanceof MalformedCloudEventJson) return { path: '', problem: error.rule };
  return { path: '', problem: `must not exceed ${error.max} ${error.limit === 'batch-events' ? 'events' : 'bytes'}` };
}
