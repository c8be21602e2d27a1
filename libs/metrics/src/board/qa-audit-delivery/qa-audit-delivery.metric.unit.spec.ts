import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { qaAuditDeliveryUnits } from './qa-audit-delivery.metric';

const Q1 = parsePeriod('2025-26-Q1');

const scheduled = (auditId: string, dueOn: string) => fact('AuditScheduled', { auditId, title: auditId, dueOn });
const completed = (auditId: string, completedOn: string) =>
  fact('AuditCompleted', { auditId, completedOn, caseResults: [{ caseRef: 'c-1', grade: 'good' }] });

describe('QA-AUDIT-DELIVERY', () => {
  it('counts an audit completed exactly on its due date and not one completed the day after', () => {
    const board = givenBoard(
      scheduled('on-time', '2025-06-30'),
      scheduled('late', '2025-06-30'),
      completed('on-time', '2025-06-30'),
      completed('late', '2025-07-01'),
    );

    const units = qaAuditDeliveryUnits(readBoardLedger(board), Q1);

    expect(units).toEqual([
      {
        metricCode: 'QA-AUDIT-DELIVERY',
        unitKey: 'audit:late',
        unitDate: '2025-06-30',
        counted: 'denominator-only',
        reason: 'audit-completed-late',
        positions: [2, 4],
      },
      {
        metricCode: 'QA-AUDIT-DELIVERY',
        unitKey: 'audit:on-time',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: null,
        positions: [1, 3],
      },
    ]);
  });

  it('keeps an audit never completed in the denominator', () => {
    const board = givenBoard(scheduled('a-1', '2025-05-15'));

    const [unit] = qaAuditDeliveryUnits(readBoardLedger(board), Q1);

    expect(unit).toMatchObject({ unitKey: 'audit:a-1', counted: 'denominator-only', reason: 'audit-not-completed', positions: [1] });
  });

  it('takes audits due from the first to the last day of the period and none due the day after', () => {
    const board = givenBoard(
      scheduled('before', '2025-03-31'),
      scheduled('first-day', '2025-04-01'),
      scheduled('last-day', '2025-06-30'),
      scheduled('after', '2025-07-01'),
    );

    const units = qaAuditDeliveryUnits(readBoardLedger(board), Q1);

    expect(units.map((u) => u.unitKey)).toEqual(['audit:first-day', 'audit:last-day']);
  });

  it('places an audit by its due date, not by when it was completed', () => {
    // Due in Q2 but completed early, in Q1: a Q2 unit, none in Q1.
    const board = givenBoard(scheduled('early', '2025-07-10'), completed('early', '2025-06-01'));
    const ledger = readBoardLedger(board);

    expect(qaAuditDeliveryUnits(ledger, Q1)).toEqual([]);
    expect(qaAuditDeliveryUnits(ledger, parsePeriod('2025-26-Q2'))).toMatchObject([{ unitKey: 'audit:early', counted: 'numerator' }]);
  });
});
