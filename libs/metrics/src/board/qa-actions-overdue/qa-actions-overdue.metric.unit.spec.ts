import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { qaActionsOverdueUnits } from './qa-actions-overdue.metric';

// Q1 ends on 2025-06-30: every unit is placed on that day and judged on it.
const Q1 = parsePeriod('2025-26-Q1');

const assigned = (actionId: string, assignedOn: string, dueOn: string) =>
  fact('ActionAssigned', { actionId, title: actionId, ownerPartnerId: 'health', assignedOn, dueOn });
const completed = (actionId: string, on: string) => fact('ActionCompleted', { actionId, on });
const cancelled = (actionId: string, on: string) => fact('ActionCancelled', { actionId, on });
const dueDateChanged = (actionId: string, changedOn: string, dueOn: string) =>
  fact('ActionDueDateChanged', { actionId, changedOn, dueOn, reason: 'capacity' });

describe('QA-ACTIONS-OVERDUE', () => {
  it('counts an open action due the day before the period end as overdue and one due on the period end as not yet due', () => {
    const board = givenBoard(assigned('due-29th', '2025-04-01', '2025-06-29'), assigned('due-30th', '2025-04-01', '2025-06-30'));

    const units = qaActionsOverdueUnits(readBoardLedger(board), Q1);

    expect(units).toEqual([
      {
        metricCode: 'QA-ACTIONS-OVERDUE',
        unitKey: 'action:due-29th',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        breakdown: 'health',
        positions: [1],
      },
      {
        metricCode: 'QA-ACTIONS-OVERDUE',
        unitKey: 'action:due-30th',
        unitDate: '2025-06-30',
        counted: 'denominator-only',
        reason: 'action-not-yet-due',
        breakdown: 'health',
        positions: [2],
      },
    ]);
  });

  it('uses a due-date change made on or before the period end and ignores one made after it', () => {
    // Both originally due 1 June. 'extended' was moved on 25 May to 31 July: not overdue at 30 June.
    // 'extended-late' was moved on 1 July, the day after the period end: at 30 June its due date
    // was still 1 June, so it is overdue.
    const board = givenBoard(
      assigned('extended', '2025-04-01', '2025-06-01'),
      assigned('extended-late', '2025-04-01', '2025-06-01'),
      dueDateChanged('extended', '2025-05-25', '2025-07-31'),
      dueDateChanged('extended-late', '2025-07-01', '2025-09-30'),
    );

    const units = qaActionsOverdueUnits(readBoardLedger(board), Q1);

    expect(units).toMatchObject([
      { unitKey: 'action:extended', counted: 'denominator-only', reason: 'action-not-yet-due', positions: [1, 3] },
      { unitKey: 'action:extended-late', counted: 'numerator', reason: null, positions: [2] },
    ]);
  });

  it('takes the latest change made on or before the period end when there are several', () => {
    // Moved to 1 August on 1 May, then back to 20 June on 15 June: 20 June is before 30 June.
    const board = givenBoard(
      assigned('a-1', '2025-04-01', '2025-05-15'),
      dueDateChanged('a-1', '2025-06-15', '2025-06-20'),
      dueDateChanged('a-1', '2025-05-01', '2025-08-01'),
    );

    expect(qaActionsOverdueUnits(readBoardLedger(board), Q1)).toMatchObject([
      { unitKey: 'action:a-1', counted: 'numerator', positions: [1, 2] },
    ]);
  });

  it('leaves out actions closed on or before the period end and keeps those closed after it', () => {
    const board = givenBoard(
      assigned('completed-on-end', '2025-04-01', '2025-05-01'),
      assigned('cancelled-on-end', '2025-04-01', '2025-05-01'),
      assigned('completed-after', '2025-04-01', '2025-05-01'),
      completed('completed-on-end', '2025-06-30'),
      cancelled('cancelled-on-end', '2025-06-30'),
      completed('completed-after', '2025-07-01'),
    );

    expect(qaActionsOverdueUnits(readBoardLedger(board), Q1).map((u) => u.unitKey)).toEqual(['action:completed-after']);
  });

  it('takes actions assigned on or before the period end, including those assigned in earlier years', () => {
    const board = givenBoard(
      assigned('old', '2023-11-01', '2024-01-31'),
      assigned('on-end', '2025-06-30', '2025-07-15'),
      assigned('after-end', '2025-07-01', '2025-07-02'),
    );

    expect(qaActionsOverdueUnits(readBoardLedger(board), Q1)).toMatchObject([
      { unitKey: 'action:old', counted: 'numerator' },
      { unitKey: 'action:on-end', counted: 'denominator-only', reason: 'action-not-yet-due' },
    ]);
  });

  it('keeps an action whose due date in force was set before it was assigned out of the numerator, flagged', () => {
    const board = givenBoard(assigned('a-1', '2025-05-01', '2025-05-20'), dueDateChanged('a-1', '2025-04-20', '2025-06-01'));

    expect(qaActionsOverdueUnits(readBoardLedger(board), Q1)).toMatchObject([
      {
        unitKey: 'action:a-1',
        counted: 'denominator-only',
        reason: 'due-date-changed-before-assigned',
        dataQuality: true,
        positions: [1, 2],
      },
    ]);
  });
});
