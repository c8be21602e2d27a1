import { DomainEventClass } from '@app/ddd';

export const PRACTICE_REVIEW_KINDS = ['concise', 'extended'] as const;
export type PracticeReviewKind = (typeof PRACTICE_REVIEW_KINDS)[number];

/** Data of `PracticeReviewCommissioned` and `PracticeReviewPublished`; business key `reviewId`. */
export type PracticeReviewMilestoneData = { boardId: string; reviewId: string; kind: PracticeReviewKind; on: string };

export class PracticeReviewCommissioned extends DomainEventClass<'PracticeReviewCommissioned', PracticeReviewMilestoneData> {
  static readonly type = 'PracticeReviewCommissioned';
  readonly type = PracticeReviewCommissioned.type;
}

export class PracticeReviewPublished extends DomainEventClass<'PracticeReviewPublished', PracticeReviewMilestoneData> {
  static readonly type = 'PracticeReviewPublished';
  readonly type = PracticeReviewPublished.type;
}
