import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const PREFIX = 'sel';
const KEY_PATTERN = /^sel_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A key as handed to its holder once: `sel_<keyId>_<secret>`, the secret 32 random bytes. */
export interface ApiKeySecret {
  keyId: string;
  key: string;
}

export function generateApiKey(): ApiKeySecret {
  const keyId = randomBytes(8).toString('hex');
  return { keyId, key: `${PREFIX}_${keyId}_${randomBytes(32).toString('base64url')}` };
}

/** The key id and the whole key, when the text has the shape of a key; the secret is not judged here. */
export function parseApiKey(text: string): ApiKeySecret | null {
  const match = KEY_PATTERN.exec(text);
  return match === null ? null : { keyId: match[1], key: text };
}

export function looksLikeApiKey(text: string): boolean {
  return text.startsWith(`${PREFIX}_`);
}

/** What the log stores: `sha256:<hex>` of the whole key. The key has 256 bits of entropy, so a fast hash suffices. */
export function hashApiKey(key: string): string {
  return `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;
}

/** Constant-time comparison of a presented key against a stored hash. */
export function apiKeyMatches(key: string, storedHash: string): boolean {
  const presented = Buffer.from(hashApiKey(key), 'utf8');
  const stored = Buffer.from(storedHash, 'utf8');
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}
