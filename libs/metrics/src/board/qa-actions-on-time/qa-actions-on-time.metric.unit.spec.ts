import { parsePeriod } from '@app/calendar';
import type { JsonObject } from '@app/event-store';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { qaActionsOnTimeUnits } from './qa-actions-on-time.metric';

const Q1 = parsePeriod('2025-26-Q1');
const Q2 = parsePeriod('2025-26-Q2');

const assigned = (actionId: string, assignedOn: string, dueOn: string, extra: JsonObject = {}) =>
  fact('ActionAssigned', { actionId, title: actionId, ownerPartnerId: 'police', assignedOn, dueOn, ...extra });
const completed = (actionId: string, on: string) => fact('ActionCompleted', { actionId, on });
const cancelled = (actionId: string, on: string) => fact('ActionCancelled', { actionId, on });
const dueDateChanged = (actionId: string, changedOn: string, dueOn: string) =>
  fact('ActionDueDateChanged', { actionId, changedOn, dueOn, reason: 'capacity' });

describe('QA-ACTIONS-ON-TIME', () => {
  it('counts an action completed exactly on its original due date as on time and one completed the day after as late', () => {
    const board = givenBoard(
      assigned('on-the-day', '2025-04-02', '2025-06-30'),
      assigned('day-after', '2025-04-02', '2025-06-30'),
      completed('on-the-day', '2025-06-30'),
      completed('day-after', '2025-07-01'),
    );

    const units = qaActionsOnTimeUnits(readBoardLedger(board), Q1);

    expect(units).toEqual([
      {
        metricCode: 'QA-ACTIONS-ON-TIME',
        unitKey: 'action:day-after',
        unitDate: '2025-06-30',
        counted: 'denominator-only',
        reason: 'action-completed-late',
        breakdown: 'police',
        positions: [2, 4],
      },
      {
        metricCode: 'QA-ACTIONS-ON-TIME',
        unitKey: 'action:on-the-day',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        breakdown: 'police',
        positions: [1, 3],
      },
    ]);
  });

  it('judges an action against its original due date even after the due date was moved', () => {
    // Originally due 31 May (Q1), moved to 31 July, completed 15 July: late, and a Q1 unit only.
    const board = givenBoard(
      assigned('moved', '2025-04-10', '2025-05-31'),
      dueDateChanged('moved', '2025-05-20', '2025-07-31'),
      completed('moved', '2025-07-15'),
    );
    const ledger = readBoardLedger(board);

    expect(qaActionsOnTimeUnits(ledger, Q1)).toMatchObject([
      { unitKey: 'action:moved', unitDate: '2025-05-31', reason: 'action-completed-late' },
    ]);
    expect(qaActionsOnTimeUnits(ledger, Q2)).toEqual([]);
  });

  it('leaves a cancelled action out entirely, even when it was cancelled after the period', () => {
    const board = givenBoard(assigned('dropped', '2025-04-10', '2025-06-01'), cancelled('dropped', '2025-08-01'));

    expect(qaActionsOnTimeUnits(readBoardLedger(board), Q1)).toEqual([]);
  });

  it('keeps an action not yet completed in the denominator', () => {
    const board = givenBoard(assigned('open', '2025-04-10', '2025-06-10'));

    expect(qaActionsOnTimeUnits(readBoardLedger(board), Q1)).toMatchObject([
      { unitKey: 'action:open', counted: 'denominator-only', reason: 'action-not-completed', positions: [1] },
    ]);
  });

  it('keeps an action completed before it was assigned in the denominator only, flagged, though it looks on time', () => {
    const board = givenBoard(assigned('odd', '2025-05-10', '2025-06-01'), completed('odd', '2025-05-01'));

    expect(qaActionsOnTimeUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'QA-ACTIONS-ON-TIME',
        unitKey: 'action:odd',
        unitDate: '2025-06-01',
        counted: 'denominator-only',
        reason: 'action-completed-before-assigned',
        dataQuality: true,
        breakdown: 'police',
        positions: [1, 2],
      },
    ]);
  });

  it('keeps an action due before it was assigned in the denominator only, flagged', () => {
    const board = givenBoard(assigned('backdated', '2025-06-10', '2025-06-01'), completed('backdated', '2025-06-01'));

    expect(qaActionsOnTimeUnits(readBoardLedger(board), Q1)).toMatchObject([
      { unitKey: 'action:backdated', counted: 'denominator-only', reason: 'action-due-before-assigned', dataQuality: true },
    ]);
  });
});
