import fc from 'fast-check';
import { canonicalJson } from './canonical-json';

/** RFC 8785's ordering written out directly: the reference the fast path must agree with. */
function reference(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : reference(item))).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value);
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${reference(record[key])}`);
  return `{${members.join(',')}}`;
}

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units, including integer-like keys JavaScript lists first', () => {
    expect(canonicalJson({ 9: 'a', 10: 'b', b: 1, '0x': 2, A: 3 })).toBe('{"0x":2,"10":"b","9":"a","A":3,"b":1}');
    expect(canonicalJson({ z: { 2: 'x', 1: 'y' } })).toBe('{"z":{"1":"y","2":"x"}}');
    expect(canonicalJson({ é: 1, z: 2, '👪': 3, '\uffff': 4 })).toBe('{"z":2,"é":1,"👪":3,"\uffff":4}');
  });

  it('keeps a __proto__ member that parsed JSON carries', () => {
    expect(canonicalJson(JSON.parse('{"z":1,"__proto__":{"b":2,"a":1}}'))).toBe('{"__proto__":{"a":1,"b":2},"z":1}');
  });

  it('writes a value whose keys are already in order exactly as JSON.stringify does', () => {
    const value = { a: [1, { b: 'x', c: null }], d: { e: true } };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it('drops undefined members, writes undefined array items as null and dates through toJSON', () => {
    expect(canonicalJson({ b: undefined, a: [undefined, new Date('2025-04-01T00:00:00Z')] })).toBe(
      '{"a":[null,"2025-04-01T00:00:00.000Z"]}',
    );
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('leaves the value it is given unchanged', () => {
    const value = { b: { d: 1, c: 2 }, a: [{ y: 1, x: 2 }] };
    const before = JSON.stringify(value);
    canonicalJson(value);
    expect(JSON.stringify(value)).toBe(before);
  });

  it('writes objects of one key order the same way every time, beyond the orders it remembers', () => {
    // Objects of 5,000 key orders (more than are remembered), each met twice, with a key order
    // that is not sorted, one that is, and one holding an integer-like key.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5_000; i++) {
        const unsorted = { [`k${i}`]: i, b: { y: 1, x: [i] }, a: 'z' };
        const sorted = { a: i, [`b${i}`]: { x: 1 } };
        const numeric = { z: 1, [`${i}`]: { b: 2, a: 1 } };
        expect(canonicalJson(unsorted)).toBe(reference(unsorted));
        expect(canonicalJson(sorted)).toBe(reference(sorted));
        expect(canonicalJson(numeric)).toBe(reference(numeric));
      }
    }
  });

  it('agrees with the reference ordering on any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
      }),
      { numRuns: 2_000 },
    );
  });
});
