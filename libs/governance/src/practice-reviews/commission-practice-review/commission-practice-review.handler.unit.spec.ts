import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { PracticeReviewMilestoneData } from '../practice-reviews.events';
import { CommissionPracticeReviewCommand } from './commission-practice-review.command';

describe('CommissionPracticeReviewCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'practice-review', 'cpr-1');
  const commissioned: PracticeReviewMilestoneData = { boardId: BOARD_ID, reviewId: 'cpr-1', kind: 'concise', on: '2025-03-14' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const commission = (data: PracticeReviewMilestoneData) =>
    bed.commands.execute(new CommissionPracticeReviewCommand(data, commandContext()));

  it('records a commissioned review in its own stream', async () => {
    await commission(commissioned);
    expect(await bed.facts(stream)).toEqual([{ type: 'PracticeReviewCommissioned', data: commissioned }]);
  });

  it('refuses a commissioning date in the future or before the board existed', async () => {
    await expect(commission({ ...commissioned, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    await expect(commission({ ...commissioned, on: '2010-01-01' })).rejects.toMatchObject({ rule: 'before-board-established' });
  });

  it('refuses a correction that would put the commissioning after the publication, or change its kind', async () => {
    await bed.given(
      stream,
      { type: 'PracticeReviewCommissioned', data: commissioned },
      { type: 'PracticeReviewPublished', data: { ...commissioned, on: '2025-06-01' } },
    );
    await expect(commission({ ...commissioned, on: '2025-06-02' })).rejects.toMatchObject({ rule: 'review-published-before-commissioned' });
    await expect(commission({ ...commissioned, kind: 'extended' })).rejects.toMatchObject({
      rule: 'review-kind-mismatch',
      values: { reviewId: 'cpr-1', kind: 'extended', recordedKind: 'concise' },
    });
    await expect(commission({ ...commissioned, on: '2025-03-10' })).resolves.toMatchObject({ status: 'appended' });
  });
});
