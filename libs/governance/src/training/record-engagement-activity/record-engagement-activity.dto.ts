import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';
import { ENGAGEMENT_AUDIENCES, type EngagementAudience } from '../training.events';

/** The `EngagementActivityHeld` data without `boardId`. */
export class RecordEngagementActivityRequest {
  @ApiProperty({ example: 'eng-2025-05-youth-forum' })
  activityId!: string;

  @ApiProperty({ example: '2025-05-22', description: 'YYYY-MM-DD, not after today' })
  on!: string;

  @ApiProperty({ enum: ENGAGEMENT_AUDIENCES, example: 'young-people' })
  with!: EngagementAudience;

  @ApiProperty({ example: 24 })
  participants!: number;

  @ApiPropertyOptional({ example: 'Youth forum on feeling safe online' })
  summary?: string;
}

export const RECORD_ENGAGEMENT_ACTIVITY_EXAMPLE = {
  activityId: 'eng-2025-05-youth-forum',
  on: '2025-05-22',
  with: 'young-people',
  participants: 24,
  summary: 'Youth forum on feeling safe online',
};

export class EngagementActivityRecorded extends RecordedFact {
  @ApiProperty({ example: 'eng-2025-05-youth-forum' })
  activityId!: string;
}
