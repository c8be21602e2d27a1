import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed } from '../../testing/governance-test-bed';
import { AuditProgrammeQuery } from './audit-programme.query';

describe('AuditProgrammeQuery', () => {
  let bed: GovernanceTestBed;
  const scheduled = (auditId: string, dueOn: string) => ({
    type: 'AuditScheduled',
    data: { boardId: BOARD_ID, auditId, title: `Audit ${auditId}`, dueOn },
  });

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  it('lists completed, due and overdue audits with the grades of their case results', async () => {
    await bed.given(boardFactStream(BOARD_ID, 'audit', 'a1'), scheduled('a1', '2025-05-31'), {
      type: 'AuditCompleted',
      data: {
        boardId: BOARD_ID,
        auditId: 'a1',
        completedOn: '2025-05-20',
        caseResults: [
          { caseRef: 'c1', grade: 'good' },
          { caseRef: 'c2', grade: 'inadequate' },
        ],
      },
    });
    await bed.given(boardFactStream(BOARD_ID, 'audit', 'a2'), scheduled('a2', '2025-06-30'));
    await bed.given(boardFactStream(BOARD_ID, 'audit', 'a3'), scheduled('a3', '2025-09-30'));
    await bed.given(boardFactStream(BOARD_ID, 'audit', 'a4'), scheduled('a4', '2025-06-01'), {
      type: 'RecordRetracted',
      data: { boardId: BOARD_ID, retractedType: 'AuditScheduled', businessId: 'a4', reason: 'duplicate' },
    });
    await bed.given(boardFactStream('gwent', 'audit', 'a9'), {
      type: 'AuditScheduled',
      data: { boardId: 'gwent', auditId: 'a9', title: 'Other board', dueOn: '2025-06-01' },
    });

    const programme = await bed.queries.execute(new AuditProgrammeQuery(BOARD_ID));

    expect(programme.asOf).toBe('2025-07-01');
    expect(programme.audits.map((audit) => [audit.auditId, audit.state, audit.completedOnTime])).toEqual([
      ['a1', 'completed', true],
      ['a2', 'overdue', null],
      ['a3', 'due', null],
    ]);
    expect(programme.summary).toEqual({
      scheduled: 3,
      completed: 1,
      completedOnTime: 1,
      due: 1,
      overdue: 1,
      grades: { outstanding: 0, good: 1, 'requires-improvement': 0, inadequate: 1 },
    });
  });

  it('answers not found for a board that does not exist', async () => {
    await expect(bed.queries.execute(new AuditProgrammeQuery('nowhere'))).rejects.toBeInstanceOf(NotFound);
  });
});
