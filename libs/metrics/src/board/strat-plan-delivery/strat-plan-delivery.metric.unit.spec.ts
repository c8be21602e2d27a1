import { parsePeriod } from '@app/calendar';
import type { JsonObject } from '@app/event-store';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { stratPlanDeliveryUnits } from './strat-plan-delivery.metric';

const Q1 = parsePeriod('2025-26-Q1');

const assigned = (actionId: string, dueOn: string, arisingFrom?: JsonObject) =>
  fact('ActionAssigned', {
    actionId,
    title: actionId,
    ownerPartnerId: 'la',
    assignedOn: '2025-04-01',
    dueOn,
    ...(arisingFrom ? { arisingFrom } : {}),
  });

describe('STRAT-PLAN-DELIVERY', () => {
  it('takes only actions arising from a priority, broken down by the priority', () => {
    const board = givenBoard(
      fact('StrategicPriorityDefined', { priorityId: 'p-neglect', title: 'Neglect', financialYear: '2025-26' }),
      assigned('from-priority', '2025-06-30', { kind: 'priority', id: 'p-neglect' }),
      assigned('from-audit', '2025-06-30', { kind: 'audit', id: 'a-1' }),
      assigned('from-nowhere', '2025-06-30'),
      fact('ActionCompleted', { actionId: 'from-priority', on: '2025-06-30' }),
    );

    expect(stratPlanDeliveryUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'STRAT-PLAN-DELIVERY',
        unitKey: 'action:from-priority',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        breakdown: 'p-neglect',
        positions: [2, 5],
      },
    ]);
  });

  it('leaves out a cancelled priority action and keeps a late one in the denominator', () => {
    const board = givenBoard(
      assigned('cancelled', '2025-05-31', { kind: 'priority', id: 'p-1' }),
      assigned('late', '2025-05-31', { kind: 'priority', id: 'p-1' }),
      fact('ActionCancelled', { actionId: 'cancelled', on: '2025-05-01' }),
      fact('ActionCompleted', { actionId: 'late', on: '2025-06-01' }),
    );

    expect(stratPlanDeliveryUnits(readBoardLedger(board), Q1)).toMatchObject([
      { unitKey: 'action:late', counted: 'denominator-only', reason: 'action-completed-late' },
    ]);
  });
});
