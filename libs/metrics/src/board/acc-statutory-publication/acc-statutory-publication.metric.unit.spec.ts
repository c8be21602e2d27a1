import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { accStatutoryPublicationUnits } from './acc-statutory-publication.metric';

const FY_2025_26 = parsePeriod('2025-26');

const plan = (financialYear: string, publishedOn: string) => fact('AnnualPlanPublished', { financialYear, publishedOn });
const report = (financialYear: string, publishedOn: string) => fact('AnnualReportPublished', { financialYear, publishedOn });

describe('ACC-STATUTORY-PUBLICATION', () => {
  it('meets the plan duty when the plan is published on the day before the year starts, and the report duty on 31 July', () => {
    const board = givenBoard(plan('2025-26', '2025-03-31'), report('2024-25', '2025-07-31'));

    expect(accStatutoryPublicationUnits(readBoardLedger(board), FY_2025_26)).toEqual([
      {
        metricCode: 'ACC-STATUTORY-PUBLICATION',
        unitKey: 'plan:2025-26',
        unitDate: '2025-04-01',
        counted: 'numerator',
        reason: null,
        breakdown: 'annual-plan',
        positions: [1],
      },
      {
        metricCode: 'ACC-STATUTORY-PUBLICATION',
        unitKey: 'report:2024-25',
        unitDate: '2025-07-31',
        counted: 'numerator',
        reason: null,
        breakdown: 'annual-report',
        positions: [2],
      },
    ]);
  });

  it('misses the plan duty when the plan is published on the first day of the year, and the report duty on 1 August', () => {
    const board = givenBoard(plan('2025-26', '2025-04-01'), report('2024-25', '2025-08-01'));

    expect(accStatutoryPublicationUnits(readBoardLedger(board), FY_2025_26)).toMatchObject([
      { unitKey: 'plan:2025-26', counted: 'denominator-only', reason: 'plan-published-late' },
      { unitKey: 'report:2024-25', counted: 'denominator-only', reason: 'report-published-late' },
    ]);
  });

  it('keeps both duties in the denominator when nothing was published', () => {
    // The plan for another year and the report for this year do not discharge this year's duties.
    const board = givenBoard(plan('2024-25', '2024-03-01'), report('2025-26', '2026-06-01'));

    expect(accStatutoryPublicationUnits(readBoardLedger(board), FY_2025_26)).toEqual([
      {
        metricCode: 'ACC-STATUTORY-PUBLICATION',
        unitKey: 'plan:2025-26',
        unitDate: '2025-04-01',
        counted: 'denominator-only',
        reason: 'plan-not-published',
        breakdown: 'annual-plan',
        positions: [],
      },
      {
        metricCode: 'ACC-STATUTORY-PUBLICATION',
        unitKey: 'report:2024-25',
        unitDate: '2025-07-31',
        counted: 'denominator-only',
        reason: 'report-not-published',
        breakdown: 'annual-report',
        positions: [],
      },
    ]);
  });

  it('gives no units for a quarter or a month', () => {
    const board = givenBoard(plan('2025-26', '2025-03-01'), report('2024-25', '2025-06-01'));
    const ledger = readBoardLedger(board);

    expect(accStatutoryPublicationUnits(ledger, parsePeriod('2025-26-Q2'))).toEqual([]);
    expect(accStatutoryPublicationUnits(ledger, parsePeriod('2025-07'))).toEqual([]);
  });

  it('keeps a report published before the end of the year it reports on out of the numerator, flagged', () => {
    const board = givenBoard(report('2024-25', '2025-03-31'));

    expect(accStatutoryPublicationUnits(readBoardLedger(board), FY_2025_26)[1]).toMatchObject({
      unitKey: 'report:2024-25',
      counted: 'denominator-only',
      reason: 'report-before-year-end',
      dataQuality: true,
    });
  });
});
