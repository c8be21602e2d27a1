import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, NotFound, type HandledCommand } from '@app/ddd';
import { GovernanceClock } from '../../governance-clock';
import { BoardDirectory } from '../board-directory';
import { BoardPartners } from '../board-partners.aggregate';
import { RecordPartnerJoiningCommand } from './record-partner-joining.command';

@CommandHandler(RecordPartnerJoiningCommand)
export class RecordPartnerJoiningHandler implements ICommandHandler<RecordPartnerJoiningCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: RecordPartnerJoiningCommand): Promise<HandledCommand> {
    const founding = await this.boards.getEstablishment(data.boardId);
    if (founding === null) throw new NotFound('Board', data.boardId);
    return this.repository.handle(
      () => new BoardPartners(data.boardId),
      context,
      (partners) => partners.join(data, founding, this.clock.today()),
    );
  }
}
