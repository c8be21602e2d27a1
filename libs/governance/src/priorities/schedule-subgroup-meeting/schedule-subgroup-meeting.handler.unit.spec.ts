import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { SubgroupMeetingData } from '../priorities.events';
import { ScheduleSubgroupMeetingCommand } from './schedule-subgroup-meeting.command';

describe('ScheduleSubgroupMeetingCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'subgroup', 'sg-qa');
  const meeting: SubgroupMeetingData = { boardId: BOARD_ID, subgroupId: 'sg-qa', meetingId: 'sg-qa-2025-09', on: '2025-09-10' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
    await bed.given(stream, {
      type: 'SubgroupFormed',
      data: { boardId: BOARD_ID, subgroupId: 'sg-qa', name: 'QA', formedOn: '2024-09-01' },
    });
  });

  afterEach(() => bed.stop());

  const schedule = (data: SubgroupMeetingData) => bed.commands.execute(new ScheduleSubgroupMeetingCommand(data, commandContext()));

  it('schedules a meeting of a formed subgroup, in the future if need be', async () => {
    await schedule(meeting);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'SubgroupMeetingScheduled', data: meeting });
  });

  it('refuses a meeting of a subgroup never formed', async () => {
    await expect(schedule({ ...meeting, subgroupId: 'sg-missing' })).rejects.toBeInstanceOf(NotFound);
  });

  it('refuses a meeting before the subgroup was formed', async () => {
    await expect(schedule({ ...meeting, on: '2024-08-31' })).rejects.toMatchObject({
      rule: 'subgroup-meeting-before-formed',
      values: { subgroupId: 'sg-qa', meetingId: 'sg-qa-2025-09', on: '2024-08-31', formedOn: '2024-09-01' },
    });
    expect(await bed.head()).toBe(2);
  });

  it('refuses a meeting id already scheduled in another subgroup', async () => {
    const other = boardFactStream(BOARD_ID, 'subgroup', 'sg-train');
    await bed.given(other, {
      type: 'SubgroupFormed',
      data: { boardId: BOARD_ID, subgroupId: 'sg-train', name: 'Training', formedOn: '2024-09-01' },
    });
    await schedule(meeting);
    await expect(schedule({ ...meeting, subgroupId: 'sg-train' })).rejects.toMatchObject({
      rule: 'meeting-recorded-for-another-subgroup',
      values: { meetingId: 'sg-qa-2025-09', subgroupId: 'sg-train', otherSubgroupId: 'sg-qa' },
    });
  });
});
