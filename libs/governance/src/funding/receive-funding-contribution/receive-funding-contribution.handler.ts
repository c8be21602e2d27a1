import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, DomainRuleViolation, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { BoardStreamIndex } from '../../boards/board-stream-index';
import { GovernanceClock } from '../../governance-clock';
import { FundingContribution } from '../funding-contribution.aggregate';
import { FundingContributionReceived } from '../funding.events';
import { ReceiveFundingContributionCommand } from './receive-funding-contribution.command';

@CommandHandler(ReceiveFundingContributionCommand)
export class ReceiveFundingContributionHandler implements ICommandHandler<ReceiveFundingContributionCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly index: BoardStreamIndex,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: ReceiveFundingContributionCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    await this.refuseReceiptHeldByAnotherContribution(data.boardId, data.receiptId, data.contributionId);
    return this.repository.handle(
      () => new FundingContribution(data.boardId, data.contributionId),
      context,
      (contribution) => contribution.receive(data, board, this.clock.today()),
    );
  }

  /** A receipt id is a business key of the board: one receipt in force may not be counted against two contributions. */
  private async refuseReceiptHeldByAnotherContribution(boardId: string, receiptId: string, contributionId: string): Promise<void> {
    const location = await this.index.locateFact(boardId, FundingContributionReceived.type, receiptId);
    if (location === null || location.parentId === contributionId) return;
    const other = await this.repository.load(new FundingContribution(boardId, location.parentId));
    if (other.receipts.has(receiptId)) {
      throw new DomainRuleViolation(
        'receipt-recorded-against-another-contribution',
        `Receipt ${receiptId} is recorded against contribution ${location.parentId}; retract it there first`,
        { receiptId, contributionId, otherContributionId: location.parentId },
      );
    }
  }
}
