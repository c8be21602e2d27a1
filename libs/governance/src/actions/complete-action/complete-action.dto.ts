import { ApiProperty } from '@nestjs/swagger';

/** The `ActionCompleted` / `ActionCancelled` data without `boardId` and `actionId`. */
export class CloseActionRequest {
  @ApiProperty({ example: '2025-07-28', description: 'YYYY-MM-DD: not before assignment, not after today' })
  on!: string;
}

export const COMPLETE_ACTION_EXAMPLE = { on: '2025-07-28' };
