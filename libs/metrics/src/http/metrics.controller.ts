import { Controller, Get, Header, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, InvalidRequest } from '@app/platform';
import { MetricCatalogue } from '../catalogue/metric-catalogue';
import { evidencePackCsv, evidencePackHtml } from '../evidence-pack/evidence-pack.render';
import { MetricQueries } from '../query/metric-queries';
import { EvidencePackQueryDto, LineageQueryDto, MetricsQueryDto, SeriesQueryDto } from './metrics-query.dto';
import { granularityParam, instantParam, limitParam, periodParam, suppressionParam } from './query-params';
import { ChildLevelRead, Roles } from '@app/security/authorization/access.decorator';

interface TextResponse {
  type(contentType: string): TextResponse;
  send(body: string): void;
}

@ApiTags('metrics')
@Roles('analyst', 'auditor')
@Controller('v1')
export class MetricsController {
  constructor(
    private readonly queries: MetricQueries,
    private readonly catalogue: MetricCatalogue,
  ) {}

  @Get('catalogue')
  @Roles('analyst', 'auditor', 'board-admin')
  @ApiOperation({ summary: 'Every metric definition: code, title, factor, unit, direction, definition text, settings' })
  @Header('cache-control', 'public, max-age=300')
  catalogueList() {
    return { metrics: this.catalogue.all() };
  }

  @Get('boards/:boardId/metrics')
  @ApiOperation({ summary: "A board's metrics for a period, optionally as known at an instant" })
  @ApiParam({ name: 'boardId', example: 'cardiff-vale' })
  @ApiResponse({ status: 404, type: ApiError, description: 'No such board (or not yours)' })
  @ApiResponse({ status: 422, type: ApiError, description: 'A query parameter breaks its rule' })
  boardMetrics(@Param('boardId') boardId: string, @Query() query: MetricsQueryDto) {
    return this.queries.boardMetrics(boardId, periodParam(query.period), {
      asKnownAt: instantParam(query.asKnownAt),
      suppression: suppressionParam(query.suppression),
    });
  }

  @Get('boards/:boardId/metrics/:code')
  @ApiOperation({ summary: 'One metric value with its breakdowns' })
  @ApiResponse({ status: 404, type: ApiError })
  @ApiResponse({ status: 422, type: ApiError })
  metric(@Param('boardId') boardId: string, @Param('code') code: string, @Query() query: MetricsQueryDto) {
    return this.queries.metric(boardId, code, periodParam(query.period), {
      asKnownAt: instantParam(query.asKnownAt),
      suppression: suppressionParam(query.suppression),
    });
  }

  @Get('boards/:boardId/metrics/:code/series')
  @ApiOperation({ summary: 'The values of a metric per month, quarter or year between two periods' })
  @ApiResponse({ status: 404, type: ApiError })
  @ApiResponse({ status: 422, type: ApiError })
  series(@Param('boardId') boardId: string, @Param('code') code: string, @Query() query: SeriesQueryDto) {
    return this.queries.series(
      boardId,
      code,
      periodParam(query.from, 'from'),
      periodParam(query.to, 'to'),
      granularityParam(query.granularity),
      {
        asKnownAt: instantParam(query.asKnownAt),
        suppression: suppressionParam(query.suppression),
      },
    );
  }

  @Get('boards/:boardId/metrics/:code/lineage')
  @ChildLevelRead()
  @ApiOperation({ summary: 'The units a metric value counted, how, and their source events; paginated' })
  @ApiOkResponse({ description: '{ items: [{ unitKey, counted, reason, events: [...] }], nextCursor }' })
  @ApiResponse({ status: 404, type: ApiError })
  @ApiResponse({ status: 422, type: ApiError })
  lineage(@Param('boardId') boardId: string, @Param('code') code: string, @Query() query: LineageQueryDto) {
    return this.queries.lineage(boardId, code, periodParam(query.period), query.cursor ?? null, limitParam(query.limit), {
      asKnownAt: instantParam(query.asKnownAt),
    });
  }

  @Get('boards/:boardId/evidence-pack')
  @ApiOperation({ summary: 'The seven factors, each with its metrics, targets, status and trend; JSON, CSV or printable HTML' })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiResponse({ status: 404, type: ApiError })
  @ApiResponse({ status: 422, type: ApiError })
  async evidencePack(
    @Param('boardId') boardId: string,
    @Query() query: EvidencePackQueryDto,
    @Res({ passthrough: true }) response: TextResponse,
  ) {
    const format = query.format ?? 'json';
    if (!['json', 'csv', 'html'].includes(format)) {
      throw new InvalidRequest('format must be json, csv or html', [{ path: 'format', problem: 'must be one of: json, csv, html' }]);
    }
    const pack = await this.queries.evidencePack(boardId, periodParam(query.period), {
      asKnownAt: instantParam(query.asKnownAt),
      suppression: suppressionParam(query.suppression),
    });
    if (format === 'csv') return response.type('text/csv; charset=utf-8').send(evidencePackCsv(pack));
    if (format === 'html') return response.type('text/html; charset=utf-8').send(evidencePackHtml(pack));
    return pack;
  }
}
