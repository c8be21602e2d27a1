import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTION_ORIGIN_KINDS, type ActionOriginKind } from '../actions.events';

export const ACTION_STATES = ['open', 'completed', 'cancelled', 'all'] as const;
export type ActionStateFilter = (typeof ACTION_STATES)[number];

export class ActionOriginView {
  @ApiProperty({ enum: ACTION_ORIGIN_KINDS, example: 'audit' })
  kind!: ActionOriginKind;

  @ApiProperty({ example: 'a1' })
  id!: string;
}

export class ActionOwnerView {
  @ApiProperty({ example: 'police-sw' })
  partnerId!: string;

  @ApiProperty({ type: String, nullable: true, example: 'South Wales Police' })
  name!: string | null;
}

export class BoardActionView {
  @ApiProperty({ example: 'act-7' })
  actionId!: string;

  @ApiProperty({ example: 'Refresh the neglect toolkit' })
  title!: string;

  @ApiProperty({ type: ActionOwnerView })
  owner!: ActionOwnerView;

  @ApiProperty({ example: '2025-05-01' })
  assignedOn!: string;

  @ApiProperty({ example: '2025-07-31', description: 'The due date given when the action was assigned' })
  originalDueOn!: string;

  @ApiProperty({ example: '2025-09-30', description: 'The due date in force today: that of the latest change made on or before today' })
  dueOn!: string;

  @ApiProperty({ enum: ['open', 'completed', 'cancelled'] })
  state!: 'open' | 'completed' | 'cancelled';

  @ApiProperty({ description: 'Open and past the due date in force' })
  overdue!: boolean;

  @ApiProperty({ type: String, nullable: true, example: null })
  closedOn!: string | null;

  @ApiPropertyOptional({ type: ActionOriginView })
  arisingFrom?: ActionOriginView;
}

export class BoardActions {
  @ApiProperty({ example: 'cardiff-vale' })
  boardId!: string;

  @ApiProperty({ enum: ACTION_STATES, example: 'open' })
  state!: ActionStateFilter;

  @ApiProperty({ example: '2025-07-01', description: 'The day (UK) the due dates in force are read on' })
  asOf!: string;

  @ApiProperty({ type: [BoardActionView] })
  actions!: BoardActionView[];
}
