import { createHmac } from 'node:crypto';
import { inspect } from 'node:util';
import fc from 'fast-check';
import { VALID_EXAMPLES } from '../catalogue/valid-examples.fixture';
import { CannotPseudonymise } from '../errors/ingestion.errors';
import { ChildPseudonymiser, pseudonymiseChildIds, pseudonymiseChildIdsInPlace, pseudonymOf } from './pseudonymise-child-ids';

const key = Buffer.from('000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f', 'hex');
const la = 'W06000015';
const expected = (childId: string) => createHmac('sha256', key).update(`${la}:${childId}`).digest('hex');

function exampleData(name: string): Record<string, unknown> {
  return structuredClone(VALID_EXAMPLES.find((example) => example.name === name)!.data);
}

describe('pseudonymiseChildIds', () => {
  it('replaces childId with the HMAC-SHA-256 of localAuthority:childId under the key', () => {
    const data = exampleData('ReferralReceived');
    const result = pseudonymiseChildIds('ReferralReceived', data, la, key);
    expect(result.childId).toBe(expected('LA-77120'));
    expect(result.childId).toMatch(/^[0-9a-f]{64}$/);
    expect(result).toEqual({ ...data, childId: expected('LA-77120') });
  });

  it('agrees with an independently computed vector', () => {
    expect(pseudonymOf('LA-77120', 'W06000015', key)).toBe(createHmac('sha256', key).update('W06000015:LA-77120', 'utf8').digest('hex'));
  });

  it('replaces childIds, outcomes[].childId and childParticipation, and leaves no raw id anywhere', () => {
    const data = exampleData('InitialChildProtectionConferenceHeld');
    const before = JSON.stringify(data);
    const result = pseudonymiseChildIds('InitialChildProtectionConferenceHeld', data, la, key);
    expect(result.childIds).toEqual([expected('LA-77120'), expected('LA-77121')]);
    expect(result.outcomes).toEqual([
      { childId: expected('LA-77120'), registered: true },
      { childId: expected('LA-77121'), registered: false },
    ]);
    expect(result.childParticipation).toEqual([expected('LA-77120')]);
    const json = JSON.stringify(result);
    expect(json).not.toContain('LA-77120');
    expect(json).not.toContain('LA-77121');
    expect(JSON.stringify(data)).toBe(before);
  });

  it('gives the same child different pseudonyms in different local authorities and under different keys', () => {
    expect(pseudonymOf('LA-1', 'W06000015', key)).not.toBe(pseudonymOf('LA-1', 'W06000014', key));
    expect(pseudonymOf('LA-1', la, key)).not.toBe(pseudonymOf('LA-1', la, Buffer.alloc(32, 7)));
  });

  it('returns a copy of board data that carries no child identifiers', () => {
    const data = exampleData('BoardMeetingHeld');
    const result = pseudonymiseChildIds('BoardMeetingHeld', data, la, key);
    expect(result).toEqual(data);
    expect(result).not.toBe(data);
    expect(result.attendees).not.toBe(data.attendees);
  });

  it('refuses what it cannot pseudonymise, naming the field and never the value', () => {
    const data = exampleData('StrategyDiscussionHeld');
    expect(() => pseudonymiseChildIds('StrategyDiscussionHeld', { ...data, childIds: ['LA-77120', 5] }, la, key)).toThrow(
      new CannotPseudonymise('StrategyDiscussionHeld', 'data.childIds[1]', 'must be a non-empty string'),
    );
    expect(() => pseudonymiseChildIds('StrategyDiscussionHeld', data, 'W06000014', key)).toThrow(/data.localAuthority/);
    expect(() => pseudonymiseChildIds('StrategyDiscussionHeld', data, la, Buffer.alloc(0))).toThrow(/key must be a non-empty key/);
    try {
      pseudonymiseChildIds('StrategyDiscussionHeld', { ...data, childIds: [{ id: 'LA-77120' }] }, la, key);
    } catch (error: unknown) {
      expect(String(error)).not.toContain('LA-77120');
    }
  });
});

describe('ChildPseudonymiser', () => {
  it('gives the pseudonym pseudonymOf gives, for any key and any identifier', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 150 }),
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.constantFrom('W06000015', 'E08000025'),
        (keyBytes, childId, localAuthority) => {
          const key = Buffer.from(keyBytes);
          const pseudonymiser = new ChildPseudonymiser(key);
          expect(pseudonymiser.pseudonymOf(childId, localAuthority)).toBe(pseudonymOf(childId, localAuthority, key));
          expect(pseudonymiser.pseudonymOf(childId, localAuthority)).toBe(pseudonymOf(childId, localAuthority, key));
        },
      ),
    );
  });

  it('agrees with pseudonymOf across a sequence of identifiers of every length', () => {
    const pseudonymiser = new ChildPseudonymiser(key);
    for (const childId of ['LA-77120', 'x'.repeat(1_000), 'é漢字😀', 'LA-77121', '', 'LA-77120']) {
      expect(pseudonymiser.pseudonymOf(childId, la)).toBe(expected(childId));
    }
  });

  it('never shows its key', () => {
    const pseudonymiser = new ChildPseudonymiser(key);
    for (const shown of [String(pseudonymiser), JSON.stringify(pseudonymiser), inspect(pseudonymiser, { showHidden: true, depth: 5 })]) {
      expect(shown).not.toContain(key.toString('hex'));
      expect(shown).not.toContain(key.toString('base64'));
    }
  });
});

describe('pseudonymiseChildIdsInPlace', () => {
  it('replaces the identifiers in the data it is given, as pseudonymiseChildIds does in a copy', () => {
    const data = exampleData('InitialChildProtectionConferenceHeld');
    const copied = pseudonymiseChildIds('InitialChildProtectionConferenceHeld', data, la, key);
    const result = pseudonymiseChildIdsInPlace('InitialChildProtectionConferenceHeld', data, la, new ChildPseudonymiser(key));
    expect(result).toBe(data);
    expect(result).toEqual(copied);
    expect(JSON.stringify(result)).not.toContain('LA-7712');
  });

  it('pseudonymises a list shared by two fields once', () => {
    const shared = ['LA-77120'];
    const data = { localAuthority: la, childIds: shared, childParticipation: shared };
    pseudonymiseChildIdsInPlace('StrategyDiscussionHeld', data, la, new ChildPseudonymiser(key));
    expect(data.childIds).toEqual([expected('LA-77120')]);
    expect(data.childParticipation).toEqual([expected('LA-77120')]);
  });

  it('refuses data of another local authority, naming the field', () => {
    const data = exampleData('ReferralReceived');
    expect(() => pseudonymiseChildIdsInPlace('ReferralReceived', data, 'W06000014', new ChildPseudonymiser(key))).toThrow(
      /data.localAuthority/,
    );
  });
});
