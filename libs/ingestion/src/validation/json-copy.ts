import type { FieldError } from '../errors/field-error';

/** JSON nests no deeper than this in any event of the catalogue; deeper input is refused before it is walked further. */
export const MAX_JSON_DEPTH = 16;

/** Keys that would reach an object's prototype; no field of the catalogue has these names. */
export const PROTOTYPE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export const UNKNOWN_FIELD_PROBLEM = 'is not a field of this event (unknown fields are rejected)';

/** A plain object of any realm: its prototype is `null` or a realm's `Object.prototype`. */
function isPlainObject(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as object | null;
  return prototype === null || Object.getPrototypeOf(prototype) === null;
}

/**
 * A fresh copy of a JSON value, made of plain objects and arrays only, so that the validated data
 * shares nothing with the caller's object and cannot reach a prototype. Values JSON cannot carry
 * (functions, class instances, non-finite numbers) and prototype keys are reported in `errors`
 * at their path, and the copy is then only fit for reporting more errors. Members set to
 * `undefined` are left out, as JSON would leave them. The members of a valid value's objects are
 * copied in sorted key order.
 */
export function copyJson(value: unknown, path: string, errors: FieldError[], depth = 0): unknown {
  // Valid input, the usual case, is copied without building a path per member; only input with a
  // problem is walked again to name where.
  const copy = copyValidJson(value, depth);
  return copy === NOT_JSON ? copyReporting(value, path, errors, depth) : copy;
}

/** What {@link copyValidJson} answers for input that is not plain JSON. */
const NOT_JSON: unique symbol = Symbol('not JSON');

function copyValidJson(value: unknown, depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : NOT_JSON;
  if (typeof value !== 'object' || depth >= MAX_JSON_DEPTH) return NOT_JSON;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      const item = copyValidJson(value[index], depth + 1);
      if (item === NOT_JSON) return NOT_JSON;
      copy[index] = item;
    }
    return copy;
  }
  if (!isPlainObject(value)) return NOT_JSON;
  const copy: Record<string, unknown> = {};
  for (const key of sortedKeys(value)) {
    if (PROTOTYPE_KEYS.has(key)) return NOT_JSON;
    const member = (value as Record<string, unknown>)[key];
    if (member === undefined) continue;
    const item = copyValidJson(member, depth + 1);
    if (item === NOT_JSON) return NOT_JSON;
    copy[key] = item;
  }
  return copy;
}

/**
 * The keys in sorted order, so that the copy's members are in the store's canonical order and
 * the store writes the data without ordering it again (what the copy costs here it saves there).
 */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value);
  for (let i = 1; i < keys.length; i++) {
    if (keys[i - 1] > keys[i]) return keys.sort();
  }
  return keys;
}

function copyReporting(value: unknown, path: string, errors: FieldError[], depth: number): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) errors.push({ path, problem: 'must be a finite number' });
    return value;
  }
  if (typeof value !== 'object') {
    errors.push({ path, problem: 'must be a JSON value' });
    return undefined;
  }
  if (depth >= MAX_JSON_DEPTH) {
    errors.push({ path, problem: `is nested more than ${MAX_JSON_DEPTH} levels deep` });
    return undefined;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) {
      copy[index] = copyReporting(value[index], `${path}[${index}]`, errors, depth + 1);
    }
    return copy;
  }
  if (!isPlainObject(value)) {
    errors.push({ path, problem: 'must be a JSON value' });
    return undefined;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    if (PROTOTYPE_KEYS.has(key)) {
      errors.push({ path: `${path}.${key}`, problem: UNKNOWN_FIELD_PROBLEM });
      continue;
    }
    const member = (value as Record<string, unknown>)[key];
    if (member !== undefined) copy[key] = copyReporting(member, `${path}.${key}`, errors, depth + 1);
  }
  return copy;
}

/**
 * Removes `null` members from validated data, in place: an optional field sent as `null` means
 * the same as one left out, and must give the same stored content (duplicate detection compares it).
 */
export function dropNullMembers(value: unknown): void {
  if (Array.isArray(value)) {
    for (const entry of value) dropNullMembers(entry);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (record[key] === null) delete record[key];
    else dropNullMembers(record[key]);
  }
}
