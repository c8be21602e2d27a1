import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { Action } from '../action.aggregate';
import { CancelActionCommand } from './cancel-action.command';

@CommandHandler(CancelActionCommand)
export class CancelActionHandler implements ICommandHandler<CancelActionCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: CancelActionCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new Action(data.boardId, data.actionId),
      context,
      (action) => action.cancel(data, this.clock.today()),
    );
  }
}
