import { partnersStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { PartnerMembershipChangedData } from '../boards.events';
import { RecordPartnerLeavingCommand } from './record-partner-leaving.command';

describe('RecordPartnerLeavingCommand', () => {
  let bed: GovernanceTestBed;
  const stream = partnersStream(BOARD_ID);

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const leave = (data: PartnerMembershipChangedData) => bed.commands.execute(new RecordPartnerLeavingCommand(data, commandContext()));

  it('records a founding partner leaving', async () => {
    await leave({ boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-03-31' });
    expect(await bed.facts(stream)).toEqual([{ type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-03-31' } }]);
  });

  it('refuses a partner leaving that never joined', async () => {
    await expect(leave({ boardId: BOARD_ID, partnerId: 'probation-wales', on: '2025-03-31' })).rejects.toMatchObject({
      rule: 'partner-not-member',
      values: { boardId: BOARD_ID, partnerId: 'probation-wales', on: '2025-03-31' },
      kind: 'conflict',
    });
  });

  it('refuses a partner leaving twice', async () => {
    await bed.given(stream, { type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-03-31' } });
    await expect(leave({ boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-05-31' })).rejects.toMatchObject({ rule: 'partner-not-member' });
    await expect(leave({ boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-01-31' })).rejects.toMatchObject({ rule: 'partner-not-member' });
    expect(await bed.head()).toBe(2);
  });

  it('refuses a departure in the future', async () => {
    await expect(leave({ boardId: BOARD_ID, partnerId: 'cvuhb', on: '2026-03-31' })).rejects.toMatchObject({ rule: 'date-in-future' });
  });
});
