import { parsePeriod } from '@app/calendar';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { targetFor } from './metric-target';

describe('targetFor', () => {
  const board = givenBoard(
    fact('MetricTargetSet', { metricCode: 'QA-ACTIONS-ON-TIME', financialYear: '2024-25', target: 0.8 }),
    fact('MetricTargetSet', { metricCode: 'QA-ACTIONS-ON-TIME', financialYear: '2025-26', target: 0.9, amberWithin: 0.05 }),
    fact('MetricTargetSet', { metricCode: 'LEAD-ATTENDANCE', financialYear: '2025-26', target: 0.75 }),
  );

  it('gives the target set for the financial year of the period', () => {
    expect(targetFor(board, 'QA-ACTIONS-ON-TIME', parsePeriod('2025-26'))).toEqual({ value: 0.9, amberWithin: 0.05, position: 2 });
    expect(targetFor(board, 'QA-ACTIONS-ON-TIME', parsePeriod('2024-25'))).toEqual({ value: 0.8, amberWithin: null, position: 1 });
  });

  it('gives a quarter and a month the target of the financial year containing them', () => {
    // January 2026 is in 2025-26; 2025-26-Q4 is January to March 2026.
    expect(targetFor(board, 'QA-ACTIONS-ON-TIME', parsePeriod('2026-01'))).toMatchObject({ value: 0.9 });
    expect(targetFor(board, 'QA-ACTIONS-ON-TIME', parsePeriod('2025-26-Q4'))).toMatchObject({ value: 0.9 });
    expect(targetFor(board, 'QA-ACTIONS-ON-TIME', parsePeriod('2025-03'))).toMatchObject({ value: 0.8 });
  });

  it('gives null when no target is set for the metric in that year', () => {
    expect(targetFor(board, 'LEAD-ATTENDANCE', parsePeriod('2024-25'))).toBeNull();
    expect(targetFor(board, 'ENG-PARTICIPATION', parsePeriod('2025-26'))).toBeNull();
  });
});
