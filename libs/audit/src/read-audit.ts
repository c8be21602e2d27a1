import { Inject, Injectable } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';

/** Who read child-level data, of which board, what exactly, and when. */
export interface ChildLevelRead {
  who: string;
  boardId: string;
  what: string;
  requestId: string;
}

/**
 * Records every read of child-level data (lineage, raw events) in the log itself, before the
 * data is returned: if the record cannot be appended, the read fails. The trail is therefore as
 * tamper-evident as everything else.
 */
@Injectable()
export class ReadAudit {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async record(read: ChildLevelRead, at = new Date()): Promise<void> {
    await this.store.append(`audit-trail-${read.boardId}`, [
      {
        type: 'ChildLevelDataRead',
        data: { who: read.who, boardId: read.boardId, what: read.what, at: at.toISOString() },
        metadata: { correlationId: read.requestId, causationId: read.requestId, transport: { kind: 'http', requestId: read.requestId } },
      },
    ]);
  }
}
