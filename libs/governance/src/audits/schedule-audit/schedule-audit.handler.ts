import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { Audit } from '../audit.aggregate';
import { ScheduleAuditCommand } from './schedule-audit.command';

@CommandHandler(ScheduleAuditCommand)
export class ScheduleAuditHandler implements ICommandHandler<ScheduleAuditCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
  ) {}

  async execute({ data, context }: ScheduleAuditCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new Audit(data.boardId, data.auditId),
      context,
      (audit) => audit.schedule(data),
    );
  }
}
