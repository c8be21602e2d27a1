import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { Action } from '../action.aggregate';
import { ChangeActionDueDateCommand } from './change-action-due-date.command';

@CommandHandler(ChangeActionDueDateCommand)
export class ChangeActionDueDateHandler implements ICommandHandler<ChangeActionDueDateCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: ChangeActionDueDateCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new Action(data.boardId, data.actionId),
      context,
      (action) => action.changeDueDate(data, this.clock.today()),
    );
  }
}
