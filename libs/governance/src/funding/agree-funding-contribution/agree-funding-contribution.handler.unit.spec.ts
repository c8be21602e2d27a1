import { boardFactStream, partnersStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { FundingContributionAgreedData } from '../funding.events';
import { AgreeFundingContributionCommand } from './agree-funding-contribution.command';

describe('AgreeFundingContributionCommand', () => {
  let bed: GovernanceTestBed;
  const agreed: FundingContributionAgreedData = {
    boardId: BOARD_ID,
    contributionId: 'c-2025-police',
    partnerId: 'police-sw',
    financialYear: '2025-26',
    amountPence: 2500000,
    dueOn: '2025-09-30',
  };
  const stream = boardFactStream(BOARD_ID, 'contribution', 'c-2025-police');

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const agree = (data: FundingContributionAgreedData) => bed.commands.execute(new AgreeFundingContributionCommand(data, commandContext()));

  it('records an agreed contribution with a due date that may be in the future', async () => {
    await agree(agreed);
    expect(await bed.facts(stream)).toEqual([{ type: 'FundingContributionAgreed', data: agreed }]);
  });

  it('refuses a contribution from a partner that was not a partner in that financial year', async () => {
    await bed.given(partnersStream(BOARD_ID), {
      type: 'PartnerLeft',
      data: { boardId: BOARD_ID, partnerId: 'police-sw', on: '2025-03-31' },
    });
    await expect(agree(agreed)).rejects.toMatchObject({
      rule: 'not-a-partner-in-financial-year',
      values: { boardId: BOARD_ID, partnerId: 'police-sw', financialYear: '2025-26' },
    });
    await expect(agree({ ...agreed, financialYear: '2024-25' })).resolves.toMatchObject({ status: 'appended' });
  });

  it('refuses amounts that are not whole pence, or negative', async () => {
    await expect(agree({ ...agreed, amountPence: 12.5 })).rejects.toMatchObject({
      rule: 'amount-not-whole-pence',
      values: { amountPence: 12.5 },
    });
    await expect(agree({ ...agreed, amountPence: -1 })).rejects.toMatchObject({ rule: 'amount-not-whole-pence' });
    expect(await bed.head()).toBe(1);
  });

  it('refuses giving a contribution to another partner once money was received from the first', async () => {
    await bed.given(
      stream,
      { type: 'FundingContributionAgreed', data: agreed },
      {
        type: 'FundingContributionReceived',
        data: {
          boardId: BOARD_ID,
          receiptId: 'r1',
          contributionId: 'c-2025-police',
          partnerId: 'police-sw',
          amountPence: 100,
          receivedOn: '2025-06-01',
        },
      },
    );
    await expect(agree({ ...agreed, partnerId: 'cvuhb' })).rejects.toMatchObject({ rule: 'contribution-partner-changed-after-receipt' });
    await expect(agree({ ...agreed, amountPence: 3000000 })).resolves.toMatchObject({ status: 'appended' });
  });
});
