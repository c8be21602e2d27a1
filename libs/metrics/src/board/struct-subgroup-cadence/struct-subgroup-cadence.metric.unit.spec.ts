import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { structSubgroupCadenceUnits } from './struct-subgroup-cadence.metric';

const Q1 = parsePeriod('2025-26-Q1');

const formed = fact('SubgroupFormed', { subgroupId: 'qa', name: 'Quality assurance', formedOn: '2025-01-10' });
const scheduled = (meetingId: string, on: string, subgroupId = 'qa') => fact('SubgroupMeetingScheduled', { subgroupId, meetingId, on });
const held = (meetingId: string, on: string, subgroupId = 'qa') => fact('SubgroupMeetingHeld', { subgroupId, meetingId, on });

describe('STRUCT-SUBGROUP-CADENCE', () => {
  it('counts a scheduled meeting that was held, even on another day, and keeps one not held in the denominator', () => {
    const board = givenBoard(formed, scheduled('m-1', '2025-05-06'), scheduled('m-2', '2025-06-30'), held('m-1', '2025-05-08'));

    expect(structSubgroupCadenceUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'STRUCT-SUBGROUP-CADENCE',
        unitKey: 'meeting:m-1',
        unitDate: '2025-05-06',
        counted: 'numerator',
        reason: null,
        breakdown: 'qa',
        positions: [2, 4],
      },
      {
        metricCode: 'STRUCT-SUBGROUP-CADENCE',
        unitKey: 'meeting:m-2',
        unitDate: '2025-06-30',
        counted: 'denominator-only',
        reason: 'meeting-not-held',
        breakdown: 'qa',
        positions: [3],
      },
    ]);
  });

  it('places a meeting by its scheduled day and ignores meetings held but never scheduled', () => {
    const board = givenBoard(formed, scheduled('m-july', '2025-07-01'), held('m-july', '2025-06-30'), held('ad-hoc', '2025-06-01'));

    expect(structSubgroupCadenceUnits(readBoardLedger(board), Q1)).toEqual([]);
  });

  it('keeps a meeting scheduled for a subgroup before it was formed out of the numerator, flagged', () => {
    const board = givenBoard(formed, scheduled('m-early', '2025-01-09'), held('m-early', '2025-01-09'));

    expect(structSubgroupCadenceUnits(readBoardLedger(board), parsePeriod('2024-25'))).toMatchObject([
      { unitKey: 'meeting:m-early', counted: 'denominator-only', reason: 'subgroup-meeting-before-formed', dataQuality: true },
    ]);
  });
});
