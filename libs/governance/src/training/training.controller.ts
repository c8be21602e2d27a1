import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { RecordEngagementActivityCommand } from './record-engagement-activity/record-engagement-activity.command';
import {
  EngagementActivityRecorded,
  RECORD_ENGAGEMENT_ACTIVITY_EXAMPLE,
  RecordEngagementActivityRequest,
} from './record-engagement-activity/record-engagement-activity.dto';
import { RecordTrainingSessionCommand } from './record-training-session/record-training-session.command';
import {
  RECORD_TRAINING_SESSION_EXAMPLE,
  RecordTrainingSessionRequest,
  TrainingSessionRecorded,
} from './record-training-session/record-training-session.dto';
import type { EngagementActivityHeldData, TrainingDeliveredData } from './training.events';
import { Roles } from '@app/security/authorization/access.decorator';

/** Multi-agency training and engagement with children, families and communities. Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: training and engagement')
@Roles('board-admin')
@Controller('v1/boards/:boardId')
export class TrainingController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post('training-sessions')
  @ApiBoardCommand({
    summary: 'Record a training session that was delivered (TrainingDelivered)',
    description: 'Every attending partner must be a partner of the board on the day.',
    request: RecordTrainingSessionRequest,
    example: RECORD_TRAINING_SESSION_EXAMPLE,
    response: TrainingSessionRecorded,
  })
  async recordTraining(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<TrainingSessionRecorded> {
    const { data, recorded } = await this.recorder.record<TrainingDeliveredData>(
      request,
      'TrainingDelivered',
      { boardId },
      body,
      (d, context) => new RecordTrainingSessionCommand(d, context),
    );
    return { ...recorded, sessionId: data.sessionId };
  }

  @Post('engagement-activities')
  @ApiBoardCommand({
    summary: 'Record an engagement activity that was held (EngagementActivityHeld)',
    request: RecordEngagementActivityRequest,
    example: RECORD_ENGAGEMENT_ACTIVITY_EXAMPLE,
    response: EngagementActivityRecorded,
  })
  async recordEngagement(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<EngagementActivityRecorded> {
    const { data, recorded } = await this.recorder.record<EngagementActivityHeldData>(
      request,
      'EngagementActivityHeld',
      { boardId },
      body,
      (d, context) => new RecordEngagementActivityCommand(d, context),
    );
    return { ...recorded, activityId: data.activityId };
  }
}
