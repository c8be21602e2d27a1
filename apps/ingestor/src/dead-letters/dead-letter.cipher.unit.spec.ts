import { DeadLetterCipher } from './dead-letter.cipher';
import { openOriginal, sealOriginal, type DeadLetter } from './dead-letter.record';
import { DeadLetterKeyMismatch, InvalidDeadLetterKey, UnreadableDeadLetter } from './dead-letters.errors';

const source = { topic: 'safeguarding.case-events', partition: 2, offset: '41' };
const message = {
  key: Buffer.from('evt-1'),
  value: Buffer.from('{"data":{"childId":"LA-77120"}}'),
  headers: { ce_specversion: Buffer.from('1.0') },
  offset: '41',
  timestamp: '0',
};

function deadLetterOf(cipher: DeadLetterCipher, id = 'safeguarding.case-events/2/41'): DeadLetter {
  return {
    id,
    source,
    reason: 'invalid',
    errors: [],
    cloudEvent: { id: null, source: null },
    deadLetteredAt: '',
    sealed: sealOriginal(cipher, source, message),
  };
}

describe('DeadLetterCipher', () => {
  const cipher = DeadLetterCipher.fromSetting(DeadLetterCipher.randomKeySetting());

  it('seals the original message so that its bytes are not in the ciphertext, and opens it back', () => {
    const deadLetter = deadLetterOf(cipher);
    expect(deadLetter.sealed.ciphertext.includes(Buffer.from('LA-77120'))).toBe(false);
    expect(openOriginal(cipher, deadLetter)).toEqual({ key: message.key, value: message.value, headers: message.headers });
  });

  it('refuses to open a sealed message moved to another dead letter', () => {
    expect(() => openOriginal(cipher, deadLetterOf(cipher, 'safeguarding.case-events/2/42'))).toThrow();
    const moved = { ...deadLetterOf(cipher), id: 'safeguarding.case-events/0/1' };
    expect(() => openOriginal(cipher, moved)).toThrow(UnreadableDeadLetter);
  });

  it('names the key that sealed a dead letter when another key is configured', () => {
    const other = DeadLetterCipher.fromSetting(DeadLetterCipher.randomKeySetting());
    expect(() => openOriginal(other, deadLetterOf(cipher))).toThrow(DeadLetterKeyMismatch);
  });

  it('accepts only 32-byte keys written hex: or base64:, and never shows the key', () => {
    expect(() => DeadLetterCipher.fromSetting(`hex:${'ab'.repeat(16)}`)).toThrow(InvalidDeadLetterKey);
    expect(() => DeadLetterCipher.fromSetting('ab'.repeat(32))).toThrow(InvalidDeadLetterKey);
    const hex = 'cd'.repeat(32);
    const shown = DeadLetterCipher.fromSetting(`hex:${hex}`);
    expect(`${shown} ${JSON.stringify(shown)}`).not.toContain(hex);
  });
});
