import { jsonDepth } from './json-depth';

describe('jsonDepth', () => {
  it('counts a scalar as 0 and each object or array as one level', () => {
    expect(jsonDepth(3)).toBe(0);
    expect(jsonDepth({ a: [1, { b: null }] })).toBe(3);
  });

  it('measures unparsed JSON text by its brackets, ignoring brackets inside strings', () => {
    expect(jsonDepth('[[{"a":"[[[[["}]]')).toBe(3);
    expect(jsonDepth('{"a":"\\"[["}')).toBe(1);
  });

  it('measures a value nested 100,000 deep without exhausting the stack', () => {
    let value: unknown = 1;
    for (let i = 0; i < 100_000; i++) value = [value];
    expect(jsonDepth(value)).toBe(100_000);
    expect(jsonDepth(value, 32)).toBe(33);
  });
});
