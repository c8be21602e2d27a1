import type { EventName } from '@app/ingestion';
import { MINUTES_PER_DAY, type DemoProcess, type DemoScheduler, type DemoSender } from './demo-scheduler';
import type { SeededRandom } from './seeded-random';

/** How a sending system records facts: its working hours and reporting delays. */
export interface RecordingPolicy {
  /** First and last minute of the day (UTC) a fact is typically keyed in. */
  readonly firstMinute: number;
  readonly lastMinute: number;
  /** Whole days from the day a fact happened to the day it is recorded, with weights. */
  readonly delayDays: readonly (readonly [number, number])[];
  /** Chance that a fact that may be late is recorded long after it happened. */
  readonly lateChance: number;
  readonly lateDays: readonly [number, number];
}

export interface RecordOptions {
  /** The fact may be one of the late records. */
  mayBeLate?: boolean;
  /** Record strictly after this minute key (a fact that relies on an earlier one of the same process). */
  after?: number;
}

/**
 * Records the facts of one sending system (a local authority's case system or a board) on the
 * scheduler, with that system's own random stream, so its content does not depend on others.
 */
export class DemoRecorder {
  constructor(
    readonly scheduler: DemoScheduler,
    readonly sender: DemoSender,
    readonly rng: SeededRandom,
    private readonly policy: RecordingPolicy,
  ) {}

  /** Today in the simulation (a day number). */
  get today(): number {
    return this.scheduler.today;
  }

  spawn(process: DemoProcess): void {
    this.scheduler.spawn(process);
  }

  /** Records a fact that happened today; returns the minute key it is recorded at. */
  record(name: EventName, data: Record<string, unknown>, options: RecordOptions = {}): number {
    const { rng, policy } = this;
    const late = options.mayBeLate === true && rng.chance(policy.lateChance);
    const days = late ? rng.int(policy.lateDays[0], policy.lateDays[1]) : rng.weighted(policy.delayDays);
    let key = (this.today + days) * MINUTES_PER_DAY + rng.int(policy.firstMinute, policy.lastMinute);
    if (options.after !== undefined && key <= options.after) key = options.after + 1 + rng.int(0, 90);
    return this.scheduler.enqueue(this.sender, name, data, key);
  }

  /** Queues an event at a later minute: a correction or a retraction of a fact recorded at `recordedAt`. */
  recordLater(name: EventName, data: Record<string, unknown>, recordedAt: number, minDays: number, maxDays: number): number {
    const days = this.rng.int(minDays, maxDays);
    const key = recordedAt + days * MINUTES_PER_DAY + this.rng.int(1, 240);
    return this.scheduler.enqueue(this.sender, name, data, Math.max(key, recordedAt + 1));
  }
}

/** A process that wakes on each of the given days, in order, and runs that day's step. */
export function* agenda(steps: readonly { day: number; run: () => void }[]): Generator<number, void, void> {
  const ordered = [...steps].sort((a, b) => a.day - b.day);
  for (const step of ordered) {
    yield step.day;
    step.run();
  }
}
