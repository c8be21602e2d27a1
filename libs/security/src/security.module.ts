import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@app/audit';
import { BoardDirectory, GovernanceModule } from '@app/governance';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AccessGuard } from './authorization/access.guard';
import { BOARD_SCOPE_DIRECTORY } from './authorization/board-scope.port';
import { BoardListScopeInterceptor } from './authorization/board-list-scope.interceptor';
import { Authenticator, JWT_VERIFIER } from './identity/authenticator';
import { IdentityContextInterceptor } from './identity/identity-context.interceptor';
import { JwtVerifier, readJwks } from './jwt/jwt-verifier';
import { IdentityThrottlerGuard } from './limits/identity-throttler.guard';
import { RequestTimeoutInterceptor } from './limits/request-timeout.interceptor';
import { ChildLevelReadInterceptor } from './read-audit/child-level-read.interceptor';
import { SecurityConfig, loadSecurityConfig } from './security.config';

/** The JWT verifier the configuration asks for, or null when the API accepts API keys only. */
export function jwtVerifierFrom(config: SecurityConfig): JwtVerifier | null {
  const issuer = config.LEDGER_JWT_ISSUER ?? '';
  const audience = config.LEDGER_JWT_AUDIENCE ?? '';
  if (config.LEDGER_JWT_SECRET !== undefined)
    return new JwtVerifier({ algorithm: 'HS256', secret: config.LEDGER_JWT_SECRET, issuer, audience });
  if (config.LEDGER_JWT_JWKS_FILE !== undefined) {
    return new JwtVerifier({ algorithm: 'RS256', keys: readJwks(config.LEDGER_JWT_JWKS_FILE), issuer, audience });
  }
  return null;
}

/**
 * Authentication on every route but the public allow-list, roles and board scope per route,
 * rate limits per identity, a request timeout, the identity as the context of every handler,
 * and the read audit of child-level reads. The API imports it once.
 */
@Module({})
export class SecurityModule {
  static forApi(): DynamicModule {
    return {
      module: SecurityModule,
      imports: [
        GovernanceModule,
        AuditModule,
        ApiKeysModule,
        ThrottlerModule.forRootAsync({
          useFactory: () => ({
            throttlers: [{ name: 'per-identity', ttl: 60_000, limit: loadSecurityConfig().LEDGER_RATE_LIMIT_PER_MINUTE }],
          }),
        }),
      ],
      providers: [
        { provide: SecurityConfig, useFactory: () => loadSecurityConfig() },
        { provide: JWT_VERIFIER, inject: [SecurityConfig], useFactory: jwtVerifierFrom },
        Authenticator,
        { provide: BOARD_SCOPE_DIRECTORY, useExisting: BoardDirectory },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: IdentityThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestTimeoutInterceptor },
        { provide: APP_INTERCEPTOR, useClass: IdentityContextInterceptor },
        { provide: APP_INTERCEPTOR, useClass: BoardListScopeInterceptor },
        { provide: APP_INTERCEPTOR, useClass: ChildLevelReadInterceptor },
      ],
      exports: [ApiKeysModule, SecurityConfig],
    };
  }
}
