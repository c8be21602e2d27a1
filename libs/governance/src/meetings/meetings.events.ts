import { DomainEventClass } from '@app/ddd';

export type MeetingAttendee = { partnerId: string; delegate: boolean };

export type BoardMeetingHeldData = {
  boardId: string;
  meetingId: string;
  heldOn: string;
  attendees: MeetingAttendee[];
  quorate: boolean;
};

export class BoardMeetingHeld extends DomainEventClass<'BoardMeetingHeld', BoardMeetingHeldData> {
  static readonly type = 'BoardMeetingHeld';
  readonly type = BoardMeetingHeld.type;
}
