import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';
import { chainHash, chainHashOfCanonical } from './hash-chain';

describe('the hash chain', () => {
  const event = {
    eventId: 'e-"1"',
    type: 'StrategyDiscussionHeld',
    stream: 'la-W06000015-strategy-discussion-sd\\1',
    version: 3,
    position: 17,
    data: { z: 1, a: [{ y: 'ü\u0001\n', b: null }, 2.5, true], m: { k: 'Cyfarfod “Ionawr” 👪' } },
    metadata: { transport: { kind: 'http' as const, requestId: 'r' }, correlationId: 'c' },
    recordedAt: '2025-06-20T11:02:13.551Z',
  };

  it('gives the same hash from canonical text as from the parsed event', () => {
    const fromText = chainHashOfCanonical('abc', {
      ...event,
      dataJson: canonicalJson(event.data),
      metadataJson: canonicalJson(event.metadata),
    });
    expect(fromText).toBe(chainHash('abc', event));
  });

  it('is sha256 of the previous hash followed by the canonical JSON of the whole event', () => {
    const reference = createHash('sha256').update('abc').update(canonicalJson(event)).digest('hex');
    expect(chainHash('abc', event)).toBe(reference);
  });

  it('writes canonical JSON with sorted keys, no white space and undefined members dropped', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [undefined, 'x'] } })).toBe('{"a":{"c":[null,"x"]},"b":1}');
  });
});
