import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { map, type Observable } from 'rxjs';
import { coversBoard } from '../identity/identity';
import { LISTS_BOARDS_METADATA } from './access.decorator';
import type { SecuredRequest } from './access.guard';

/** On a route marked {@link ListsBoards}: keeps only the boards the caller is bound to. */
@Injectable()
export class BoardListScopeInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (!this.reflector.get<boolean | undefined>(LISTS_BOARDS_METADATA, context.getHandler())) return next.handle();
    const identity = context.switchToHttp().getRequest<SecuredRequest>().user;
    return next.handle().pipe(
      map((answer: unknown) => {
        const boards = (answer as { boards?: unknown } | null)?.boards;
        if (!Array.isArray(boards)) return answer;
        const visible = boards.filter(
          (board: { boardId?: unknown }) =>
            identity !== undefined && typeof board.boardId === 'string' && coversBoard(identity, board.boardId),
        );
        return { ...(answer as object), boards: visible };
      }),
    );
  }
}
