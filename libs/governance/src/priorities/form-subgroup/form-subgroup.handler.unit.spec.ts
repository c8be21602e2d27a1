import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { SubgroupFormedData } from '../priorities.events';
import { FormSubgroupCommand } from './form-subgroup.command';

describe('FormSubgroupCommand', () => {
  let bed: GovernanceTestBed;
  const subgroup: SubgroupFormedData = {
    boardId: BOARD_ID,
    subgroupId: 'sg-qa',
    name: 'Quality assurance subgroup',
    formedOn: '2024-09-01',
  };
  const stream = boardFactStream(BOARD_ID, 'subgroup', 'sg-qa');

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const form = (data: SubgroupFormedData) => bed.commands.execute(new FormSubgroupCommand(data, commandContext()));

  it('forms a subgroup in its own stream', async () => {
    await form(subgroup);
    expect(await bed.facts(stream)).toEqual([{ type: 'SubgroupFormed', data: subgroup }]);
  });

  it('refuses moving the formation after one of its meetings', async () => {
    await bed.given(
      stream,
      { type: 'SubgroupFormed', data: subgroup },
      { type: 'SubgroupMeetingHeld', data: { boardId: BOARD_ID, subgroupId: 'sg-qa', meetingId: 'm1', on: '2024-10-01' } },
    );
    await expect(form({ ...subgroup, formedOn: '2024-11-01' })).rejects.toMatchObject({
      rule: 'subgroup-formed-after-its-meetings',
      values: { subgroupId: 'sg-qa', formedOn: '2024-11-01', meetingId: 'm1', meetingOn: '2024-10-01' },
    });
    await expect(form({ ...subgroup, name: 'QA and performance subgroup' })).resolves.toMatchObject({ status: 'appended' });
  });

  it('refuses a formation in the future or before the board existed', async () => {
    await expect(form({ ...subgroup, formedOn: '2025-08-01' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(form({ ...subgroup, formedOn: '2015-08-01' })).rejects.toMatchObject({ rule: 'before-board-established' });
  });
});
