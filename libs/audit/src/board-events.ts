import type { RecordedEvent } from '@app/event-store';

/**
 * True when a recorded event belongs to a board: its case events carry the board in their
 * metadata (set at ingestion), board facts name it in their data, and its streams start with
 * `board-<boardId>-` or are its audit trail.
 */
export function belongsToBoard(event: RecordedEvent, boardId: string): boolean {
  return (
    event.metadata.boardId === boardId ||
    (event.data as { boardId?: unknown }).boardId === boardId ||
    event.stream.startsWith(`board-${boardId}-`) ||
    event.stream === `audit-trail-${boardId}`
  );
}
