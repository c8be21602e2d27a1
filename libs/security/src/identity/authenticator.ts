import { Inject, Injectable, Optional } from '@nestjs/common';
import { ApiKeyRing } from '../api-keys/api-key-ring';
import { looksLikeApiKey } from '../api-keys/api-key-secret';
import { JwtRefused, JwtVerifier } from '../jwt/jwt-verifier';
import { NotAuthenticated } from '../security.errors';
import type { Identity } from './identity';

export const JWT_VERIFIER = Symbol.for('safeguarding-ledger.JwtVerifier');

/** `Authorization: Bearer <token>` to an identity: an API key (`sel_…`) or, when configured, a person's JWT. */
@Injectable()
export class Authenticator {
  constructor(
    private readonly keys: ApiKeyRing,
    @Optional() @Inject(JWT_VERIFIER) private readonly jwt: JwtVerifier | null = null,
  ) {}

  /** @throws NotAuthenticated naming the broken rule. */
  async authenticate(authorization: string | string[] | undefined): Promise<Identity> {
    if (authorization === undefined || authorization === '') throw new NotAuthenticated('send Authorization: Bearer <API key or JWT>');
    if (Array.isArray(authorization)) throw new NotAuthenticated('send one Authorization header');
    const match = /^Bearer ([!-~]{1,8192})$/.exec(authorization);
    if (match === null) throw new NotAuthenticated('the Authorization header must be "Bearer <token>"');
    const token = match[1];
    if (looksLikeApiKey(token)) {
      const identity = await this.keys.authenticate(token);
      if (identity === null) throw new NotAuthenticated('the API key is not valid or was revoked');
      return identity;
    }
    if (this.jwt === null) throw new NotAuthenticated('the token is not an API key, and this API accepts no JWTs');
    try {
      return this.jwt.verify(token);
    } catch (error) {
      if (error instanceof JwtRefused) throw new NotAuthenticated(error.rule);
      throw error;
    }
  }
}
