import type { Transport } from '@app/event-store';

/**
 * Who and what caused a command, carried onto every event it produces: the lineage that lets a
 * metric be traced to its source message.
 */
export interface CommandContext {
  correlationId: string;
  causationId?: string;
  /** CloudEvent `source` and `id` when the command came from a CloudEvent. */
  source?: string;
  sourceEventId?: string;
  /**
   * The event id to store the (single) resulting event under: derived from the CloudEvent
   * `(source, id)` so that a redelivered message is an idempotent duplicate.
   */
  eventId?: string;
  transport: Transport;
}
