import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { FundingContribution } from '../funding-contribution.aggregate';
import { AgreeFundingContributionCommand } from './agree-funding-contribution.command';

@CommandHandler(AgreeFundingContributionCommand)
export class AgreeFundingContributionHandler implements ICommandHandler<AgreeFundingContributionCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
  ) {}

  async execute({ data, context }: AgreeFundingContributionCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new FundingContribution(data.boardId, data.contributionId),
      context,
      (contribution) => contribution.agree(data, board),
    );
  }
}
