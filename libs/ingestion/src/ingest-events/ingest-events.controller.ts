import { Body, Controller, Headers, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ApiError, InvalidRequest } from '@app/platform';
import { MAX_BATCH_BYTES, MAX_BATCH_EVENTS, MAX_EVENT_BYTES, jsonByteLengthOf } from '../cloud-event/size-limits';
import { parseBatch, parseStructuredEvent } from '../cloud-event/structured-mode';
import { IngestEvents, type IngestItem, type IngestOutcome } from './ingest-events.service';
import { Roles } from '@app/security/authorization/access.decorator';

const SINGLE = 'application/cloudevents+json';
const BATCH = 'application/cloudevents-batch+json';

interface RequestWithId {
  id?: string | number;
}

interface StatusResponse {
  status(code: number): unknown;
}

/** Thrown for a whole request that is too large: 413. */
class TooLarge extends InvalidRequest {
  constructor(message: string) {
    super(message, [{ path: '', problem: message }], 413);
  }
}

@ApiTags('ingestion')
@Roles('ingest')
@Controller('v1/events')
export class IngestEventsController {
  constructor(private readonly ingestion: IngestEvents) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Ingest one CloudEvent or a batch',
    description:
      `One event as ${SINGLE}, or a batch as ${BATCH} (a JSON array, taken in order). ` +
      `Limits: ${MAX_EVENT_BYTES} bytes per event, ${MAX_BATCH_EVENTS} events or ${MAX_BATCH_BYTES} bytes per batch.`,
  })
  @ApiConsumes(SINGLE, BATCH, 'application/json')
  @ApiBody({
    schema: { oneOf: [{ type: 'object' }, { type: 'array', items: { type: 'object' } }] },
    examples: {
      conference: {
        value: {
          specversion: '1.0',
          id: 'wccis-00042117',
          source: 'urn:case-system:wccis:W06000015',
          type: 'safeguarding.InitialChildProtectionConferenceHeld.v1',
          time: '2025-06-20T10:30:00Z',
          datacontenttype: 'application/json',
          data: {
            localAuthority: 'W06000015',
            conferenceId: 'icpc-8812',
            childIds: ['LA-77120', 'LA-77121'],
            heldOn: '2025-06-20',
            strategyDiscussionId: 'sd-3001',
            outcomes: [
              { childId: 'LA-77120', registered: true },
              { childId: 'LA-77121', registered: false },
            ],
          },
        },
      },
    },
  })
  @ApiResponse({ status: 202, description: '{ accepted, duplicates, rejected: [{ id, source, errors: [{ path, problem }] }] }' })
  @ApiResponse({ status: 400, type: ApiError, description: 'Malformed JSON' })
  @ApiResponse({ status: 409, type: ApiError, description: 'A single event re-uses (source, id) with other content' })
  @ApiResponse({ status: 413, type: ApiError, description: 'Over the size limits' })
  @ApiResponse({ status: 422, type: ApiError, description: 'A single event is invalid; every failing field is named' })
  async ingest(
    @Body() body: unknown,
    @Headers('content-type') contentType: string | undefined,
    @Req() request: RequestWithId,
    @Res({ passthrough: true }) response: StatusResponse,
  ) {
    const requestId = String(request.id ?? '');
    const transport = { kind: 'http' as const, requestId };
    const isBatch = (contentType ?? '').startsWith(BATCH) || (typeof body !== 'string' && Array.isArray(body));
    const items = isBatch ? readBatch(body) : [readSingle(body)];
    const outcomes = await this.ingestion.ingest(items.map((item) => ({ ...item, transport, correlationId: requestId })));
    if (!isBatch) {
      const [outcome] = outcomes;
      if (outcome.status === 'rejected') throw singleRejection(outcome);
    }
    response.status(202);
    return summarise(outcomes);
  }
}

function readSingle(body: unknown): Omit<IngestItem, 'transport' | 'correlationId'> {
  if (typeof body === 'string') {
    const parsed = parseStructuredEvent(body);
    if (!parsed.ok) {
      if (parsed.error.name === 'SizeLimitExceeded') throw new TooLarge(`an event must not exceed ${MAX_EVENT_BYTES} bytes`);
      throw new InvalidRequest('The request body is not valid JSON', [{ path: '', problem: 'is not valid JSON' }], 400);
    }
    return { raw: parsed.raw, byteLength: parsed.byteLength };
  }
  const byteLength = jsonByteLengthOf(body);
  if (byteLength > MAX_EVENT_BYTES) throw new TooLarge(`an event must not exceed ${MAX_EVENT_BYTES} bytes`);
  return { raw: body, byteLength };
}

function readBatch(body: unknown): Array<Omit<IngestItem, 'transport' | 'correlationId'>> {
  let events: unknown[];
  if (typeof body === 'string') {
    const parsed = parseBatch(body);
    if (!parsed.ok) {
      if (parsed.error.name === 'SizeLimitExceeded')
        throw new TooLarge(`a batch must not exceed ${MAX_BATCH_EVENTS} events or ${MAX_BATCH_BYTES} bytes`);
      const problem = parsed.error.message.includes('array') ? 'must be a JSON array of CloudEvents' : 'is not valid JSON';
      throw new InvalidRequest(`The batch ${problem}`, [{ path: '', problem }], problem === 'is not valid JSON' ? 400 : 422);
    }
    events = parsed.events;
  } else if (Array.isArray(body)) {
    if (body.length > MAX_BATCH_EVENTS) throw new TooLarge(`a batch must not exceed ${MAX_BATCH_EVENTS} events`);
    events = body;
  } else {
    throw new InvalidRequest('The batch must be a JSON array of CloudEvents', [
      { path: '', problem: 'must be a JSON array of CloudEvents' },
    ]);
  }
  return events.map((raw) => ({ raw, byteLength: jsonByteLengthOf(raw) }));
}

function singleRejection(outcome: Extract<IngestOutcome, { status: 'rejected' }>): InvalidRequest {
  const status = outcome.kind === 'conflict' || (outcome.kind === 'rule' && outcome.rule !== 'not-found') ? 409 : 422;
  const message =
    outcome.kind === 'invalid'
      ? 'The event is invalid'
      : outcome.kind === 'unknown-board'
        ? "No board covers the event's local authority"
        : outcome.kind === 'conflict'
          ? 'This (source, id) was already recorded with different content'
          : 'The event breaks a board rule';
  return new InvalidRequest(message, outcome.errors, status);
}

function summarise(outcomes: readonly IngestOutcome[]) {
  let accepted = 0;
  let duplicates = 0;
  const rejected: Array<{ id: string | null; source: string | null; reason: string; errors: unknown[] }> = [];
  for (const outcome of outcomes) {
    if (outcome.status === 'accepted') accepted++;
    else if (outcome.status === 'duplicate') duplicates++;
    else if (outcome.status === 'rejected')
      rejected.push({ id: outcome.id, source: outcome.source, reason: outcome.kind, errors: outcome.errors });
  }
  return { accepted, duplicates, rejected };
}
