import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import type { RecordRetractedData } from '../record-retracted.events';
import { RetractRecordCommand } from './retract-record/retract-record.command';
import { RETRACT_RECORD_EXAMPLE, RetractionRecorded, RetractRecordRequest } from './retract-record/retract-record.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: retractions')
@Roles('board-admin')
@Controller('v1/boards/:boardId/retractions')
export class RetractionsController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post()
  @ApiBoardCommand({
    summary: 'Withdraw a board fact recorded in error (RecordRetracted)',
    description:
      'The fact must be in force (404 otherwise). A fact that others depend on (an audit with its completion, an action with its progress) is withdrawn after them.',
    request: RetractRecordRequest,
    example: RETRACT_RECORD_EXAMPLE,
    response: RetractionRecorded,
  })
  async retract(@Req() request: HttpCommandRequest, @Param('boardId') boardId: string, @Body() body: unknown): Promise<RetractionRecorded> {
    const { data, recorded } = await this.recorder.record<RecordRetractedData>(
      request,
      'RecordRetracted',
      { boardId },
      body,
      (d, context) => new RetractRecordCommand(d, context),
    );
    return { ...recorded, retractedType: data.retractedType, businessId: data.businessId };
  }
}
