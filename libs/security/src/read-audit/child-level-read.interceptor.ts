import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { mergeMap, type Observable } from 'rxjs';
import { ReadAudit } from '@app/audit';
import { CHILD_LEVEL_READ_METADATA } from '../authorization/access.decorator';
import type { SecuredRequest } from '../authorization/access.guard';

interface ReadRequest extends SecuredRequest {
  id?: unknown;
  originalUrl?: string;
}

/**
 * On a route marked {@link ChildLevelRead}: once the answer is computed and before it is sent,
 * appends who read which board's data, what and when to the log. If that append fails, the read
 * fails with it: no child-level data leaves unrecorded.
 */
@Injectable()
export class ChildLevelReadInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly readAudit: ReadAudit,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean | undefined>(CHILD_LEVEL_READ_METADATA, context.getHandler())) return next.handle();
    const request = context.switchToHttp().getRequest<ReadRequest>();
    return next.handle().pipe(
      mergeMap(async (answer: unknown) => {
        await this.readAudit.record({
          who: request.user?.subject ?? 'anonymous',
          boardId: request.params?.boardId ?? '',
          what: request.originalUrl ?? request.path,
          requestId: String(request.id ?? ''),
        });
        return answer;
      }),
    );
  }
}
