import { SizeLimitExceeded } from '../errors/ingestion.errors';

/** An event over this many bytes (256 KiB) is rejected. */
export const MAX_EVENT_BYTES = 256 * 1024;
/** A batch of more events than this is rejected. */
export const MAX_BATCH_EVENTS = 1_000;
/** A batch over this many bytes (5 MiB) is rejected. */
export const MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** Size in bytes of a payload as received: UTF-8 bytes of a string, or the bytes themselves. */
export function byteLengthOf(raw: string | Uint8Array): number {
  return typeof raw === 'string' ? Buffer.byteLength(raw, 'utf8') : raw.byteLength;
}

/** Size in bytes of an already parsed event, as compact JSON (an event inside a batch). */
export function jsonByteLengthOf(event: unknown): number {
  return Buffer.byteLength(JSON.stringify(event) ?? '', 'utf8');
}

/** The limit one event's payload breaks (over 256 KiB), or `null`. Returned, not thrown, for the caller to map. */
export function checkEventSize(raw: string | Uint8Array): SizeLimitExceeded | null {
  const bytes = byteLengthOf(raw);
  return bytes > MAX_EVENT_BYTES ? new SizeLimitExceeded('event-bytes', bytes, MAX_EVENT_BYTES) : null;
}

/**
 * The limit a batch breaks, or `null`: over 5 MiB (checked first, before anyone parses it) or,
 * when `eventCount` is given, over 1,000 events.
 */
export function checkBatchSize(raw: string | Uint8Array, eventCount?: number): SizeLimitExceeded | null {
  const bytes = byteLengthOf(raw);
  if (bytes > MAX_BATCH_BYTES) return new SizeLimitExceeded('batch-bytes', bytes, MAX_BATCH_BYTES);
  if (eventCount !== undefined && eventCount > MAX_BATCH_EVENTS) {
    return new SizeLimitExceeded('batch-events', eventCount, MAX_BATCH_EVENTS);
  }
  return null;
}
