import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { AuditCompletedData } from '../audits.events';
import { CompleteAuditCommand } from './complete-audit.command';

describe('CompleteAuditCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'audit', 'a1');
  const completion: AuditCompletedData = {
    boardId: BOARD_ID,
    auditId: 'a1',
    completedOn: '2025-06-12',
    caseResults: [
      { caseRef: 'case-17', grade: 'good', agency: 'police-sw' },
      { caseRef: 'case-17', grade: 'requires-improvement', agency: 'cvuhb' },
    ],
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const complete = (data: AuditCompletedData) => bed.commands.execute(new CompleteAuditCommand(data, commandContext()));
  const givenScheduled = (dueOn = '2025-06-30') =>
    bed.given(stream, { type: 'AuditScheduled', data: { boardId: BOARD_ID, auditId: 'a1', title: 'Neglect', dueOn } });

  it('completes a scheduled audit with its case results', async () => {
    await givenScheduled();
    await complete(completion);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'AuditCompleted', data: completion });
  });

  it('completes an audit late: after its due date is allowed', async () => {
    await givenScheduled('2025-05-31');
    await expect(complete(completion)).resolves.toMatchObject({ status: 'appended' });
  });

  it('takes a second completion as a correction of the grades', async () => {
    await givenScheduled();
    await complete(completion);
    await complete({ ...completion, caseResults: [{ caseRef: 'case-17', grade: 'outstanding' }] });
    expect(await bed.facts(stream)).toHaveLength(3);
  });

  it('refuses completing an audit that was never scheduled', async () => {
    await expect(complete(completion)).rejects.toBeInstanceOf(NotFound);
    expect(await bed.head()).toBe(1);
  });

  it('refuses a completion without case results, or with a case result listed twice', async () => {
    await givenScheduled();
    await expect(complete({ ...completion, caseResults: [] })).rejects.toMatchObject({
      rule: 'audit-without-case-results',
      values: { auditId: 'a1' },
    });
    await expect(complete({ ...completion, caseResults: [completion.caseResults[0], completion.caseResults[0]] })).rejects.toMatchObject({
      rule: 'case-result-listed-twice',
    });
  });

  it('refuses a completion in the future or before the board existed', async () => {
    await givenScheduled();
    await expect(complete({ ...completion, completedOn: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(complete({ ...completion, completedOn: '2016-04-05' })).rejects.toMatchObject({ rule: 'before-board-established' });
    expect(await bed.head()).toBe(2);
  });
});
