import { NotFound } from '@app/ddd';
import { boardFactStream, partnersStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { BoardMeetingHeldData } from '../meetings.events';
import { RecordBoardMeetingCommand } from './record-board-meeting.command';

describe('RecordBoardMeetingCommand', () => {
  let bed: GovernanceTestBed;
  const meeting: BoardMeetingHeldData = {
    boardId: BOARD_ID,
    meetingId: 'bm-2025-06',
    heldOn: '2025-06-12',
    attendees: [
      { partnerId: 'cardiff-council', delegate: false },
      { partnerId: 'police-sw', delegate: true },
    ],
    quorate: true,
  };
  const stream = boardFactStream(BOARD_ID, 'meeting', 'bm-2025-06');

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const record = (data: BoardMeetingHeldData) => bed.commands.execute(new RecordBoardMeetingCommand(data, commandContext()));

  it('records a meeting in its own stream', async () => {
    await record(meeting);
    expect(await bed.facts(stream)).toEqual([{ type: 'BoardMeetingHeld', data: meeting }]);
  });

  it('takes the same meeting again as a correction', async () => {
    await record(meeting);
    await record({ ...meeting, quorate: false });
    expect((await bed.facts(stream)).map((fact) => fact.data.quorate)).toEqual([true, false]);
  });

  it('refuses an attendee that was not a partner on the day', async () => {
    await bed.given(partnersStream(BOARD_ID), {
      type: 'PartnerLeft',
      data: { boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-06-11' },
    });
    await expect(record(meeting)).rejects.toMatchObject({
      rule: 'not-a-partner-on-date',
      values: { boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-06-12', role: 'attendee' },
    });
    await expect(record({ ...meeting, attendees: [{ partnerId: 'unknown-agency', delegate: false }] })).rejects.toMatchObject({
      rule: 'not-a-partner-on-date',
    });
    expect(await bed.head()).toBe(2);
  });

  it('counts a partner that leaves on the day of the meeting as a partner that day', async () => {
    await bed.given(partnersStream(BOARD_ID), {
      type: 'PartnerLeft',
      data: { boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-06-12' },
    });
    await expect(record(meeting)).resolves.toMatchObject({ status: 'appended' });
  });

  it('refuses an attendee listed twice, a meeting in the future and one before the board existed', async () => {
    await expect(record({ ...meeting, attendees: [meeting.attendees[0], meeting.attendees[0]] })).rejects.toMatchObject({
      rule: 'attendee-listed-twice',
    });
    await expect(record({ ...meeting, heldOn: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(record({ ...meeting, heldOn: '2015-06-12', attendees: [] })).rejects.toMatchObject({ rule: 'before-board-established' });
  });

  it('refuses a meeting of a board that does not exist', async () => {
    await expect(record({ ...meeting, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
  });
});
