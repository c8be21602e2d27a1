import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { TrainingDeliveredData } from '../training.events';
import { RecordTrainingSessionCommand } from './record-training-session.command';

describe('RecordTrainingSessionCommand', () => {
  let bed: GovernanceTestBed;
  const session: TrainingDeliveredData = {
    boardId: BOARD_ID,
    sessionId: 'tr-1',
    on: '2025-06-18',
    placesOffered: 10,
    attendees: [
      { partnerId: 'police-sw', count: 6 },
      { partnerId: 'cardiff-council', count: 7 },
    ],
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const record = (data: TrainingDeliveredData) => bed.commands.execute(new RecordTrainingSessionCommand(data, commandContext()));

  it('records a session, even one attended by more than the places offered', async () => {
    await record(session);
    expect(await bed.facts(boardFactStream(BOARD_ID, 'training', 'tr-1'))).toEqual([{ type: 'TrainingDelivered', data: session }]);
  });

  it('refuses attendance from an agency that is not a partner on the day', async () => {
    await expect(record({ ...session, attendees: [{ partnerId: 'fire-service', count: 2 }] })).rejects.toMatchObject({
      rule: 'not-a-partner-on-date',
      values: { partnerId: 'fire-service', on: '2025-06-18', role: 'training attendee' },
    });
    expect(await bed.head()).toBe(1);
  });

  it('refuses a partner listed twice and a session in the future', async () => {
    await expect(record({ ...session, attendees: [session.attendees[0], session.attendees[0]] })).rejects.toMatchObject({
      rule: 'attendee-listed-twice',
    });
    await expect(record({ ...session, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
  });
});
