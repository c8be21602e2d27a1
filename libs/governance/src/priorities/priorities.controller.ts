import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { DefineStrategicPriorityCommand } from './define-strategic-priority/define-strategic-priority.command';
import {
  DEFINE_STRATEGIC_PRIORITY_EXAMPLE,
  DefineStrategicPriorityRequest,
  StrategicPriorityRecorded,
} from './define-strategic-priority/define-strategic-priority.dto';
import { FormSubgroupCommand } from './form-subgroup/form-subgroup.command';
import { FORM_SUBGROUP_EXAMPLE, FormSubgroupRequest, SubgroupRecorded } from './form-subgroup/form-subgroup.dto';
import type { StrategicPriorityDefinedData, SubgroupFormedData, SubgroupMeetingData } from './priorities.events';
import { RecordSubgroupMeetingCommand } from './record-subgroup-meeting/record-subgroup-meeting.command';
import { RECORD_SUBGROUP_MEETING_EXAMPLE, RecordSubgroupMeetingRequest } from './record-subgroup-meeting/record-subgroup-meeting.dto';
import { ScheduleSubgroupMeetingCommand } from './schedule-subgroup-meeting/schedule-subgroup-meeting.command';
import {
  SCHEDULE_SUBGROUP_MEETING_EXAMPLE,
  ScheduleSubgroupMeetingRequest,
  SubgroupMeetingRecorded,
} from './schedule-subgroup-meeting/schedule-subgroup-meeting.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** Strategic priorities and the subgroups (structures) of the board. Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: priorities and subgroups')
@Roles('board-admin')
@Controller('v1/boards/:boardId')
export class PrioritiesController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post('priorities')
  @ApiBoardCommand({
    summary: 'Define a strategic priority for a financial year (StrategicPriorityDefined)',
    description: 'metricCodes must be codes of the metric catalogue.',
    request: DefineStrategicPriorityRequest,
    example: DEFINE_STRATEGIC_PRIORITY_EXAMPLE,
    response: StrategicPriorityRecorded,
  })
  async define(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<StrategicPriorityRecorded> {
    const { data, recorded } = await this.recorder.record<StrategicPriorityDefinedData>(
      request,
      'StrategicPriorityDefined',
      { boardId },
      body,
      (d, context) => new DefineStrategicPriorityCommand(d, context),
    );
    return { ...recorded, priorityId: data.priorityId };
  }

  @Post('subgroups')
  @ApiBoardCommand({
    summary: 'Form a subgroup of the board (SubgroupFormed)',
    request: FormSubgroupRequest,
    example: FORM_SUBGROUP_EXAMPLE,
    response: SubgroupRecorded,
  })
  async form(@Req() request: HttpCommandRequest, @Param('boardId') boardId: string, @Body() body: unknown): Promise<SubgroupRecorded> {
    const { data, recorded } = await this.recorder.record<SubgroupFormedData>(
      request,
      'SubgroupFormed',
      { boardId },
      body,
      (d, context) => new FormSubgroupCommand(d, context),
    );
    return { ...recorded, subgroupId: data.subgroupId };
  }

  @Post('subgroups/:subgroupId/scheduled-meetings')
  @ApiBoardCommand({
    summary: 'Schedule a meeting of a subgroup (SubgroupMeetingScheduled)',
    description: 'The subgroup must have been formed, on or before the day of the meeting.',
    request: ScheduleSubgroupMeetingRequest,
    example: SCHEDULE_SUBGROUP_MEETING_EXAMPLE,
    response: SubgroupMeetingRecorded,
  })
  async schedule(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('subgroupId') subgroupId: string,
    @Body() body: unknown,
  ): Promise<SubgroupMeetingRecorded> {
    const { data, recorded } = await this.recorder.record<SubgroupMeetingData>(
      request,
      'SubgroupMeetingScheduled',
      { boardId, subgroupId },
      body,
      (d, context) => new ScheduleSubgroupMeetingCommand(d, context),
    );
    return { ...recorded, subgroupId: data.subgroupId, meetingId: data.meetingId };
  }

  @Post('subgroups/:subgroupId/held-meetings')
  @ApiBoardCommand({
    summary: 'Record that a subgroup meeting was held (SubgroupMeetingHeld)',
    description: 'The subgroup must have been formed, on or before the day of the meeting.',
    request: RecordSubgroupMeetingRequest,
    example: RECORD_SUBGROUP_MEETING_EXAMPLE,
    response: SubgroupMeetingRecorded,
  })
  async hold(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('subgroupId') subgroupId: string,
    @Body() body: unknown,
  ): Promise<SubgroupMeetingRecorded> {
    const { data, recorded } = await this.recorder.record<SubgroupMeetingData>(
      request,
      'SubgroupMeetingHeld',
      { boardId, subgroupId },
      body,
      (d, context) => new RecordSubgroupMeetingCommand(d, context),
    );
    return { ...recorded, subgroupId: data.subgroupId, meetingId: data.meetingId };
  }
}
