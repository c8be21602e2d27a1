import fc from 'fast-check';
import { v5 as uuidV5, validate, version } from 'uuid';
import { CLOUD_EVENT_ID_NAMESPACE, eventIdFor } from './event-id';

describe('eventIdFor', () => {
  it('is a UUID v5 of (source, id) in the project namespace', () => {
    const id = eventIdFor('urn:case-system:wccis:W06000015', 'wccis-00042117');
    expect(validate(id) && version(id)).toBe(5);
    expect(id).toBe(uuidV5('["urn:case-system:wccis:W06000015","wccis-00042117"]', CLOUD_EVENT_ID_NAMESPACE));
  });

  it('gives the same id for the same pair and different ids for different pairs', () => {
    expect(eventIdFor('urn:a', '1')).toBe(eventIdFor('urn:a', '1'));
    expect(eventIdFor('urn:a', '1')).not.toBe(eventIdFor('urn:b', '1'));
    expect(eventIdFor('urn:a', '1')).not.toBe(eventIdFor('urn:a', '2'));
  });

  it('does not confuse pairs whose concatenations are equal', () => {
    expect(eventIdFor('urn:a:b', 'c')).not.toBe(eventIdFor('urn:a', 'b:c'));
    expect(eventIdFor('a', 'bc')).not.toBe(eventIdFor('ab', 'c'));
  });

  it('is the UUID v5 of the pair for any source and id, however long and whatever their characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 600 }), fc.string({ unit: 'grapheme', maxLength: 600 }), (source, id) => {
        expect(eventIdFor(source, id)).toBe(uuidV5(JSON.stringify([source, id]), CLOUD_EVENT_ID_NAMESPACE));
      }),
    );
  });
});
