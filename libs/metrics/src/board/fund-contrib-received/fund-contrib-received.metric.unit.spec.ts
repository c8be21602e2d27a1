import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { fundContribReceivedUnits } from './fund-contrib-received.metric';

const FY_2025_26 = parsePeriod('2025-26');

const agreed = (contributionId: string, partnerId: string, amountPence: number, dueOn: string, financialYear = '2025-26') =>
  fact('FundingContributionAgreed', { contributionId, partnerId, financialYear, amountPence, dueOn });
const received = (receiptId: string, contributionId: string, partnerId: string, amountPence: number, receivedOn: string) =>
  fact('FundingContributionReceived', { receiptId, contributionId, partnerId, amountPence, receivedOn });

describe('FUND-CONTRIB-RECEIVED', () => {
  it('counts what came in on or before the due date and not a receipt the day after', () => {
    // Agreed £10,000 due 30 June: £6,000 on 30 June counts, £4,000 on 1 July does not.
    const board = givenBoard(
      agreed('c-police', 'police', 1_000_000, '2025-06-30'),
      received('r-1', 'c-police', 'police', 600_000, '2025-06-30'),
      received('r-2', 'c-police', 'police', 400_000, '2025-07-01'),
    );

    expect(fundContribReceivedUnits(readBoardLedger(board), FY_2025_26)).toEqual([
      {
        metricCode: 'FUND-CONTRIB-RECEIVED',
        unitKey: 'contribution:c-police',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        value: 600_000,
        denominatorValue: 1_000_000,
        breakdown: 'police',
        positions: [1, 2],
      },
    ]);
  });

  it('caps an over-payment at the amount agreed', () => {
    // £5,000 agreed, £3,000 + £4,000 = £7,000 received in time: the unit contributes £5,000.
    const board = givenBoard(
      agreed('c-la', 'la', 500_000, '2025-09-30'),
      received('r-1', 'c-la', 'la', 300_000, '2025-05-01'),
      received('r-2', 'c-la', 'la', 400_000, '2025-09-30'),
    );

    expect(fundContribReceivedUnits(readBoardLedger(board), FY_2025_26)).toMatchObject([
      { value: 500_000, denominatorValue: 500_000, positions: [1, 2, 3] },
    ]);
  });

  it('uses the financial year containing a quarter: every contribution of the year, whenever due', () => {
    // In Q3 2025-26 the units are the whole year's: both contributions, due in Q1 and in Q4.
    const board = givenBoard(
      agreed('c-q1', 'la', 200_000, '2025-05-31'),
      agreed('c-q4', 'health', 300_000, '2026-03-31'),
      agreed('c-next-year', 'la', 900_000, '2026-05-31', '2026-27'),
      received('r-1', 'c-q1', 'la', 200_000, '2025-05-20'),
    );

    const units = fundContribReceivedUnits(readBoardLedger(board), parsePeriod('2025-26-Q3'));

    // Value 2,000 of 5,000 agreed: 0.4.
    expect(units).toMatchObject([
      { unitKey: 'contribution:c-q1', counted: 'numerator', value: 200_000, denominatorValue: 200_000 },
      {
        unitKey: 'contribution:c-q4',
        counted: 'denominator-only',
        reason: 'nothing-received-by-due-date',
        value: 0,
        denominatorValue: 300_000,
      },
    ]);
  });

  it('does not count a receipt from another partner against the contribution', () => {
    const board = givenBoard(
      agreed('c-police', 'police', 100_000, '2025-06-30'),
      received('r-1', 'c-police', 'health', 100_000, '2025-06-01'),
    );

    expect(fundContribReceivedUnits(readBoardLedger(board), FY_2025_26)).toMatchObject([
      { unitKey: 'contribution:c-police', value: 0, reason: 'nothing-received-by-due-date', positions: [1] },
    ]);
  });
});
