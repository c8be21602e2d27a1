import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { qaAuditGoodUnits } from './qa-audit-good.metric';

const Q1 = parsePeriod('2025-26-Q1');

describe('QA-AUDIT-GOOD', () => {
  it('counts each case result of an audit completed in the period, outstanding and good in the numerator', () => {
    const board = givenBoard(
      fact('AuditScheduled', { auditId: 'a-1', title: 'Neglect', dueOn: '2025-06-30' }),
      fact('AuditCompleted', {
        auditId: 'a-1',
        completedOn: '2025-06-12',
        caseResults: [
          { caseRef: 'c-1', grade: 'outstanding', agency: 'police' },
          { caseRef: 'c-2', grade: 'good' },
          { caseRef: 'c-3', grade: 'requires-improvement', agency: 'health' },
          { caseRef: 'c-4', grade: 'inadequate' },
        ],
      }),
    );

    const units = qaAuditGoodUnits(readBoardLedger(board), Q1);

    // 4 case results, 2 of them outstanding or good: the rate is 2 / 4.
    expect(units).toEqual([
      {
        metricCode: 'QA-AUDIT-GOOD',
        unitKey: 'audit:a-1/case:c-1',
        unitDate: '2025-06-12',
        counted: 'numerator',
        reason: null,
        breakdown: 'police',
        positions: [2],
      },
      {
        metricCode: 'QA-AUDIT-GOOD',
        unitKey: 'audit:a-1/case:c-2',
        unitDate: '2025-06-12',
        counted: 'numerator',
        reason: null,
        positions: [2],
      },
      {
        metricCode: 'QA-AUDIT-GOOD',
        unitKey: 'audit:a-1/case:c-3',
        unitDate: '2025-06-12',
        counted: 'denominator-only',
        reason: 'grade-requires-improvement',
        breakdown: 'health',
        positions: [2],
      },
      {
        metricCode: 'QA-AUDIT-GOOD',
        unitKey: 'audit:a-1/case:c-4',
        unitDate: '2025-06-12',
        counted: 'denominator-only',
        reason: 'grade-inadequate',
        positions: [2],
      },
    ]);
  });

  it('names a case result by its index when its caseRef is repeated within the audit', () => {
    const board = givenBoard(
      fact('AuditScheduled', { auditId: 'a-1', title: 'Neglect', dueOn: '2025-06-30' }),
      fact('AuditCompleted', {
        auditId: 'a-1',
        completedOn: '2025-06-12',
        caseResults: [
          { caseRef: 'c-1', grade: 'good' },
          { caseRef: 'c-1', grade: 'inadequate' },
          { caseRef: 'c-2', grade: 'good' },
        ],
      }),
    );

    const units = qaAuditGoodUnits(readBoardLedger(board), Q1);

    expect(units.map((u) => u.unitKey)).toEqual(['audit:a-1/case:#0', 'audit:a-1/case:#1', 'audit:a-1/case:c-2']);
  });

  it('places case results by completion date, so an audit completed the day after the period is not in it', () => {
    const board = givenBoard(
      fact('AuditScheduled', { auditId: 'a-1', title: 'Neglect', dueOn: '2025-06-30' }),
      fact('AuditCompleted', { auditId: 'a-1', completedOn: '2025-07-01', caseResults: [{ caseRef: 'c-1', grade: 'good' }] }),
    );

    expect(qaAuditGoodUnits(readBoardLedger(board), Q1)).toEqual([]);
  });

  it('keeps the results of an audit that was never scheduled in the denominator only, flagged', () => {
    const board = givenBoard(
      fact('AuditCompleted', { auditId: 'ghost', completedOn: '2025-05-02', caseResults: [{ caseRef: 'c-1', grade: 'outstanding' }] }),
    );

    const units = qaAuditGoodUnits(readBoardLedger(board), Q1);

    expect(units).toEqual([
      {
        metricCode: 'QA-AUDIT-GOOD',
        unitKey: 'audit:ghost/case:c-1',
        unitDate: '2025-05-02',
        counted: 'denominator-only',
        reason: 'audit-not-scheduled',
        dataQuality: true,
        positions: [1],
      },
    ]);
  });
});
