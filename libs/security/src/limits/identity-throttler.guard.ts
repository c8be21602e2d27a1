import { Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import type { SecuredRequest } from '../authorization/access.guard';

/** Rate limits per identity (its subject) once authenticated, per client address before that; over the limit: 429. */
@Injectable()
export class IdentityThrottlerGuard extends ThrottlerGuard {
  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const identity = (request as unknown as SecuredRequest).user;
    return identity !== undefined ? `identity:${identity.subject}` : `address:${String(request.ip ?? 'unknown')}`;
  }
}
