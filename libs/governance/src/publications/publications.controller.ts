import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { PublishAnnualPlanCommand } from './publish-annual-plan/publish-annual-plan.command';
import {
  AnnualDocumentRecorded,
  PUBLISH_ANNUAL_PLAN_EXAMPLE,
  PublishAnnualDocumentRequest,
} from './publish-annual-plan/publish-annual-plan.dto';
import { PublishAnnualReportCommand } from './publish-annual-report/publish-annual-report.command';
import { PUBLISH_ANNUAL_REPORT_EXAMPLE } from './publish-annual-report/publish-annual-report.dto';
import type { AnnualDocumentPublishedData } from './publications.events';
import { Roles } from '@app/security/authorization/access.decorator';

/** Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: plans and reports')
@Roles('board-admin')
@Controller('v1/boards/:boardId')
export class PublicationsController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Post('annual-plans')
  @ApiBoardCommand({
    summary: 'Record that the annual plan for a financial year was published (AnnualPlanPublished)',
    request: PublishAnnualDocumentRequest,
    example: PUBLISH_ANNUAL_PLAN_EXAMPLE,
    response: AnnualDocumentRecorded,
  })
  async publishPlan(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<AnnualDocumentRecorded> {
    const { data, recorded } = await this.recorder.record<AnnualDocumentPublishedData>(
      request,
      'AnnualPlanPublished',
      { boardId },
      body,
      (d, context) => new PublishAnnualPlanCommand(d, context),
    );
    return { ...recorded, financialYear: data.financialYear };
  }

  @Post('annual-reports')
  @ApiBoardCommand({
    summary: 'Record that the annual report on a financial year was published (AnnualReportPublished)',
    description: 'Not before the year it reports on has begun.',
    request: PublishAnnualDocumentRequest,
    example: PUBLISH_ANNUAL_REPORT_EXAMPLE,
    response: AnnualDocumentRecorded,
  })
  async publishReport(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Body() body: unknown,
  ): Promise<AnnualDocumentRecorded> {
    const { data, recorded } = await this.recorder.record<AnnualDocumentPublishedData>(
      request,
      'AnnualReportPublished',
      { boardId },
      body,
      (d, context) => new PublishAnnualReportCommand(d, context),
    );
    return { ...recorded, financialYear: data.financialYear };
  }
}
