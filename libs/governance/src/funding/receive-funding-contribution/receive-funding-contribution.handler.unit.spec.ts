import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { FundingContributionReceivedData } from '../funding.events';
import { ReceiveFundingContributionCommand } from './receive-funding-contribution.command';

describe('ReceiveFundingContributionCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'contribution', 'c-police');
  const receipt: FundingContributionReceivedData = {
    boardId: BOARD_ID,
    receiptId: 'r-1',
    contributionId: 'c-police',
    partnerId: 'police-sw',
    amountPence: 1000000,
    receivedOn: '2025-06-20',
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
    await bed.given(stream, {
      type: 'FundingContributionAgreed',
      data: {
        boardId: BOARD_ID,
        contributionId: 'c-police',
        partnerId: 'police-sw',
        financialYear: '2025-26',
        amountPence: 2500000,
        dueOn: '2025-09-30',
      },
    });
  });

  afterEach(() => bed.stop());

  const receive = (data: FundingContributionReceivedData) =>
    bed.commands.execute(new ReceiveFundingContributionCommand(data, commandContext()));

  it('records a receipt in the stream of the contribution it pays', async () => {
    await receive(receipt);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'FundingContributionReceived', data: receipt });
  });

  it('records more than was agreed: the money arrived, and the metric caps it', async () => {
    await receive({ ...receipt, amountPence: 2000000 });
    await receive({ ...receipt, receiptId: 'r-2', amountPence: 2000000 });
    expect(await bed.facts(stream)).toHaveLength(3);
  });

  it('refuses a receipt for a contribution never agreed', async () => {
    await expect(receive({ ...receipt, contributionId: 'c-unknown' })).rejects.toMatchObject({
      rule: 'contribution-not-agreed',
      values: { boardId: BOARD_ID, contributionId: 'c-unknown', receiptId: 'r-1' },
    });
  });

  it('refuses a receipt from another partner than the one the contribution was agreed with', async () => {
    await expect(receive({ ...receipt, partnerId: 'cvuhb' })).rejects.toMatchObject({
      rule: 'receipt-partner-mismatch',
      values: { contributionId: 'c-police', partnerId: 'cvuhb', agreedPartnerId: 'police-sw' },
    });
    expect(await bed.head()).toBe(2);
  });

  it('refuses negative or fractional amounts and receipts dated in the future', async () => {
    await expect(receive({ ...receipt, amountPence: -100 })).rejects.toMatchObject({ rule: 'amount-not-whole-pence' });
    await expect(receive({ ...receipt, receivedOn: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
  });

  it('refuses a receipt id already in force against another contribution', async () => {
    const other = boardFactStream(BOARD_ID, 'contribution', 'c-council');
    await bed.given(other, {
      type: 'FundingContributionAgreed',
      data: {
        boardId: BOARD_ID,
        contributionId: 'c-council',
        partnerId: 'police-sw',
        financialYear: '2025-26',
        amountPence: 100,
        dueOn: '2025-09-30',
      },
    });
    await receive(receipt);
    await expect(receive({ ...receipt, contributionId: 'c-council' })).rejects.toMatchObject({
      rule: 'receipt-recorded-against-another-contribution',
      values: { receiptId: 'r-1', contributionId: 'c-council', otherContributionId: 'c-police' },
    });
    await bed.given(stream, {
      type: 'RecordRetracted',
      data: { boardId: BOARD_ID, retractedType: 'FundingContributionReceived', businessId: 'r-1', reason: 'wrong contribution' },
    });
    await expect(receive({ ...receipt, contributionId: 'c-council' })).resolves.toMatchObject({ status: 'appended' });
  });
});
