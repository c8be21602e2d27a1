import type { RecordedEvent } from '@app/event-store';

/**
 * A read model built from the log. The engine feeds it events in global order; `apply` must
 * write the batch's effects AND the new checkpoint in one transaction, so a crash between
 * batches never applies an event twice and never skips one.
 */
export interface Projection {
  /** Stable name, used in status, rebuild jobs and the checkpoint table. */
  readonly name: string;
  /** The position of the last event applied (0 when none). */
  checkpoint(): Promise<number>;
  /** Applies events (ascending, contiguous after the checkpoint) and advances the checkpoint, atomically. */
  apply(events: readonly RecordedEvent[]): Promise<void>;
  /** Empties the read model and sets the checkpoint to 0, ready for a rebuild from position 1. */
  reset(): Promise<void>;
  /** Called once a rebuild has caught up (e.g. to create indexes dropped for speed). */
  rebuilt?(): Promise<void>;
}

export type ProjectionState = 'stopped' | 'catching-up' | 'live' | 'rebuilding' | 'failed';

export interface ProjectionStatus {
  name: string;
  /** Last applied position. */
  position: number;
  /** The store's head position when the status was read. */
  head: number;
  /** Events recorded but not yet applied. */
  lag: number;
  state: ProjectionState;
  error: string | null;
}

export interface RebuildProgress {
  applied: number;
  total: number;
  eventsPerSecond: number;
  elapsedMs: number;
}
