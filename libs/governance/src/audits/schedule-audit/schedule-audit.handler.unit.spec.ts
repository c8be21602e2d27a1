import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { AuditScheduledData } from '../audits.events';
import { ScheduleAuditCommand } from './schedule-audit.command';

describe('ScheduleAuditCommand', () => {
  let bed: GovernanceTestBed;
  const audit: AuditScheduledData = { boardId: BOARD_ID, auditId: 'a1', title: 'Multi-agency audit: neglect', dueOn: '2025-09-30' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const schedule = (data: AuditScheduledData) => bed.commands.execute(new ScheduleAuditCommand(data, commandContext()));

  it('schedules an audit due in the future, and takes a later schedule as a correction', async () => {
    await schedule(audit);
    await schedule({ ...audit, dueOn: '2025-10-31' });
    expect(await bed.facts(boardFactStream(BOARD_ID, 'audit', 'a1'))).toEqual([
      { type: 'AuditScheduled', data: audit },
      { type: 'AuditScheduled', data: { ...audit, dueOn: '2025-10-31' } },
    ]);
  });

  it('refuses an audit of a board that does not exist', async () => {
    await expect(schedule({ ...audit, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
    expect(await bed.head()).toBe(1);
  });
});
