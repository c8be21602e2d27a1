import { hash } from 'node:crypto';

/**
 * The project's UUID v5 namespace for ingested CloudEvents. Fixed for the life of the log: event
 * ids already stored were derived with it, so changing it would let every redelivered message in.
 */
export const CLOUD_EVENT_ID_NAMESPACE = '3f0b6c52-7d1e-4c8a-9a51-2e6f4b8d9c17';

/**
 * The store's event id for the CloudEvent `(source, id)`: a UUID v5 of both in
 * {@link CLOUD_EVENT_ID_NAMESPACE}. The same pair always gives the same id, so the store's
 * event-id idempotency accepts each `(source, id)` exactly once (a retry is a duplicate, other
 * content a conflict). The pair is encoded as a JSON array, so no two pairs share a name
 * (`("a:b", "c")` and `("a", "b:c")` differ).
 */
export function eventIdFor(source: string, id: string): string {
  return uuidV5(JSON.stringify([source, id]));
}

const NAMESPACE_BYTES = Buffer.from(CLOUD_EVENT_ID_NAMESPACE.replace(/-/g, ''), 'hex');
/** The namespace followed by room for a name, the name written in place for each id (synchronously, so never shared). */
let nameBuffer = Buffer.alloc(0);

/**
 * RFC 9562 UUID version 5 (SHA-1 of namespace and name) in the project namespace, computed
 * directly on node:crypto's one-shot hash: it runs once per ingested event, where a
 * general-purpose UUID library's parsing and formatting, or a Hash object per id, cost more
 * than the hash itself.
 */
function uuidV5(name: string): string {
  // A UTF-16 code unit takes at most 3 bytes in UTF-8.
  if (nameBuffer.length < NAMESPACE_BYTES.length + 3 * name.length) {
    nameBuffer = Buffer.alloc(NAMESPACE_BYTES.length + Math.max(3 * name.length, 1024));
    NAMESPACE_BYTES.copy(nameBuffer);
  }
  const length = NAMESPACE_BYTES.length + nameBuffer.write(name, NAMESPACE_BYTES.length, 'utf8');
  const digest = hash('sha1', nameBuffer.subarray(0, length), 'buffer');
  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;
  const hex = digest.toString('hex', 0, 16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
