import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { PracticeReview } from '../practice-review.aggregate';
import { PublishPracticeReviewCommand } from './publish-practice-review.command';

@CommandHandler(PublishPracticeReviewCommand)
export class PublishPracticeReviewHandler implements ICommandHandler<PublishPracticeReviewCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: PublishPracticeReviewCommand): Promise<HandledCommand> {
    await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new PracticeReview(data.boardId, data.reviewId),
      context,
      (review) => review.recordPublication(data, this.clock.today()),
    );
  }
}
