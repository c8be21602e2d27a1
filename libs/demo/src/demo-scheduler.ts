import type { EventName } from '@app/ingestion';
import { eventTypeOf } from '@app/ingestion/cloud-event/event-type';
import { dateOfDay } from './demo-days';

/** A structured-mode CloudEvent 1.0 as the demo writes it (events.md). */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

/**
 * A simulated process (a child's referral, a plan, an audit and its actions ...): a generator that
 * records what happens on a day and then yields the day number it next wakes on.
 */
export type DemoProcess = Iterator<number, void, void>;

/** A sending system: the CloudEvent `source` and its own id sequence. */
export interface DemoSender {
  readonly source: string;
  readonly idPrefix: string;
  sent: number;
}

export const MINUTES_PER_DAY = 1440;

interface Entry {
  /** Minutes since 1970-01-01T00:00Z: when the event is recorded, or the start of the day a process wakes. */
  key: number;
  seq: number;
  process: DemoProcess | null;
  sender: DemoSender | null;
  name: EventName | null;
  data: Record<string, unknown> | null;
}

/**
 * The demo's clock: a priority queue of recorded events and sleeping processes, ordered by
 * recorded minute and then by insertion. Everything pushed is at or after the entry being run, so
 * events come out in recorded-time order while only the pending ones are held.
 */
export class DemoScheduler {
  private readonly heap: Entry[] = [];
  private seq = 0;
  private clock = -Infinity;

  /** @param lastDay the last day anything may happen or be recorded on (the demo's "today"). */
  constructor(readonly lastDay: number) {}

  /** The latest minute an event may be recorded at: 22:59 on the last day. */
  get lastKey(): number {
    return this.lastDay * MINUTES_PER_DAY + 22 * 60 + 59;
  }

  /** The day being simulated. */
  get today(): number {
    return Math.floor(this.clock / MINUTES_PER_DAY);
  }

  /** Starts a process: it runs from its first yielded day. */
  spawn(process: DemoProcess): void {
    const step = process.next();
    if (step.done !== true) this.wake(process, step.value);
  }

  /** Queues an event recorded at `key` (clamped to the current minute and the last minute). */
  enqueue(sender: DemoSender, name: EventName, data: Record<string, unknown>, key: number): number {
    const at = Math.min(Math.max(key, this.clock), this.lastKey);
    this.push({ key: at, seq: this.seq++, process: null, sender, name, data });
    return at;
  }

  *run(): Generator<CloudEvent, void, void> {
    while (this.heap.length > 0) {
      const entry = this.pop();
      this.clock = entry.key;
      if (entry.process !== null) {
        const step = entry.process.next();
        if (step.done !== true) this.wake(entry.process, step.value);
        continue;
      }
      const sender = entry.sender as DemoSender;
      sender.sent += 1;
      yield {
        specversion: '1.0',
        id: `${sender.idPrefix}${String(sender.sent).padStart(7, '0')}`,
        source: sender.source,
        type: eventTypeOf(entry.name as EventName),
        time: instantOf(entry.key),
        datacontenttype: 'application/json',
        data: entry.data as Record<string, unknown>,
      };
    }
  }

  private wake(process: DemoProcess, day: number): void {
    if (day > this.lastDay) return;
    const key = Math.max(day * MINUTES_PER_DAY, this.clock);
    this.push({ key, seq: this.seq++, process, sender: null, name: null, data: null });
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    let i = heap.length;
    heap.push(entry);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(entry, heap[parent])) break;
      heap[i] = heap[parent];
      i = parent;
    }
    heap[i] = entry;
  }

  private pop(): Entry {
    const heap = this.heap;
    const top = heap[0];
    const last = heap.pop() as Entry;
    const n = heap.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= n) break;
        const right = left + 1;
        const child = right < n && before(heap[right], heap[left]) ? right : left;
        if (!before(heap[child], last)) break;
        heap[i] = heap[child];
        i = child;
      }
      heap[i] = last;
    }
    return top;
  }
}

function before(a: Entry, b: Entry): boolean {
  return a.key < b.key || (a.key === b.key && a.seq < b.seq);
}

const TIMES_OF_DAY = Array.from({ length: MINUTES_PER_DAY }, (_, minute) => {
  const hh = String(Math.floor(minute / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `T${hh}:${mm}:00Z`;
});

/** RFC 3339 UTC instant of a minute key, e.g. `2025-06-20T10:30:00Z`. */
export function instantOf(key: number): string {
  const day = Math.floor(key / MINUTES_PER_DAY);
  return dateOfDay(day) + TIMES_OF_DAY[key - day * MINUTES_PER_DAY];
}
