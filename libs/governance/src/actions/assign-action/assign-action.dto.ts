import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';
import { ACTION_ORIGIN_KINDS, type ActionOriginKind } from '../actions.events';

export class ActionOriginRequest {
  @ApiProperty({ enum: ACTION_ORIGIN_KINDS, example: 'audit' })
  kind!: ActionOriginKind;

  @ApiProperty({ example: 'a1' })
  id!: string;
}

/** The `ActionAssigned` data without `boardId`. Assigning an action id again corrects it. */
export class AssignActionRequest {
  @ApiProperty({ example: 'act-7' })
  actionId!: string;

  @ApiProperty({ example: 'Refresh the neglect toolkit' })
  title!: string;

  @ApiProperty({ example: 'cardiff-council', description: 'A partner of the board on assignedOn' })
  ownerPartnerId!: string;

  @ApiProperty({ example: '2025-05-01', description: 'YYYY-MM-DD, not after today' })
  assignedOn!: string;

  @ApiProperty({ example: '2025-07-31', description: 'YYYY-MM-DD, not before assignedOn; may be in the future' })
  dueOn!: string;

  @ApiPropertyOptional({ type: ActionOriginRequest })
  arisingFrom?: ActionOriginRequest;
}

export const ASSIGN_ACTION_EXAMPLE = {
  actionId: 'act-7',
  title: 'Refresh the neglect toolkit',
  ownerPartnerId: 'cardiff-council',
  assignedOn: '2025-05-01',
  dueOn: '2025-07-31',
  arisingFrom: { kind: 'audit', id: 'a1' },
};

export class ActionRecorded extends RecordedFact {
  @ApiProperty({ example: 'act-7' })
  actionId!: string;
}
