import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { AnnualDocumentPublishedData } from '../publications.events';
import { PublishAnnualReportCommand } from './publish-annual-report.command';

describe('PublishAnnualReportCommand', () => {
  let bed: GovernanceTestBed;
  const report: AnnualDocumentPublishedData = { boardId: BOARD_ID, financialYear: '2024-25', publishedOn: '2025-07-01' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const publish = (data: AnnualDocumentPublishedData) => bed.commands.execute(new PublishAnnualReportCommand(data, commandContext()));

  it('records the report on a year in that year’s publication stream, beside its plan', async () => {
    const stream = boardFactStream(BOARD_ID, 'publication', '2024-25');
    await bed.given(stream, {
      type: 'AnnualPlanPublished',
      data: { boardId: BOARD_ID, financialYear: '2024-25', publishedOn: '2024-03-01' },
    });
    await publish(report);
    expect((await bed.facts(stream)).map((fact) => fact.type)).toEqual(['AnnualPlanPublished', 'AnnualReportPublished']);
  });

  it('refuses a report on a year published before that year began', async () => {
    await expect(publish({ ...report, financialYear: '2025-26', publishedOn: '2025-03-31' })).rejects.toMatchObject({
      rule: 'annual-report-before-year-start',
      values: { financialYear: '2025-26', publishedOn: '2025-03-31', yearStartsOn: '2025-04-01' },
    });
    await expect(publish({ ...report, financialYear: '2025-26', publishedOn: '2025-04-01' })).resolves.toMatchObject({
      status: 'appended',
    });
  });

  it('refuses a report published in the future or with a malformed year', async () => {
    await expect(publish({ ...report, publishedOn: '2025-07-31' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(publish({ ...report, financialYear: '24-25' })).rejects.toMatchObject({ rule: 'financial-year-format' });
    expect(await bed.head()).toBe(1);
  });
});
