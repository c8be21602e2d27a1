import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { AnnualPublications } from '../annual-publications.aggregate';
import { PublishAnnualPlanCommand } from './publish-annual-plan.command';

@CommandHandler(PublishAnnualPlanCommand)
export class PublishAnnualPlanHandler implements ICommandHandler<PublishAnnualPlanCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: PublishAnnualPlanCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new AnnualPublications(data.boardId, data.financialYear),
      context,
      (publications) => publications.publishPlan(data, board, this.clock.today()),
    );
  }
}
