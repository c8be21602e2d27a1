import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { inspect } from 'node:util';
import { DeadLetterKeyMismatch, InvalidDeadLetterKey, UnreadableDeadLetter } from './dead-letters.errors';

export const DEAD_LETTER_KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const HEX = /^(?:[0-9a-fA-F]{2})+$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encrypted bytes as they travel in a dead letter: `iv` and `tag` base64, the ciphertext raw. */
export interface SealedBytes {
  alg: 'A256GCM';
  /** First 16 hex digits of sha256(key): which key sealed it, without revealing it. */
  keyId: string;
  iv: string;
  tag: string;
  ciphertext: Buffer;
}

/**
 * AES-256-GCM over a dead letter's original message. The associated data binds the ciphertext to
 * where the message came from (`topic/partition/offset`), so a sealed payload moved to another
 * dead letter does not open. The key never appears in `toString`, JSON or `util.inspect`.
 */
export class DeadLetterCipher {
  readonly #key: Buffer;
  readonly keyId: string;

  constructor(key: Buffer) {
    if (key.length !== DEAD_LETTER_KEY_BYTES)
      throw new InvalidDeadLetterKey(`must be exactly ${DEAD_LETTER_KEY_BYTES} bytes, is ${key.length}`);
    this.#key = Buffer.from(key);
    this.keyId = createHash('sha256').update(key).digest('hex').slice(0, 16);
  }

  /** Reads a key written `hex:<64 hex digits>` or `base64:<44 characters>`. */
  static fromSetting(text: string): DeadLetterCipher {
    let key: Buffer;
    if (text.startsWith('hex:') && HEX.test(text.slice(4))) key = Buffer.from(text.slice(4), 'hex');
    else if (text.startsWith('base64:') && text.length > 7 && BASE64.test(text.slice(7))) key = Buffer.from(text.slice(7), 'base64');
    else throw new InvalidDeadLetterKey('must be written hex:<hex digits> or base64:<base64>');
    return new DeadLetterCipher(key);
  }

  static randomKeySetting(): string {
    return `base64:${randomBytes(DEAD_LETTER_KEY_BYTES).toString('base64')}`;
  }

  seal(plaintext: Buffer, associatedData: string): SealedBytes {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.#key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return {
      alg: 'A256GCM',
      keyId: this.keyId,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ciphertext,
    };
  }

  /**
   * @throws DeadLetterKeyMismatch when another key sealed it.
   * @throws UnreadableDeadLetter when it was altered or sealed for other associated data.
   */
  open(sealed: SealedBytes, associatedData: string): Buffer {
    if (sealed.keyId !== this.keyId) throw new DeadLetterKeyMismatch(sealed.keyId, this.keyId);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.#key, Buffer.from(sealed.iv, 'base64'), { authTagLength: TAG_BYTES });
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
    } catch {
      throw new UnreadableDeadLetter(associatedData, 'its ciphertext does not authenticate (altered, or sealed for another message)');
    }
  }

  toJSON(): { keyId: string } {
    return { keyId: this.keyId };
  }

  toString(): string {
    return `DeadLetterCipher(key ${this.keyId})`;
  }

  [inspect.custom](): string {
    return this.toString();
  }
}
