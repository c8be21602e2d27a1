import { CallHandler, ExecutionContext, Injectable, NestInterceptor, ServiceUnavailableException } from '@nestjs/common';
import { catchError, throwError, timeout, TimeoutError, type Observable } from 'rxjs';
import { SecurityConfig } from '../security.config';

/** A request still running after the configured time answers 503, so an expensive query cannot hold a client (or a worker) forever. */
@Injectable()
export class RequestTimeoutInterceptor implements NestInterceptor {
  constructor(private readonly config: SecurityConfig) {}

  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const ms = this.config.LEDGER_REQUEST_TIMEOUT_MS;
    return next.handle().pipe(
      timeout(ms),
      catchError((error: unknown) =>
        throwError(() =>
          error instanceof TimeoutError
            ? new ServiceUnavailableException(`The request took longer than ${ms} ms; retry later or narrow it`)
            : error,
        ),
      ),
    );
  }
}
