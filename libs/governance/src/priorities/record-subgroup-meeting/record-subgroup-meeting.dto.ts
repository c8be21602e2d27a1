import { ApiProperty } from '@nestjs/swagger';

/** The `SubgroupMeetingHeld` data without `boardId` and `subgroupId`. */
export class RecordSubgroupMeetingRequest {
  @ApiProperty({ example: 'sg-qa-2025-07' })
  meetingId!: string;

  @ApiProperty({ example: '2025-07-10', description: 'YYYY-MM-DD, not after today' })
  on!: string;
}

export const RECORD_SUBGROUP_MEETING_EXAMPLE = { meetingId: 'sg-qa-2025-07', on: '2025-07-10' };
