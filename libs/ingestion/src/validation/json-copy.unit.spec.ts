import fc from 'fast-check';
import type { FieldError } from '../errors/field-error';
import { copyJson, MAX_JSON_DEPTH, PROTOTYPE_KEYS, UNKNOWN_FIELD_PROBLEM } from './json-copy';

/** Every object and array in a value, to check that a copy shares none with its original. */
function containers(value: unknown, found = new Set<object>()): Set<object> {
  if (value !== null && typeof value === 'object') {
    found.add(value);
    for (const member of Object.values(value)) containers(member, found);
  }
  return found;
}

/** Whether a member anywhere in a value has a prototype key, which copyJson refuses (see the test after this one). */
function hasPrototypeKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (!Array.isArray(value) && Object.keys(value).some((key) => PROTOTYPE_KEYS.has(key))) return true;
  return Object.values(value).some(hasPrototypeKey);
}

describe('copyJson', () => {
  it('copies any JSON value without prototype keys exactly, sharing no object or array with it, its object members in sorted key order', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }).filter((value) => !hasPrototypeKey(value)),
        (value) => {
          const errors: FieldError[] = [];
          const copy = copyJson(value, 'data', errors);
          expect(errors).toEqual([]);
          expect(copy).toEqual(value);
          const originals = containers(value);
          for (const container of containers(copy)) {
            expect(originals.has(container)).toBe(false);
            if (!Array.isArray(container)) {
              const keys = Object.keys(container).filter((key) => !/^[0-9]/.test(key));
              expect(keys).toEqual([...keys].sort());
            }
          }
        },
      ),
    );
  });

  it('names every value JSON cannot carry, and every prototype key, at its path', () => {
    const errors: FieldError[] = [];
    const value = JSON.parse('{"a": 1, "__proto__": {"x": 1}, "list": [1, null, 2]}') as Record<string, unknown>;
    (value.list as unknown[])[1] = Number.NaN;
    value.when = new Date(0);
    value.nested = { f: () => 1, ok: 'yes' };
    copyJson(value, 'data', errors);
    expect(errors).toEqual([
      { path: 'data.__proto__', problem: UNKNOWN_FIELD_PROBLEM },
      { path: 'data.list[1]', problem: 'must be a finite number' },
      { path: 'data.when', problem: 'must be a JSON value' },
      { path: 'data.nested.f', problem: 'must be a JSON value' },
    ]);
  });

  it(`refuses nesting deeper than ${MAX_JSON_DEPTH} levels, naming where`, () => {
    let deep: unknown = 'bottom';
    for (let level = 0; level < MAX_JSON_DEPTH + 1; level++) deep = [deep];
    const errors: FieldError[] = [];
    copyJson({ deep }, 'data', errors);
    expect(errors).toEqual([
      { path: `data.deep${'[0]'.repeat(MAX_JSON_DEPTH - 1)}`, problem: `is nested more than ${MAX_JSON_DEPTH} levels deep` },
    ]);
  });

  it('leaves out members set to undefined, as JSON would', () => {
    const errors: FieldError[] = [];
    expect(copyJson({ b: 1, a: undefined }, 'data', errors)).toEqual({ b: 1 });
    expect(errors).toEqual([]);
  });
});
