import { v5 as uuidV5 } from 'uuid';

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
  return uuidV5(JSON.stringify([source, id]), CLOUD_EVENT_ID_NAMESPACE);
}
