import { JwtService } from '@nestjs/jwt';
import { JwtRefused, JwtVerifier } from './jwt-verifier';

const SECRET = 'unit-secret-that-is-at-least-32-characters';
const verifier = new JwtVerifier({ algorithm: 'HS256', secret: SECRET, issuer: 'iss', audience: 'aud' });
const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: object, options: { secret?: string; issuer?: string } = {}) =>
  new JwtService().sign(claims, { secret: options.secret ?? SECRET, algorithm: 'HS256', issuer: options.issuer ?? 'iss', audience: 'aud' });
const rule = (token: string) => {
  try {
    verifier.verify(token);
    return 'accepted';
  } catch (error) {
    return error instanceof JwtRefused ? error.rule : 'other error';
  }
};

describe('JwtVerifier', () => {
  it('reads the subject, roles and boards of a valid token', () => {
    expect(verifier.verify(sign({ sub: 'ann', roles: ['analyst'], boards: ['gwent'], exp: now() + 60 }))).toEqual({
      subject: 'ann',
      kind: 'jwt',
      roles: ['analyst'],
      boards: ['gwent'],
    });
  });

  it('refuses alg none, another secret, another issuer, a passed expiry and a token without expiry', () => {
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ sub: 'x', roles: [], boards: [], exp: now() + 60 })).toString('base64url')}.`;
    expect(rule(unsigned)).toBe('the token must be signed with HS256');
    expect(rule(sign({ sub: 'x', roles: ['analyst'], boards: ['a'], exp: now() + 60 }, { secret: 'y'.repeat(40) }))).toMatch(
      /invalid signature/,
    );
    expect(rule(sign({ sub: 'x', roles: ['analyst'], boards: ['a'], exp: now() + 60 }, { issuer: 'other' }))).toMatch(/issuer invalid/);
    expect(rule(sign({ sub: 'x', roles: ['analyst'], boards: ['a'], exp: now() - 120 }))).toMatch(/expired/);
    expect(rule(sign({ sub: 'x', roles: ['analyst'], boards: ['a'] }))).toBe('the token must carry an expiry (exp)');
  });

  it('refuses unknown roles and malformed boards', () => {
    expect(rule(sign({ sub: 'x', roles: ['root'], boards: ['a'], exp: now() + 60 }))).toBe(
      'the roles claim must be an array of known roles',
    );
    expect(rule(sign({ sub: 'x', roles: ['analyst'], boards: ['A B'], exp: now() + 60 }))).toBe(
      'the boards claim must be an array of board ids',
    );
  });
});
