import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import type { PracticeReviewMilestoneData } from '../practice-reviews.events';
import { PublishPracticeReviewCommand } from './publish-practice-review.command';

describe('PublishPracticeReviewCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'practice-review', 'cpr-1');
  const published: PracticeReviewMilestoneData = { boardId: BOARD_ID, reviewId: 'cpr-1', kind: 'concise', on: '2025-06-30' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const publish = (data: PracticeReviewMilestoneData) => bed.commands.execute(new PublishPracticeReviewCommand(data, commandContext()));
  const givenCommissioned = () => bed.given(stream, { type: 'PracticeReviewCommissioned', data: { ...published, on: '2025-03-14' } });

  it('publishes a commissioned review', async () => {
    await givenCommissioned();
    await publish(published);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'PracticeReviewPublished', data: published });
  });

  it('refuses publishing a review never commissioned', async () => {
    await expect(publish(published)).rejects.toBeInstanceOf(NotFound);
    expect(await bed.head()).toBe(1);
  });

  it('refuses publishing before the commissioning date', async () => {
    await givenCommissioned();
    await expect(publish({ ...published, on: '2025-03-13' })).rejects.toMatchObject({
      rule: 'review-published-before-commissioned',
      values: { reviewId: 'cpr-1', publishedOn: '2025-03-13', commissionedOn: '2025-03-14' },
      kind: 'unprocessable',
    });
  });

  it('refuses a publication of another kind than commissioned, or in the future', async () => {
    await givenCommissioned();
    await expect(publish({ ...published, kind: 'extended' })).rejects.toMatchObject({ rule: 'review-kind-mismatch' });
    await expect(publish({ ...published, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    expect(await bed.head()).toBe(2);
  });
});
