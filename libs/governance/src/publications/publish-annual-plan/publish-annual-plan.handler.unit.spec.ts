import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { AnnualDocumentPublishedData } from '../publications.events';
import { PublishAnnualPlanCommand } from './publish-annual-plan.command';

describe('PublishAnnualPlanCommand', () => {
  let bed: GovernanceTestBed;
  const plan: AnnualDocumentPublishedData = { boardId: BOARD_ID, financialYear: '2025-26', publishedOn: '2025-03-20' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const publish = (data: AnnualDocumentPublishedData) => bed.commands.execute(new PublishAnnualPlanCommand(data, commandContext()));

  it('records the plan in the stream of its financial year, and a later one as a correction', async () => {
    await publish(plan);
    await publish({ ...plan, publishedOn: '2025-03-25' });
    expect(await bed.facts(boardFactStream(BOARD_ID, 'publication', '2025-26'))).toEqual([
      { type: 'AnnualPlanPublished', data: plan },
      { type: 'AnnualPlanPublished', data: { ...plan, publishedOn: '2025-03-25' } },
    ]);
  });

  it('refuses a financial year not written YYYY-YY with the next year second', async () => {
    await expect(publish({ ...plan, financialYear: '2025-27' })).rejects.toMatchObject({
      rule: 'financial-year-format',
      values: { financialYear: '2025-27' },
      kind: 'unprocessable',
    });
  });

  it('refuses a publication date in the future', async () => {
    await expect(publish({ ...plan, publishedOn: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    expect(await bed.head()).toBe(1);
  });

  it('refuses a plan of a board that does not exist', async () => {
    await expect(publish({ ...plan, boardId: 'nowhere' })).rejects.toBeInstanceOf(NotFound);
  });
});
