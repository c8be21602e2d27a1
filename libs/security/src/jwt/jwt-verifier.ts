import { createPublicKey, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { JwtService } from '@nestjs/jwt';
import { BOARD_ID_PATTERN, ALL_BOARDS, isRole, type Identity, type Role } from '../identity/identity';

/** How people's tokens are checked: one HS256 secret, or RS256 against the public keys of a JWKS by `kid`. */
export type JwtVerification =
  | { algorithm: 'HS256'; secret: string; issuer: string; audience: string }
  | { algorithm: 'RS256'; keys: ReadonlyMap<string, string>; issuer: string; audience: string };

/** Why a token was refused; the 401 names the rule, never the token. */
export class JwtRefused extends Error {
  constructor(readonly rule: string) {
    super(rule);
    this.name = 'JwtRefused';
  }
}

const CLOCK_TOLERANCE_SECONDS = 30;

/** The RSA public keys of a JWKS file as PEM, by `kid`. @throws Error naming the file and the broken rule. */
export function readJwks(file: string): Map<string, string> {
  const document = JSON.parse(readFileSync(file, 'utf8')) as { keys?: unknown };
  if (!Array.isArray(document.keys)) throw new Error(`${file}: a JWKS must have a "keys" array`);
  const keys = new Map<string, string>();
  for (const jwk of document.keys as Array<JsonWebKey & { kid?: string; use?: string }>) {
    if (jwk.kty !== 'RSA' || typeof jwk.kid !== 'string' || (jwk.use !== undefined && jwk.use !== 'sig')) continue;
    keys.set(jwk.kid, createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString());
  }
  if (keys.size === 0) throw new Error(`${file}: the JWKS holds no RSA signing key with a kid`);
  return keys;
}

/**
 * Verifies a person's JWT: signature with the one configured algorithm (so `alg: none` and an
 * algorithm switch are refused), issuer, audience, and an expiry that must be present and not
 * passed; then reads `sub`, `roles` and `boards`.
 */
export class JwtVerifier {
  private readonly jwt = new JwtService();

  constructor(private readonly verification: JwtVerification) {}

  verify(token: string): Identity {
    const header = decodeHeader(token);
    if (header.alg !== this.verification.algorithm) throw new JwtRefused(`the token must be signed with ${this.verification.algorithm}`);
    const options = {
      algorithms: [this.verification.algorithm],
      issuer: this.verification.issuer,
      audience: this.verification.audience,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    };
    let claims: Record<string, unknown>;
    try {
      if (this.verification.algorithm === 'HS256') {
        claims = this.jwt.verify<Record<string, unknown>>(token, { ...options, secret: this.verification.secret });
      } else {
        const key = typeof header.kid === 'string' ? this.verification.keys.get(header.kid) : undefined;
        if (key === undefined) throw new JwtRefused('the token names no key of the configured JWKS');
        claims = this.jwt.verify<Record<string, unknown>>(token, { ...options, publicKey: key });
      }
    } catch (error) {
      if (error instanceof JwtRefused) throw error;
      throw new JwtRefused(`the token is not valid (${error instanceof Error ? error.message : 'unreadable'})`);
    }
    return identityOf(claims);
  }
}

function decodeHeader(token: string): { alg?: unknown; kid?: unknown } {
  const [encoded] = token.split('.');
  try {
    const header = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8')) as unknown;
    if (header !== null && typeof header === 'object' && !Array.isArray(header)) return header as { alg?: unknown; kid?: unknown };
  } catch {
    throw new JwtRefused('the token header is not base64url JSON');
  }
  throw new JwtRefused('the token header is not a JSON object');
}

function identityOf(claims: Record<string, unknown>): Identity {
  if (typeof claims.exp !== 'number') throw new JwtRefused('the token must carry an expiry (exp)');
  if (typeof claims.sub !== 'string' || claims.sub.length === 0) throw new JwtRefused('the token must carry a subject (sub)');
  const roles = claims.roles;
  if (!Array.isArray(roles) || !roles.every(isRole)) throw new JwtRefused('the roles claim must be an array of known roles');
  const boards = claims.boards;
  if (
    !Array.isArray(boards) ||
    !boards.every((board) => typeof board === 'string' && (board === ALL_BOARDS || BOARD_ID_PATTERN.test(board)))
  ) {
    throw new JwtRefused('the boards claim must be an array of board ids');
  }
  return { subject: claims.sub, kind: 'jwt', roles: roles as Role[], boards: boards as string[] };
}
