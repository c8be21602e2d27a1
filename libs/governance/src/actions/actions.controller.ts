import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiQuery, ApiTags, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { ApiError, InvalidRequest } from '@app/platform';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import type { ActionAssignedData, ActionClosedData, ActionDueDateChangedData } from './actions.events';
import { AssignActionCommand } from './assign-action/assign-action.command';
import { ActionRecorded, ASSIGN_ACTION_EXAMPLE, AssignActionRequest } from './assign-action/assign-action.dto';
import { ACTION_STATES, BoardActions, type ActionStateFilter } from './board-actions/board-actions.dto';
import { BoardActionsQuery } from './board-actions/board-actions.query';
import { CancelActionCommand } from './cancel-action/cancel-action.command';
import { CANCEL_ACTION_EXAMPLE } from './cancel-action/cancel-action.dto';
import { ChangeActionDueDateCommand } from './change-action-due-date/change-action-due-date.command';
import {
  ActionDueDateChangeRecorded,
  CHANGE_ACTION_DUE_DATE_EXAMPLE,
  ChangeActionDueDateRequest,
} from './change-action-due-date/change-action-due-date.dto';
import { CompleteActionCommand } from './complete-action/complete-action.command';
import { CloseActionRequest, COMPLETE_ACTION_EXAMPLE } from './complete-action/complete-action.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** Actions: assigned to partners, due dates moved with reasons, completed or cancelled. Recorded by board-admin for its own boards; read by board-admin, analyst and auditor. */
@ApiTags('governance: actions')
@Roles('board-admin')
@Controller('v1/boards/:boardId/actions')
export class ActionsController {
  constructor(
    private readonly recorder: BoardCommandRecorder,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiBoardCommand({
    summary: 'Assign an action to a partner (ActionAssigned)',
    description: 'The owner must be a partner of the board on assignedOn.',
    request: AssignActionRequest,
    example: ASSIGN_ACTION_EXAMPLE,
    response: ActionRecorded,
  })
  async assign(@Req() request: HttpCommandRequest, @Param('boardId') boardId: string, @Body() body: unknown): Promise<ActionRecorded> {
    const { data, recorded } = await this.recorder.record<ActionAssignedData>(
      request,
      'ActionAssigned',
      { boardId },
      body,
      (d, context) => new AssignActionCommand(d, context),
    );
    return { ...recorded, actionId: data.actionId };
  }

  @Post(':actionId/due-date-changes')
  @ApiBoardCommand({
    summary: 'Change the due date of an action, with the reason (ActionDueDateChanged)',
    request: ChangeActionDueDateRequest,
    example: CHANGE_ACTION_DUE_DATE_EXAMPLE,
    response: ActionDueDateChangeRecorded,
  })
  async changeDueDate(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('actionId') actionId: string,
    @Body() body: unknown,
  ): Promise<ActionDueDateChangeRecorded> {
    const { data, recorded } = await this.recorder.record<ActionDueDateChangedData>(
      request,
      'ActionDueDateChanged',
      { boardId, actionId },
      body,
      (d, context) => new ChangeActionDueDateCommand(d, context),
    );
    return { ...recorded, actionId: data.actionId, changedOn: data.changedOn };
  }

  @Post(':actionId/completion')
  @ApiBoardCommand({
    summary: 'Record that an action was completed (ActionCompleted)',
    description: 'Once only, and not after a cancellation: to correct the date, retract the completion and record it again.',
    request: CloseActionRequest,
    example: COMPLETE_ACTION_EXAMPLE,
    response: ActionRecorded,
  })
  async complete(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('actionId') actionId: string,
    @Body() body: unknown,
  ): Promise<ActionRecorded> {
    const { data, recorded } = await this.recorder.record<ActionClosedData>(
      request,
      'ActionCompleted',
      { boardId, actionId },
      body,
      (d, context) => new CompleteActionCommand(d, context),
    );
    return { ...recorded, actionId: data.actionId };
  }

  @Post(':actionId/cancellation')
  @ApiBoardCommand({
    summary: 'Record that an action was cancelled (ActionCancelled)',
    description: 'Once only, and not after a completion.',
    request: CloseActionRequest,
    example: CANCEL_ACTION_EXAMPLE,
    response: ActionRecorded,
  })
  async cancel(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('actionId') actionId: string,
    @Body() body: unknown,
  ): Promise<ActionRecorded> {
    const { data, recorded } = await this.recorder.record<ActionClosedData>(
      request,
      'ActionCancelled',
      { boardId, actionId },
      body,
      (d, context) => new CancelActionCommand(d, context),
    );
    return { ...recorded, actionId: data.actionId };
  }

  @Get()
  @Roles('board-admin', 'analyst', 'auditor')
  @ApiOperation({ summary: 'The actions of the board in a state, with owners and the due dates in force today' })
  @ApiQuery({ name: 'state', required: false, enum: ACTION_STATES, description: 'open (the default), completed, cancelled or all' })
  @ApiOkResponse({ type: BoardActions })
  @ApiNotFoundResponse({ type: ApiError, description: 'No board with that id' })
  @ApiUnprocessableEntityResponse({ type: ApiError, description: 'An unknown state' })
  list(@Param('boardId') boardId: string, @Query('state') state?: string): Promise<BoardActions> {
    const filter = state ?? 'open';
    if (!isActionState(filter)) {
      throw new InvalidRequest('The query is invalid', [{ path: 'state', problem: `must be one of: ${ACTION_STATES.join(', ')}` }]);
    }
    return this.queries.execute(new BoardActionsQuery(boardId, filter));
  }
}

function isActionState(state: string): state is ActionStateFilter {
  return (ACTION_STATES as readonly string[]).includes(state);
}
