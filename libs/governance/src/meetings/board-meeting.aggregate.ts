import { EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNoRepeats, assertNotBeforeEstablished, assertPartnerOn } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RetractableAggregate } from '../record-retracted.events';
import { BoardMeetingHeld, type BoardMeetingHeldData } from './meetings.events';

/** One board meeting (`board-<boardId>-meeting-<meetingId>`); recording it again corrects it. */
export class BoardMeeting extends EventSourcedAggregate<BoardMeetingHeld | RecordRetracted> implements RetractableAggregate {
  held: BoardMeetingHeldData | null = null;

  constructor(
    readonly boardId: string,
    readonly meetingId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'meeting', this.meetingId);
  }

  record(data: BoardMeetingHeldData, board: BoardView, today: string): void {
    assertHappened('heldOn', data.heldOn, today);
    assertNotBeforeEstablished(board, 'heldOn', data.heldOn);
    assertNoRepeats(
      'attendee-listed-twice',
      'attendees',
      data.attendees.map((attendee) => attendee.partnerId),
    );
    for (const attendee of data.attendees) assertPartnerOn(board, attendee.partnerId, data.heldOn, 'attendee');
    this.apply(new BoardMeetingHeld(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType !== BoardMeetingHeld.type || this.held === null) throw new NotFound(retractedType, businessId);
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onBoardMeetingHeld(event: { data: BoardMeetingHeldData }): void {
    this.held = event.data;
  }

  onRecordRetracted(): void {
    this.held = null;
  }
}
