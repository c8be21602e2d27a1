import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `SubgroupMeetingScheduled` data without `boardId` and `subgroupId`. */
export class ScheduleSubgroupMeetingRequest {
  @ApiProperty({ example: 'sg-qa-2025-07' })
  meetingId!: string;

  @ApiProperty({ example: '2025-07-10', description: 'YYYY-MM-DD; may be in the future' })
  on!: string;
}

export const SCHEDULE_SUBGROUP_MEETING_EXAMPLE = { meetingId: 'sg-qa-2025-07', on: '2025-07-10' };

export class SubgroupMeetingRecorded extends RecordedFact {
  @ApiProperty({ example: 'sg-qa' })
  subgroupId!: string;

  @ApiProperty({ example: 'sg-qa-2025-07' })
  meetingId!: string;
}
