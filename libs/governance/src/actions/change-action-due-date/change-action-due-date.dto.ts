import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `ActionDueDateChanged` data without `boardId` and `actionId`. A change on the same day corrects it. */
export class ChangeActionDueDateRequest {
  @ApiProperty({ example: '2025-09-30', description: 'The new due date; may be in the future' })
  dueOn!: string;

  @ApiProperty({ example: '2025-07-20', description: 'The day of the change: not before assignment, not after today' })
  changedOn!: string;

  @ApiProperty({ example: 'Waiting for the national neglect guidance' })
  reason!: string;
}

export const CHANGE_ACTION_DUE_DATE_EXAMPLE = {
  dueOn: '2025-09-30',
  changedOn: '2025-07-20',
  reason: 'Waiting for the national neglect guidance',
};

export class ActionDueDateChangeRecorded extends RecordedFact {
  @ApiProperty({ example: 'act-7' })
  actionId!: string;

  @ApiProperty({ example: '2025-07-20' })
  changedOn!: string;
}
