import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { GovernanceClock } from '../../governance-clock';
import { BoardRegistry } from '../board-registry.aggregate';
import { EstablishBoardCommand } from './establish-board.command';

@CommandHandler(EstablishBoardCommand)
export class EstablishBoardHandler implements ICommandHandler<EstablishBoardCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly clock: GovernanceClock,
  ) {}

  execute({ data, context }: EstablishBoardCommand): Promise<HandledCommand> {
    return this.repository.handle(
      () => new BoardRegistry(),
      context,
      (registry) => registry.establish(data, this.clock.today()),
    );
  }
}
