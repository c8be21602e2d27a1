import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { Audit } from '../audit.aggregate';
import { CompleteAuditCommand } from './complete-audit.command';

@CommandHandler(CompleteAuditCommand)
export class CompleteAuditHandler implements ICommandHandler<CompleteAuditCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: CompleteAuditCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new Audit(data.boardId, data.auditId),
      context,
      (audit) => audit.complete(data, board, this.clock.today()),
    );
  }
}
