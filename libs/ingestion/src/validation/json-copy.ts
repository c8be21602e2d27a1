import type { FieldError } from '../errors/field-error';

/** JSON nests no deeper than this in any event of the catalogue; deeper input is refused before it is walked further. */
export const MAX_JSON_DEPTH = 16;

/** Keys that would reach an object's prototype; no field of the catalogue has these names. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

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
 * `undefined` are left out, as JSON would leave them.
 */
export function copyJson(value: unknown, path: string, errors: FieldError[], depth = 0): unknown {
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
      copy[index] = copyJson(value[index], `${path}[${index}]`, errors, depth + 1);
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
    if (member !== undefined) copy[key] = copyJson(member, `${path}.${key}`, errors, depth + 1);
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
