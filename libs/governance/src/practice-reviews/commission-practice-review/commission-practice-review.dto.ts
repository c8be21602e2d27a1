import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';
import { PRACTICE_REVIEW_KINDS, type PracticeReviewKind } from '../practice-reviews.events';

/** The `PracticeReviewCommissioned` data without `boardId`. */
export class CommissionPracticeReviewRequest {
  @ApiProperty({ example: 'cpr-2025-03' })
  reviewId!: string;

  @ApiProperty({ enum: PRACTICE_REVIEW_KINDS, example: 'concise' })
  kind!: PracticeReviewKind;

  @ApiProperty({ example: '2025-03-14', description: 'YYYY-MM-DD, not after today' })
  on!: string;
}

export const COMMISSION_PRACTICE_REVIEW_EXAMPLE = { reviewId: 'cpr-2025-03', kind: 'concise', on: '2025-03-14' };

export class PracticeReviewRecorded extends RecordedFact {
  @ApiProperty({ example: 'cpr-2025-03' })
  reviewId!: string;
}
