import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { EngagementActivity } from '../engagement-activity.aggregate';
import { RecordEngagementActivityCommand } from './record-engagement-activity.command';

@CommandHandler(RecordEngagementActivityCommand)
export class RecordEngagementActivityHandler implements ICommandHandler<RecordEngagementActivityCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: RecordEngagementActivityCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new EngagementActivity(data.boardId, data.activityId),
      context,
      (activity) => activity.record(data, board, this.clock.today()),
    );
  }
}
