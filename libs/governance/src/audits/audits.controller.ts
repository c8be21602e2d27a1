import { Body, Controller, Get, Param, Post, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiError } from '@app/platform';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { AuditProgramme } from './audit-programme/audit-programme.dto';
import { AuditProgrammeQuery } from './audit-programme/audit-programme.query';
import type { AuditCompletedData, AuditScheduledData } from './audits.events';
import { CompleteAuditCommand } from './complete-audit/complete-audit.command';
import { COMPLETE_AUDIT_EXAMPLE, CompleteAuditRequest } from './complete-audit/complete-audit.dto';
import { ScheduleAuditCommand } from './schedule-audit/schedule-audit.command';
import { AuditRecorded, SCHEDULE_AUDIT_EXAMPLE, ScheduleAuditRequest } from './schedule-audit/schedule-audit.dto';
import { Roles } from '@app/security/authorization/access.decorator';

/** The audit programme (quality assurance). Recorded by board-admin for its own boards; read by board-admin, analyst and auditor. */
@ApiTags('governance: audits')
@Roles('board-admin')
@Controller('v1/boards/:boardId/audits')
export class AuditsController {
  constructor(
    private readonly recorder: BoardCommandRecorder,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @ApiBoardCommand({
    summary: 'Put an audit on the audit programme (AuditScheduled)',
    request: ScheduleAuditRequest,
    example: SCHEDULE_AUDIT_EXAMPLE,
    response: AuditRecorded,
  })
  async schedule(@Req() request: HttpCommandRequest, @Param('boardId') boardId: string, @Body() body: unknown): Promise<AuditRecorded> {
    const { data, recorded } = await this.recorder.record<AuditScheduledData>(
      request,
      'AuditScheduled',
      { boardId },
      body,
      (d, context) => new ScheduleAuditCommand(d, context),
    );
    return { ...recorded, auditId: data.auditId };
  }

  @Post(':auditId/completion')
  @ApiBoardCommand({
    summary: 'Record that a scheduled audit was completed, with its case results (AuditCompleted)',
    description: 'The audit must have been scheduled (404 otherwise).',
    request: CompleteAuditRequest,
    example: COMPLETE_AUDIT_EXAMPLE,
    response: AuditRecorded,
  })
  async complete(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('auditId') auditId: string,
    @Body() body: unknown,
  ): Promise<AuditRecorded> {
    const { data, recorded } = await this.recorder.record<AuditCompletedData>(
      request,
      'AuditCompleted',
      { boardId, auditId },
      body,
      (d, context) => new CompleteAuditCommand(d, context),
    );
    return { ...recorded, auditId: data.auditId };
  }

  @Get()
  @Roles('board-admin', 'analyst', 'auditor')
  @ApiOperation({ summary: 'The audit programme: every audit scheduled, due, overdue or completed, with grades' })
  @ApiOkResponse({ type: AuditProgramme })
  @ApiNotFoundResponse({ type: ApiError, description: 'No board with that id' })
  programme(@Param('boardId') boardId: string): Promise<AuditProgramme> {
    return this.queries.execute(new AuditProgrammeQuery(boardId));
  }
}
