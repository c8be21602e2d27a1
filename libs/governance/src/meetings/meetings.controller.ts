import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import type { BoardMeetingHeldData } from './meetings.events';
import { RecordBoardMeetingCommand } from './record-board-meeting/record-board-meeting.command';
import {
  BoardMeetingRecorded,
  RECORD_BOARD_MEETING_EXAMPLE,
  RecordBoardMeetingRequest,
} from './record-board-meeting/record-board-meeting.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: meetings')
@Roles('board-admin')
@Controller('v1/boards/:boardId/meetings')
export class MeetingsController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post()
  @ApiBoardCommand({
    summary: 'Record a board meeting that was held (BoardMeetingHeld)',
    description: 'Every attendee must be a partner of the board on the day.',
    request: RecordBoardMeetingRequest,
    example: RECORD_BOARD_MEETING_EXAMPLE,
    response: BoardMeetingRecorded,
  })
  async record(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<BoardMeetingRecorded> {
    const { data, recorded } = await this.recorder.record<BoardMeetingHeldData>(
      request,
      'BoardMeetingHeld',
      { boardId },
      body,
      (d, context) => new RecordBoardMeetingCommand(d, context),
    );
    return { ...recorded, meetingId: data.meetingId };
  }
}
