import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { StrategicPriority } from '../strategic-priority.aggregate';
import { DefineStrategicPriorityCommand } from './define-strategic-priority.command';

@CommandHandler(DefineStrategicPriorityCommand)
export class DefineStrategicPriorityHandler implements ICommandHandler<DefineStrategicPriorityCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
  ) {}

  async execute({ data, context }: DefineStrategicPriorityCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new StrategicPriority(data.boardId, data.priorityId),
      context,
      (priority) => priority.define(data),
    );
  }
}
