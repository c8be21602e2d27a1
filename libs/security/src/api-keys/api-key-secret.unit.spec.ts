import { apiKeyMatches, generateApiKey, hashApiKey, parseApiKey } from './api-key-secret';

describe('API key secrets', () => {
  it('generates keys of 32 random bytes that parse back to their id', () => {
    const { keyId, key } = generateApiKey();
    expect(Buffer.from(key.slice(`sel_${keyId}_`.length), 'base64url')).toHaveLength(32);
    expect(parseApiKey(key)).toEqual({ keyId, key });
    expect(generateApiKey().key).not.toBe(key);
  });

  it('matches a key only against its own hash', () => {
    const { key } = generateApiKey();
    expect(apiKeyMatches(key, hashApiKey(key))).toBe(true);
    expect(apiKeyMatches(generateApiKey().key, hashApiKey(key))).toBe(false);
    expect(apiKeyMatches(key, 'sha256:short')).toBe(false);
  });

  it('refuses text that does not have the shape of a key', () => {
    expect(parseApiKey('sel_xyz_abc')).toBeNull();
    expect(parseApiKey(`${generateApiKey().key}x`)).toBeNull();
  });
});
