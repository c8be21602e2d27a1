import { ArgumentsHost, Catch, HttpException, HttpStatus, Logger, type ExceptionFilter } from '@nestjs/common';
import { DomainRuleViolation, NotFound } from '@app/ddd';
import { EventIdConflict, EventStoreUnavailable, StreamVersionConflict } from '@app/event-store';
import type { ApiError, ApiErrorDetail } from './api-error';

/** Thrown by HTTP edges for input that fails validation: 422 with every failing field. */
export class InvalidRequest extends Error {
  constructor(
    message: string,
    readonly details: ApiErrorDetail[],
    readonly statusCode: number = HttpStatus.UNPROCESSABLE_ENTITY,
  ) {
    super(message);
    this.name = 'InvalidRequest';
  }
}

const reasonPhrase = (status: number): string =>
  ({
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    409: 'Conflict',
    413: 'Payload Too Large',
    422: 'Unprocessable Entity',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
  })[status] ?? 'Error';

/**
 * Maps every error to the one shape of api.md. Domain and store errors carry their rule and
 * values; anything unexpected answers 500 without internals (and is logged).
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{ status(code: number): { json(body: unknown): void } }>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  toApiError(exception: unknown): ApiError {
    if (exception instanceof InvalidRequest) {
      return {
        statusCode: exception.statusCode,
        error: reasonPhrase(exception.statusCode),
        message: exception.message,
        details: exception.details,
      };
    }
    if (exception instanceof DomainRuleViolation) {
      const status = exception.kind === 'conflict' ? 409 : 422;
      return {
        statusCode: status,
        error: reasonPhrase(status),
        message: exception.message,
        rule: exception.rule,
        values: exception.values,
      };
    }
    if (exception instanceof NotFound) {
      return { statusCode: 404, error: 'Not Found', message: exception.message };
    }
    if (exception instanceof StreamVersionConflict) {
      return {
        statusCode: 409,
        error: 'Conflict',
        message: 'The record changed while the request was handled; read it again and retry',
        rule: exception.code,
        values: { expected: exception.expected, actual: exception.actual },
      };
    }
    if (exception instanceof EventIdConflict) {
      return {
        statusCode: 409,
        error: 'Conflict',
        message: exception.message,
        rule: exception.code,
        values: { eventId: exception.eventId },
      };
    }
    if (exception instanceof EventStoreUnavailable) {
      return { statusCode: 503, error: 'Service Unavailable', message: 'The event store is unavailable; retry later' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : String((response as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: reasonPhrase(status), message: Array.isArray(message) ? message.join('; ') : message };
    }
    if (isBodyParserError(exception)) {
      const status = exception.status;
      return {
        statusCode: status,
        error: reasonPhrase(status),
        message: status === 413 ? 'The request body is over the size limit' : 'The request body is not valid JSON',
      };
    }
    return { statusCode: 500, error: 'Internal Server Error', message: 'An unexpected error occurred' };
  }
}

function isBodyParserError(error: unknown): error is { status: number; type: string } {
  const candidate = error as { status?: unknown; type?: unknown } | null;
  return typeof candidate?.status === 'number' && typeof candidate.type === 'string';
}
