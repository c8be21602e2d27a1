import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { Action } from '../action.aggregate';
import { AssignActionCommand } from './assign-action.command';

@CommandHandler(AssignActionCommand)
export class AssignActionHandler implements ICommandHandler<AssignActionCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: AssignActionCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new Action(data.boardId, data.actionId),
      context,
      (action) => action.assign(data, board, this.clock.today()),
    );
  }
}
