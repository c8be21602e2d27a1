import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { Subgroup } from '../subgroup.aggregate';
import { FormSubgroupCommand } from './form-subgroup.command';

@CommandHandler(FormSubgroupCommand)
export class FormSubgroupHandler implements ICommandHandler<FormSubgroupCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: FormSubgroupCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new Subgroup(data.boardId, data.subgroupId),
      context,
      (subgroup) => subgroup.form(data, board, this.clock.today()),
    );
  }
}
