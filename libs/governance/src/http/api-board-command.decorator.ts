import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import {
  ApiBody,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiHeader,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { ApiError } from '@app/platform';

export interface BoardCommandDocs {
  /** One line: what the endpoint records, and the event it stores. */
  summary: string;
  description?: string;
  request: Type<unknown>;
  /** A valid body, shown in the OpenAPI document. */
  example: Record<string, unknown>;
  response: Type<unknown>;
  /** 201 for a new fact (POST), 200 for a PUT that sets a value. */
  status?: 201 | 200;
}

/** The OpenAPI description every board command endpoint shares: body with example, answer, errors. */
export function ApiBoardCommand(docs: BoardCommandDocs): MethodDecorator {
  const status = docs.status ?? 201;
  const answer = { type: docs.response, description: 'The event was recorded (or had been: status duplicate)' };
  return applyDecorators(
    HttpCode(status),
    ApiOperation({ summary: docs.summary, description: docs.description }),
    ApiBody({ type: docs.request, examples: { example: { summary: 'A valid body', value: docs.example } } }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: false,
      description: 'Send the same key when retrying the same request: it is recorded once and answered as duplicate',
    }),
    status === 201 ? ApiCreatedResponse(answer) : ApiOkResponse(answer),
    ApiNotFoundResponse({ type: ApiError, description: 'No such board, or the record the path names does not exist' }),
    ApiConflictResponse({
      type: ApiError,
      description: 'The fact conflicts with what is recorded: `rule` names the rule, `values` the facts',
    }),
    ApiUnprocessableEntityResponse({
      type: ApiError,
      description: 'The body is invalid (`details` names every failing field) or the fact is impossible (`rule` and `values`)',
    }),
  );
}
