import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { AnnualPublications } from '../annual-publications.aggregate';
import { PublishAnnualReportCommand } from './publish-annual-report.command';

@CommandHandler(PublishAnnualReportCommand)
export class PublishAnnualReportHandler implements ICommandHandler<PublishAnnualReportCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: PublishAnnualReportCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new AnnualPublications(data.boardId, data.financialYear),
      context,
      (publications) => publications.publishReport(data, board, this.clock.today()),
    );
  }
}
