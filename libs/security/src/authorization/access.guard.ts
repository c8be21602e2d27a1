import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { NotFound } from '@app/ddd';
import { InvalidRequest } from '@app/platform';
import { Authenticator } from '../identity/authenticator';
import { hasAnyRole, seesEveryBoard, type Identity, type Role } from '../identity/identity';
import { jsonDepth } from '../limits/json-depth';
import { SecurityConfig } from '../security.config';
import { BoardNotInScope, RoleRequired } from '../security.errors';
import { BOARD_IN_BODY_METADATA, ROLES_METADATA } from './access.decorator';
import { BOARD_SCOPE_DIRECTORY, type BoardScopeDirectory } from './board-scope.port';

/** The only routes anyone may call without a token (the OpenAPI document is served outside the router, also public). */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set(['GET /health/live', 'GET /health/ready']);

export interface SecuredRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string | undefined>;
  query?: Record<string, unknown>;
  body?: unknown;
  user?: Identity;
}

/**
 * Every route, by default: authenticate the bearer token, then require one of the route's roles,
 * then scope `:boardId` to the identity's boards. A board the identity is not bound to answers
 * exactly what a board that does not exist answers (404 `Board <id> was not found`), decided
 * here before the route reads anything, so neither status nor body nor timing depends on whether
 * another board exists.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(BOARD_SCOPE_DIRECTORY) private readonly boards: BoardScopeDirectory,
    private readonly config: SecurityConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const request = context.switchToHttp().getRequest<SecuredRequest>();
    if (PUBLIC_ROUTES.has(`${request.method === 'HEAD' ? 'GET' : request.method} ${request.path}`)) return true;

    const identity = await this.authenticator.authenticate(request.headers.authorization);
    request.user = identity;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, [context.getHandler(), context.getClass()]) ?? [];
    if (!hasAnyRole(identity, roles)) throw new RoleRequired(roles);
    if (request.query?.asKnownAt !== undefined && !identity.roles.includes('auditor')) throw new RoleRequired(['auditor']);

    const boardId = request.params?.boardId;
    if (boardId !== undefined && !seesEveryBoard(identity)) {
      if (!identity.boards.includes(boardId) || (await this.boards.getEstablishment(boardId)) === null)
        throw new NotFound('Board', boardId);
    }
    const bodyField = this.reflector.get<string | undefined>(BOARD_IN_BODY_METADATA, context.getHandler());
    if (bodyField !== undefined && !seesEveryBoard(identity)) {
      const named = (request.body as Record<string, unknown> | undefined)?.[bodyField];
      if (typeof named === 'string' && !identity.boards.includes(named)) throw new BoardNotInScope(named);
    }

    const limit = this.config.LEDGER_MAX_JSON_DEPTH;
    if (request.body !== undefined && jsonDepth(request.body, limit) > limit) {
      throw new InvalidRequest(
        `The request body nests deeper than ${limit} levels`,
        [{ path: '', problem: `must not nest deeper than ${limit} levels` }],
        400,
      );
    }
    return true;
  }
}
