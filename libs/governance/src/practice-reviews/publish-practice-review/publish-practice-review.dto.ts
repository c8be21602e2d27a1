import { ApiProperty } from '@nestjs/swagger';
import { PRACTICE_REVIEW_KINDS, type PracticeReviewKind } from '../practice-reviews.events';

/** The `PracticeReviewPublished` data without `boardId` and `reviewId`. */
export class PublishPracticeReviewRequest {
  @ApiProperty({ enum: PRACTICE_REVIEW_KINDS, example: 'concise', description: 'The kind it was commissioned as' })
  kind!: PracticeReviewKind;

  @ApiProperty({ example: '2025-08-29', description: 'YYYY-MM-DD: not before it was commissioned, not after today' })
  on!: string;
}

export const PUBLISH_PRACTICE_REVIEW_EXAMPLE = { kind: 'concise', on: '2025-08-29' };
