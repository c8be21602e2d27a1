import type { JsonObject } from '@app/event-store';

/**
 * A business fact as metrics see it: the latest version of one `(type, businessKey)` in its
 * scope (a correction replaces the earlier version; a retracted fact is absent). Built by the
 * projections from the log; metrics are pure functions of facts.
 */
export interface Fact<D extends JsonObject = JsonObject> {
  /** Event name, e.g. `ChildProtectionPlanStarted`. */
  type: string;
  /** Business key per events.md (composite keys joined with `/`). */
  key: string;
  /** The event's `data`, child identifiers already pseudonymised. */
  data: D;
  /** Global position of the event that recorded this version (lineage). */
  position: number;
  /** Positions of every version of this fact up to this one, oldest first (corrections). */
  positions: number[];
  /** CloudEvent `source` of the latest version (DQ-SEQUENCE breaks flags down by source). */
  source: string;
}

/** Every current case fact that names one child (pseudonymised key), for one board. */
export interface ChildCaseFacts {
  boardId: string;
  childKey: string;
  facts: Fact[];
}

/** Every current board fact of one board. */
export interface BoardFacts {
  boardId: string;
  facts: Fact[];
}

/** Board-level settings that definitions take (metrics.md: defaults are Welsh). */
export interface BoardSettings {
  /** CIN-ASSESS-TIMELY clock: Wales 42 working days (default), England 45. */
  assessmentTimescale: 'wales' | 'england';
}

export const DEFAULT_BOARD_SETTINGS: BoardSettings = { assessmentTimescale: 'wales' };
