import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { PracticeReview } from '../practice-review.aggregate';
import { CommissionPracticeReviewCommand } from './commission-practice-review.command';

@CommandHandler(CommissionPracticeReviewCommand)
export class CommissionPracticeReviewHandler implements ICommandHandler<CommissionPracticeReviewCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: CommissionPracticeReviewCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new PracticeReview(data.boardId, data.reviewId),
      context,
      (review) => review.commission(data, board, this.clock.today()),
    );
  }
}
