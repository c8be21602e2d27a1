import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateRepository, type HandledCommand } from '@app/ddd';
import { BoardDirectory } from '../../boards/board-directory';
import { GovernanceClock } from '../../governance-clock';
import { BoardMeeting } from '../board-meeting.aggregate';
import { RecordBoardMeetingCommand } from './record-board-meeting.command';

@CommandHandler(RecordBoardMeetingCommand)
export class RecordBoardMeetingHandler implements ICommandHandler<RecordBoardMeetingCommand> {
  constructor(
    private readonly repository: AggregateRepository,
    private readonly boards: BoardDirectory,
    private readonly clock: GovernanceClock,
  ) {}

  async execute({ data, context }: RecordBoardMeetingCommand): Promise<HandledCommand> {
    const board = await this.boards.requireBoard(data.boardId);
    return this.repository.handle(
      () => new BoardMeeting(data.boardId, data.meetingId),
      context,
      (meeting) => meeting.record(data, board, this.clock.today()),
    );
  }
}
