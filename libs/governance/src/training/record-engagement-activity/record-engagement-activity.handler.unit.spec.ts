import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { EngagementActivityHeldData } from '../training.events';
import { RecordEngagementActivityCommand } from './record-engagement-activity.command';

describe('RecordEngagementActivityCommand', () => {
  let bed: GovernanceTestBed;
  const activity: EngagementActivityHeldData = {
    boardId: BOARD_ID,
    activityId: 'eng-1',
    on: '2025-05-22',
    with: 'young-people',
    participants: 24,
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const record = (data: EngagementActivityHeldData) => bed.commands.execute(new RecordEngagementActivityCommand(data, commandContext()));

  it('records an activity, and the same activity again as a correction', async () => {
    await record(activity);
    await record({ ...activity, participants: 26 });
    expect((await bed.facts(boardFactStream(BOARD_ID, 'engagement', 'eng-1'))).map((fact) => fact.data.participants)).toEqual([24, 26]);
  });

  it('refuses an activity in the future, before the board existed, or for an unknown board', async () => {
    await expect(record({ ...activity, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(record({ ...activity, on: '2016-04-05' })).rejects.toMatchObject({ rule: 'before-board-established' });
    await expect(record({ ...activity, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
    expect(await bed.head()).toBe(1);
  });
});
