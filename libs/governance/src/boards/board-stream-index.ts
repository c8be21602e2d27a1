import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { boardFactStreamKind, type BoardFactStreamKind } from '../board-streams';

/**
 * Facts whose business key does not name their stream, per type: the key's field and the field of
 * the fact that names the stream (a receipt is in its contribution's stream).
 */
const KEYS_OUTSIDE_STREAM_NAME: Readonly<Record<string, { key: string; parent: string }>> = {
  FundingContributionReceived: { key: 'receiptId', parent: 'contributionId' },
  SubgroupMeetingScheduled: { key: 'meetingId', parent: 'subgroupId' },
  SubgroupMeetingHeld: { key: 'meetingId', parent: 'subgroupId' },
};

/** Where a fact was last recorded: its stream and the id that names it (`contributionId`, `subgroupId`). */
export interface FactLocation {
  stream: string;
  parentId: string;
}

const PAGE = 1000;

/**
 * Which streams a board's facts are in: the streams of each kind (every audit, every action) and,
 * for the facts whose business key is not in their stream's name (a receipt lives in its
 * contribution's stream, a subgroup meeting in its subgroup's), the stream that holds a key.
 *
 * Built by reading the log in global order from the last position it saw, so after the first call
 * each call reads only what is new. It stands in for the governance read models, which are a later
 * issue; the store port can list neither streams nor facts by key.
 */
@Injectable()
export class BoardStreamIndex {
  private position = 0;
  private readonly streamsByKind = new Map<string, Set<string>>();
  private readonly factLocations = new Map<string, FactLocation>();
  private catchingUp: Promise<void> = Promise.resolve();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The board's streams of one kind, e.g. every `board-<boardId>-audit-*`, in order of first event. */
  async streamsOf(boardId: string, kind: BoardFactStreamKind): Promise<string[]> {
    await this.catchUp();
    return [...(this.streamsByKind.get(`${boardId}\u0000${kind}`) ?? [])];
  }

  /** Where a receipt or subgroup meeting with that business id was last recorded, or null. */
  async locateFact(boardId: string, type: string, businessId: string): Promise<FactLocation | null> {
    await this.catchUp();
    return this.factLocations.get(`${boardId}\u0000${type}\u0000${businessId}`) ?? null;
  }

  /**
   * Reads are queued one after the other so that no page is read, or indexed, twice. A failed read
   * fails its callers only; the next call starts again from the last indexed position.
   */
  private catchUp(): Promise<void> {
    const next = this.catchingUp.then(() => this.readNewEvents());
    this.catchingUp = next.catch(() => undefined);
    return next;
  }

  private async readNewEvents(): Promise<void> {
    for (;;) {
      const page = await this.store.readAll({ fromPosition: this.position + 1, limit: PAGE });
      for (const event of page) this.index(event);
      if (page.length > 0) this.position = page[page.length - 1].position;
      if (page.length < PAGE) return;
    }
  }

  private index(event: RecordedEvent): void {
    const boardId = event.data.boardId;
    if (typeof boardId !== 'string') return;
    const kind = boardFactStreamKind(boardId, event.stream);
    if (kind === null) return;
    const byKind = `${boardId}\u0000${kind}`;
    const streams = this.streamsByKind.get(byKind) ?? new Set<string>();
    streams.add(event.stream);
    this.streamsByKind.set(byKind, streams);
    const fields = KEYS_OUTSIDE_STREAM_NAME[event.type];
    if (fields === undefined) return;
    const key = event.data[fields.key];
    const parentId = event.data[fields.parent];
    if (typeof key === 'string' && typeof parentId === 'string') {
      this.factLocations.set(`${boardId}\u0000${event.type}\u0000${key}`, { stream: event.stream, parentId });
    }
  }
}
