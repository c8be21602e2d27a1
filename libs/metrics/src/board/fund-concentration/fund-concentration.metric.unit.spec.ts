import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { fundConcentrationUnits } from './fund-concentration.metric';

const Q1 = parsePeriod('2025-26-Q1');

const agreed = (contributionId: string, partnerId: string) =>
  fact('FundingContributionAgreed', { contributionId, partnerId, financialYear: '2025-26', amountPence: 1_000_000, dueOn: '2025-06-30' });
const received = (receiptId: string, contributionId: string, partnerId: string, amountPence: number, receivedOn: string) =>
  fact('FundingContributionReceived', { receiptId, contributionId, partnerId, amountPence, receivedOn });

describe('FUND-CONCENTRATION', () => {
  it('gives one unit per receipt in the period, its amount as value and the partner as breakdown', () => {
    // la 700 + 100 = 800 of 1,000 received in Q1: the largest share is 0.8.
    const board = givenBoard(
      agreed('c-la', 'la'),
      agreed('c-police', 'police'),
      received('r-1', 'c-la', 'la', 70_000, '2025-04-01'),
      received('r-2', 'c-police', 'police', 20_000, '2025-05-10'),
      received('r-3', 'c-la', 'la', 10_000, '2025-06-30'),
      received('r-4', 'c-la', 'la', 50_000, '2025-07-01'),
    );

    expect(fundConcentrationUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'FUND-CONCENTRATION',
        unitKey: 'receipt:r-1',
        unitDate: '2025-04-01',
        counted: 'numerator',
        reason: null,
        value: 70_000,
        breakdown: 'la',
        positions: [3],
      },
      {
        metricCode: 'FUND-CONCENTRATION',
        unitKey: 'receipt:r-2',
        unitDate: '2025-05-10',
        counted: 'numerator',
        reason: null,
        value: 20_000,
        breakdown: 'police',
        positions: [4],
      },
      {
        metricCode: 'FUND-CONCENTRATION',
        unitKey: 'receipt:r-3',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        value: 10_000,
        breakdown: 'la',
        positions: [5],
      },
    ]);
  });

  it('keeps a receipt for an unknown contribution in the total only, flagged', () => {
    const board = givenBoard(received('r-1', 'c-unknown', 'la', 70_000, '2025-04-01'));

    expect(fundConcentrationUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'FUND-CONCENTRATION',
        unitKey: 'receipt:r-1',
        unitDate: '2025-04-01',
        counted: 'denominator-only',
        reason: 'receipt-for-unknown-contribution',
        dataQuality: true,
        value: 70_000,
        breakdown: 'la',
        positions: [1],
      },
    ]);
  });
});
