import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

export class MeetingAttendeeRequest {
  @ApiProperty({ example: 'police-sw', description: 'A partner of the board on the day of the meeting' })
  partnerId!: string;

  @ApiProperty({ example: false, description: 'True when the partner sent a delegate' })
  delegate!: boolean;
}

/** The `BoardMeetingHeld` data without `boardId`. Recording a meeting id again corrects it. */
export class RecordBoardMeetingRequest {
  @ApiProperty({ example: 'bm-2025-06' })
  meetingId!: string;

  @ApiProperty({ example: '2025-06-12', description: 'YYYY-MM-DD, not after today' })
  heldOn!: string;

  @ApiProperty({ type: [MeetingAttendeeRequest] })
  attendees!: MeetingAttendeeRequest[];

  @ApiProperty({ example: true })
  quorate!: boolean;
}

export const RECORD_BOARD_MEETING_EXAMPLE = {
  meetingId: 'bm-2025-06',
  heldOn: '2025-06-12',
  attendees: [
    { partnerId: 'cardiff-council', delegate: false },
    { partnerId: 'police-sw', delegate: true },
  ],
  quorate: true,
};

export class BoardMeetingRecorded extends RecordedFact {
  @ApiProperty({ example: 'bm-2025-06' })
  meetingId!: string;
}
