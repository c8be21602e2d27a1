import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { TrainingSession } from '../training-session.aggregate';
import { RecordTrainingSessionCommand } from './record-training-session.command';

@CommandHandler(RecordTrainingSessionCommand)
export class RecordTrainingSessionHandler implements ICommandHandler<RecordTrainingSessionCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: RecordTrainingSessionCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new TrainingSession(data.boardId, data.sessionId),
      context,
      (session) => session.record(data, board, this.clock.today()),
    );
  }
}
