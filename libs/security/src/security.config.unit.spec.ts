import { InvalidSecurityConfiguration, loadSecurityConfig } from './security.config';

describe('loadSecurityConfig', () => {
  it('defaults to API keys only, 30 s timeouts and a JSON depth of 32', () => {
    const config = loadSecurityConfig({});
    expect([config.jwtEnabled, config.LEDGER_REQUEST_TIMEOUT_MS, config.LEDGER_MAX_JSON_DEPTH]).toEqual([false, 30_000, 32]);
  });

  it('requires an issuer and an audience with a JWT secret, and never echoes the secret', () => {
    let error: unknown;
    try {
      loadSecurityConfig({ LEDGER_JWT_SECRET: 'short-secret' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(InvalidSecurityConfiguration);
    const message = (error as Error).message;
    expect(message).toContain('LEDGER_JWT_ISSUER: required');
    expect(message).toContain('LEDGER_JWT_AUDIENCE: required');
    expect(message).not.toContain('short-secret');
  });
});
