import { hkdfSync } from 'node:crypto';
import { inspect } from 'node:util';
import { BoardKeyUnavailable, InvalidKeyRingConfiguration } from '../errors/ingestion.errors';
import { BOARD_KEY_DERIVATION, BoardKeyRing, decodeKeyMaterial, parseBoardKeySetting } from './board-key-ring';

const hexKey = 'ab'.repeat(32);
const base64Key = Buffer.alloc(32, 9).toString('base64');
const masterHex = 'cd'.repeat(32);

describe('BoardKeyRing', () => {
  it('resolves an explicitly configured key, written in hex or base64', () => {
    const ring = BoardKeyRing.fromConfig({ boardKeys: { 'cardiff-vale': `hex:${hexKey}`, gwent: `base64:${base64Key}` } });
    expect(ring.keyFor('cardiff-vale')).toEqual(Buffer.from(hexKey, 'hex'));
    expect(ring.keyFor('gwent')).toEqual(Buffer.alloc(32, 9));
    expect(ring.hasExplicitKey('gwent')).toBe(true);
  });

  it('derives the key of a board without one from the master secret with HKDF-SHA-256 per board id', () => {
    const ring = BoardKeyRing.fromConfig({ boardKeys: { gwent: `base64:${base64Key}` }, masterSecret: `hex:${masterHex}` });
    const independent = Buffer.from(hkdfSync('sha256', Buffer.from(masterHex, 'hex'), BOARD_KEY_DERIVATION.salt, 'board:cardiff-vale', 32));
    expect(ring.keyFor('cardiff-vale')).toEqual(independent);
    expect(ring.keyFor('cardiff-vale')).toEqual(ring.keyFor('cardiff-vale'));
    expect(ring.keyFor('north-wales')).not.toEqual(ring.keyFor('cardiff-vale'));
    expect(ring.keyFor('gwent')).toEqual(Buffer.alloc(32, 9));
    expect(ring.hasExplicitKey('cardiff-vale')).toBe(false);
  });

  it('refuses a board it has no key for when no master secret is set', () => {
    const ring = BoardKeyRing.fromConfig({});
    expect(ring.canProvideKeyFor('gwent')).toBe(false);
    expect(() => ring.keyFor('gwent')).toThrow(BoardKeyUnavailable);
  });

  it('hands out copies, so callers cannot change the ring', () => {
    const ring = BoardKeyRing.fromConfig({ boardKeys: { gwent: `hex:${hexKey}` } });
    ring.keyFor('gwent').fill(0);
    expect(ring.keyFor('gwent')).toEqual(Buffer.from(hexKey, 'hex'));
  });

  it('never shows key material when logged', () => {
    const ring = BoardKeyRing.fromConfig({ boardKeys: { gwent: `hex:${hexKey}` }, masterSecret: `hex:${masterHex}` });
    for (const shown of [String(ring), JSON.stringify(ring), inspect(ring, { showHidden: true, depth: 5 })]) {
      expect(shown).toContain('gwent');
      expect(shown).not.toContain(hexKey);
      expect(shown).not.toContain(masterHex);
      expect(shown).not.toContain(Buffer.from(hexKey, 'hex').toString('base64'));
    }
  });

  it('refuses short or unlabelled keys, naming the setting and never the key', () => {
    expect(() => BoardKeyRing.fromConfig({ boardKeys: { gwent: 'hex:abcd' } })).toThrow(
      new InvalidKeyRingConfiguration('boardKeys.gwent', 'must be at least 32 bytes long, is 2'),
    );
    expect(() => BoardKeyRing.fromConfig({ masterSecret: hexKey })).toThrow(/masterSecret must be written hex:/);
    try {
      BoardKeyRing.fromConfig({ boardKeys: { gwent: `base64:${hexKey}!` } });
    } catch (error: unknown) {
      expect(String(error)).not.toContain(hexKey);
    }
    expect(() => decodeKeyMaterial('k', 'hex:abc')).toThrow(InvalidKeyRingConfiguration);
  });

  it('reads explicit keys from one setting', () => {
    expect(parseBoardKeySetting(` cardiff-vale=hex:${hexKey}, gwent=base64:${base64Key} ,`)).toEqual({
      'cardiff-vale': `hex:${hexKey}`,
      gwent: `base64:${base64Key}`,
    });
    expect(() => parseBoardKeySetting(`hex:${hexKey}`)).toThrow(/boardKeys entry 1 must be written <boardId>=<key>/);
    expect(() => parseBoardKeySetting(`a=hex:${hexKey},a=hex:${hexKey}`)).toThrow(/boardKeys.a is given more than once/);
  });
});
