import { Controller, Get, Inject, Param, Query, Req } from '@nestjs/common';
import { ApiOperation, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import { NotFound } from '@app/ddd';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { ApiError, InvalidRequest } from '@app/platform';
import { MetricQueries } from '@app/metrics';
import { belongsToBoard } from './board-events';
import { ReadAudit } from './read-audit';
import { Roles } from '@app/security/authorization/access.decorator';

interface AuditedRequest {
  id?: string | number;
  url?: string;
  user?: { subject?: string };
}

/** How many log positions one raw-events request may scan for a board's events. */
const SCAN_LIMIT = 50_000;

@ApiTags('audit')
@Roles('auditor')
@Controller('v1')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly readAudit: ReadAudit,
    private readonly queries: MetricQueries,
  ) {}

  @Get('audit/verification')
  @ApiOperation({ summary: 'Re-hash the whole log: { ok, checked, firstBrokenPosition }' })
  verification() {
    return this.store.verify();
  }

  @Get('boards/:boardId/events')
  @ApiOperation({ summary: 'Raw recorded events of a board (auditor); every read is itself recorded in the log' })
  @ApiQuery({ name: 'fromPosition', required: false, example: 1 })
  @ApiQuery({ name: 'limit', required: false, example: 100 })
  @ApiResponse({ status: 404, type: ApiError })
  @ApiResponse({ status: 422, type: ApiError })
  async events(
    @Param('boardId') boardId: string,
    @Query('fromPosition') from: string | undefined,
    @Query('limit') limitText: string | undefined,
    @Req() request: AuditedRequest,
  ) {
    const fromPosition = wholeNumber(from, 'fromPosition', 1, 1, Number.MAX_SAFE_INTEGER);
    const limit = wholeNumber(limitText, 'limit', 100, 1, 1_000);
    await this.boardOrThrow(boardId);
    await this.readAudit.record({ who: whoOf(request), boardId, what: request.url ?? 'events', requestId: String(request.id ?? '') });
    const events: RecordedEvent[] = [];
    let next = fromPosition;
    const head = await this.store.headPosition();
    const scanEnd = Math.min(head, fromPosition + SCAN_LIMIT - 1);
    while (events.length < limit && next <= scanEnd) {
      const batch = await this.store.readAll({ fromPosition: next, toPosition: scanEnd, limit: 5_000 });
      if (batch.length === 0) break;
      for (const event of batch) {
        next = event.position + 1;
        if (belongsToBoard(event, boardId)) {
          events.push(event);
          if (events.length === limit) break;
        }
      }
    }
    return { boardId, events, nextPosition: next <= head ? next : null };
  }

  private async boardOrThrow(boardId: string): Promise<void> {
    const boards = await this.queries.boards();
    if (!boards.some((board) => board.boardId === boardId)) throw new NotFound('Board', boardId);
  }
}

function whoOf(request: AuditedRequest): string {
  return request.user?.subject ?? 'anonymous';
}

function wholeNumber(text: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidRequest(`${name} must be a whole number from ${min} to ${max}`, [
      { path: name, problem: `must be a whole number from ${min} to ${max}` },
    ]);
  }
  return value;
}
