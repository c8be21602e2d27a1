import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AggregateRepository } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BoardDirectory } from '../../boards/board-directory';
import { BoardStreamIndex } from '../../boards/board-stream-index';
import type { BoardView } from '../../boards/board-view';
import { GovernanceClock } from '../../governance-clock';
import { Action } from '../action.aggregate';
import type { ActionAssignedData } from '../actions.events';
import type { BoardActionView, BoardActions } from './board-actions.dto';
import { BoardActionsQuery } from './board-actions.query';

/** Folds each action stream of the board (governance read models are a later issue). */
@QueryHandler(BoardActionsQuery)
export class BoardActionsHandler implements IQueryHandler<BoardActionsQuery> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly index: BoardStreamIndex,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ boardId, state }: BoardActionsQuery): Promise<BoardActions> {
    const board = await this.boards.requireBoard(boardId);
    const today = this.clock.today();
    const prefix = boardFactStream(boardId, 'action', '');
    const streams = await this.index.streamsOf(boardId, 'action');
    const actions = await Promise.all(streams.map((stream) => this.repository.load(new Action(boardId, stream.slice(prefix.length)))));
    const views = actions
      .flatMap((action) => (action.assigned === null ? [] : [viewOf(action, action.assigned, board, today)]))
      .filter((view) => state === 'all' || view.state === state)
      .sort((a, b) => (a.dueOn === b.dueOn ? a.actionId.localeCompare(b.actionId) : a.dueOn < b.dueOn ? -1 : 1));
    return { boardId, state, asOf: today, actions: views };
  }
}

function viewOf(action: Action, assigned: ActionAssignedData, board: BoardView, today: string): BoardActionView {
  const dueOn = action.dueOnAsOf(today) ?? assigned.dueOn;
  const state = action.completed !== null ? 'completed' : action.cancelled !== null ? 'cancelled' : 'open';
  const owner = board.partners.find((partner) => partner.partnerId === assigned.ownerPartnerId);
  return {
    actionId: assigned.actionId,
    title: assigned.title,
    owner: { partnerId: assigned.ownerPartnerId, name: owner?.name ?? null },
    assignedOn: assigned.assignedOn,
    originalDueOn: assigned.dueOn,
    dueOn,
    state,
    overdue: state === 'open' && dueOn < today,
    closedOn: (action.completed ?? action.cancelled)?.on ?? null,
    ...(assigned.arisingFrom === undefined ? {} : { arisingFrom: assigned.arisingFrom }),
  };
}
