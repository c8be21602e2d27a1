import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import type { SecuredRequest } from '../authorization/access.guard';
import { IdentityContext } from './identity-context';

/** Runs each handler as its caller, so that ports behind it (ingestion's board lookups) can scope to the caller's boards. */
@Injectable()
export class IdentityContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const identity = context.switchToHttp().getRequest<SecuredRequest>().user;
    if (identity === undefined) return next.handle();
    return IdentityContext.runAs(identity, () => next.handle());
  }
}
