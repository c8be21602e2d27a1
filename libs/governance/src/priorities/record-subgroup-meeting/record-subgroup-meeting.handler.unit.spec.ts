import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { SubgroupMeetingData } from '../priorities.events';
import { RecordSubgroupMeetingCommand } from './record-subgroup-meeting.command';

describe('RecordSubgroupMeetingCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'subgroup', 'sg-qa');
  const meeting: SubgroupMeetingData = { boardId: BOARD_ID, subgroupId: 'sg-qa', meetingId: 'sg-qa-2025-06', on: '2025-06-10' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const hold = (data: SubgroupMeetingData) => bed.commands.execute(new RecordSubgroupMeetingCommand(data, commandContext()));

  it('records a meeting held by a formed subgroup, scheduled or not', async () => {
    await bed.given(stream, {
      type: 'SubgroupFormed',
      data: { boardId: BOARD_ID, subgroupId: 'sg-qa', name: 'QA', formedOn: '2024-09-01' },
    });
    await hold(meeting);
    await hold({ ...meeting, meetingId: 'extra-1', on: '2025-06-20' });
    expect((await bed.facts(stream)).map((fact) => fact.type)).toEqual(['SubgroupFormed', 'SubgroupMeetingHeld', 'SubgroupMeetingHeld']);
  });

  it('refuses a meeting of a subgroup that was never formed', async () => {
    await expect(hold(meeting)).rejects.toBeInstanceOf(NotFound);
    expect(await bed.head()).toBe(1);
  });

  it('refuses a meeting held in the future or before the subgroup was formed', async () => {
    await bed.given(stream, {
      type: 'SubgroupFormed',
      data: { boardId: BOARD_ID, subgroupId: 'sg-qa', name: 'QA', formedOn: '2025-06-15' },
    });
    await expect(hold({ ...meeting, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(hold(meeting)).rejects.toMatchObject({ rule: 'subgroup-meeting-before-formed' });
  });
});
