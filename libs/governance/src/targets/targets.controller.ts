import { Body, Controller, Param, Put, Req } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { ApiBoardCommand } from '../http/api-board-command.decorator';
import { BoardCommandRecorder } from '../http/board-command-recorder';
import type { HttpCommandRequest } from '../http/http-command-context';
import { METRIC_CODES } from '@app/ingestion/catalogue/metric-codes';
import { SetMetricTargetCommand } from './set-metric-target/set-metric-target.command';
import { MetricTargetRecorded, SET_METRIC_TARGET_EXAMPLE, SetMetricTargetRequest } from './set-metric-target/set-metric-target.dto';
import type { MetricTargetSetData } from './targets.events';
import { Roles } from '@app/security/authorization/access.decorator';

/** Performance targets per metric and financial year. Recorded by the board-admin role, for its own boards. */
@ApiTags('governance: targets')
@Roles('board-admin')
@Controller('v1/boards/:boardId/targets')
export class TargetsController {
  constructor(private readonly recorder: BoardCommandRecorder) {}

  @Put(':metricCode/:financialYear')
  @ApiParam({ name: 'metricCode', enum: METRIC_CODES })
  @ApiParam({ name: 'financialYear', example: '2025-26' })
  @ApiBoardCommand({
    summary: "Set the board's target for a metric in a financial year (MetricTargetSet)",
    description: 'Setting it again replaces the target.',
    request: SetMetricTargetRequest,
    example: SET_METRIC_TARGET_EXAMPLE,
    response: MetricTargetRecorded,
    status: 200,
  })
  async set(
    @Req() request: HttpCommandRequest,
    @Param('boardId') boardId: string,
    @Param('metricCode') metricCode: string,
    @Param('financialYear') financialYear: string,
    @Body() body: unknown,
  ): Promise<MetricTargetRecorded> {
    const { data, recorded } = await this.recorder.record<MetricTargetSetData>(
      request,
      'MetricTargetSet',
      { boardId, metricCode, financialYear },
      body,
      (d, context) => new SetMetricTargetCommand(d, context),
    );
    return { ...recorded, metricCode: data.metricCode, financialYear: data.financialYear };
  }
}
