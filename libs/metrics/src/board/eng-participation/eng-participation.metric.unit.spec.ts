import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { engParticipationUnits } from './eng-participation.metric';

const Q1 = parsePeriod('2025-26-Q1');

const activity = (activityId: string, on: string, withWhom: string, participants: number) =>
  fact('EngagementActivityHeld', { activityId, on, with: withWhom, participants });

describe('ENG-PARTICIPATION', () => {
  it('counts the participants of each activity held in the period, broken down by whom it was with', () => {
    // 12 + 30 = 42 participants in Q1: children 12, parents 30; the activity on 1 July is in Q2.
    const board = givenBoard(
      activity('e-1', '2025-04-01', 'children', 12),
      activity('e-2', '2025-06-30', 'parents', 30),
      activity('e-3', '2025-07-01', 'children', 8),
    );

    expect(engParticipationUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'ENG-PARTICIPATION',
        unitKey: 'activity:e-1',
        unitDate: '2025-04-01',
        counted: 'numerator',
        reason: null,
        value: 12,
        breakdown: 'children',
        positions: [1],
      },
      {
        metricCode: 'ENG-PARTICIPATION',
        unitKey: 'activity:e-2',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        value: 30,
        breakdown: 'parents',
        positions: [2],
      },
    ]);
  });
});
