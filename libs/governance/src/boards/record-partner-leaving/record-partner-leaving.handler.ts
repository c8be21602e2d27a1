import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, NotFound, type HandledCommand } from '@app/ddd';
import { GovernanceClock } from '../../governance-clock';
import { BoardDirectory } from '../board-directory';
import { BoardPartners } from '../board-partners.aggregate';
import { RecordPartnerLeavingCommand } from './record-partner-leaving.command';

@CommandHandler(RecordPartnerLeavingCommand)
export class RecordPartnerLeavingHandler implements ICommandHandler<RecordPartnerLeavingCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: RecordPartnerLeavingCommand): Promise<HandledCommand> {
    const founding = await this.boards.getEstablishment(data.boardId);
    if (founding === null) throw new NotFound('Board', data.boardId);
    return this.repository.handle(
      () => new BoardPartners(data.boardId),
      context,
      (partners) => partners.leave(data, founding, this.clock.today()),
    );
  }
}
