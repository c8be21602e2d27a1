import { NotFound } from '@app/ddd';
import { partnersStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { PartnerMembershipChangedData } from '../boards.events';
import { RecordPartnerJoiningCommand } from './record-partner-joining.command';

describe('RecordPartnerJoiningCommand', () => {
  let bed: GovernanceTestBed;
  const stream = partnersStream(BOARD_ID);
  const probation: PartnerMembershipChangedData = {
    boardId: BOARD_ID,
    partnerId: 'probation-wales',
    name: 'Probation Service Wales',
    kind: 'probation',
    statutory: true,
    on: '2025-05-01',
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const join = (data: PartnerMembershipChangedData) => bed.commands.execute(new RecordPartnerJoiningCommand(data, commandContext()));

  it('records a new partner in the board partners stream', async () => {
    await join(probation);
    expect(await bed.facts(stream)).toEqual([{ type: 'PartnerJoined', data: probation }]);
  });

  it('refuses a partner joining while it is a member', async () => {
    await expect(join({ boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-05-01' })).rejects.toMatchObject({
      rule: 'partner-already-member',
      values: { boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-05-01' },
    });
    await bed.given(stream, { type: 'PartnerJoined', data: probation });
    await expect(join({ ...probation, on: '2025-06-01' })).rejects.toMatchObject({ rule: 'partner-already-member' });
  });

  it('refuses a backdated join that would overlap a later membership', async () => {
    await bed.given(stream, { type: 'PartnerJoined', data: probation });
    await expect(join({ ...probation, on: '2025-04-01' })).rejects.toMatchObject({ rule: 'partner-already-member' });
  });

  it('lets a partner that left join again', async () => {
    await bed.given(stream, { type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'police-sw', on: '2024-03-31' } });
    await join({ boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-04-01' });
    expect(await bed.facts(stream)).toHaveLength(2);
  });

  it('takes the same join again as a correction of its details', async () => {
    await bed.given(stream, { type: 'PartnerJoined', data: probation });
    await join({ ...probation, name: 'HM Prison and Probation Service Wales' });
    expect(await bed.facts(stream)).toHaveLength(2);
  });

  it('refuses a join before the board was established, or in the future', async () => {
    await expect(join({ ...probation, on: '2016-01-01' })).rejects.toMatchObject({ rule: 'before-board-established' });
    await expect(join({ ...probation, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    expect(await bed.head()).toBe(1);
  });

  it('refuses a partner of a board that does not exist', async () => {
    await expect(join({ ...probation, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
  });
});
