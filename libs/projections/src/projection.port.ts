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
  /**
   * Applies events (ascending, contiguous after the checkpoint) and advances the checkpoint, atomically.
   * @throws RebuildUnderway when another process is rebuilding the read model: nothing is written.
   */
  apply(events: readonly RecordedEvent[]): Promise<void>;
  /**
   * Empties the read model and sets the checkpoint to 0, ready for a rebuild from position 1. A
   * read model shared by several processes also records, in the same transaction, that a rebuild
   * is underway (see `rebuildUnderway`), until `rebuilt`.
   */
  reset(): Promise<void>;
  /** Called once a rebuild has caught up (e.g. to create indexes dropped for speed). */
  rebuilt?(): Promise<void>;
  /**
   * The rebuild recorded by `reset` and not yet finished by `rebuilt`, whichever process runs it;
   * null when there is none. `abandoned` when its process has written nothing for
   * `REBUILD_ABANDONED_AFTER_MS` (it stopped or crashed), so that another may carry it on.
   */
  rebuildUnderway?(): Promise<RebuildUnderwayState | null>;
  /**
   * Takes over an abandoned rebuild: from now on this instance applies in rebuild mode, from the
   * stored checkpoint, until `rebuilt`. False, and nothing changed, when the rebuild is not
   * abandoned (its process is still at work, or another took it over first) or is finished.
   */
  resumeRebuild?(): Promise<boolean>;
}

export interface RebuildUnderwayState {
  /** When the rebuild started (`reset`). */
  since: Date;
  /** Its process has written no batch for `REBUILD_ABANDONED_AFTER_MS`, or it is this instance's own. */
  abandoned: boolean;
}

/**
 * How long a rebuild may go without writing a batch before another process may take it over. A
 * batch takes well under a second; the longest step without one is `rebuilt` (indexes and daily
 * totals), which holds the read model's write lock, so that no takeover can start meanwhile.
 */
export const REBUILD_ABANDONED_AFTER_MS = 60_000;

/** Thrown by `apply` when another process is rebuilding the read model: nothing was written. */
export class RebuildUnderway extends Error {
  constructor(
    readonly projection: string,
    readonly since: Date,
  ) {
    super(
      `the ${projection} projection is being rebuilt by another process (since ${since.toISOString()}): no batch is applied until it finishes`,
    );
    this.name = 'RebuildUnderway';
  }
}

export type ProjectionState = 'stopped' | 'catching-up' | 'live' | 'rebuilding' | 'waiting-for-rebuild' | 'failed';

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
