// class-transformer's @Type reads design-time metadata through the Reflect API this polyfills.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ValidateNested } from 'class-validator';
import { registerNestedType, type OwnerClass } from './nested-types';
import { isJsonObject, rule, type RuleTest } from './rule';

const GSS_CODE = /^[A-Z][0-9]{8}$/;
const FINANCIAL_YEAR = /^([0-9]{4})-([0-9]{2})$/;

/** True for a string with at least one character that is not white space. */
export function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/**
 * True for a GSS code: a capital letter and 8 digits (`W06000015`). Capitals only, because the
 * code is part of the pseudonymised text: `w06000015` would give every child a second pseudonym.
 */
export function isGssCode(value: unknown): value is string {
  return typeof value === 'string' && GSS_CODE.test(value);
}

/** True for a UK financial year `YYYY-YY` whose second part is the next year mod 100 (`2025-26`, `2099-00`). */
export function isFinancialYear(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = FINANCIAL_YEAR.exec(value);
  return match !== null && (Number(match[1]) + 1) % 100 === Number(match[2]);
}

/** True for a whole number of 0 or more that JSON carries exactly (a safe integer). */
export function isWholeNumber(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/** True for a finite number. */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** A non-empty string (at least one character other than white space): identifiers, titles, reasons. */
export function IsNonEmptyString(): PropertyDecorator {
  return rule('isNonEmptyString', isNonEmptyString, 'must be a non-empty string');
}

/** A GSS code: a capital letter and 8 digits, e.g. `W06000015`. */
export function IsGssCode(): PropertyDecorator {
  return rule('isGssCode', isGssCode, 'must be a GSS code: a capital letter and 8 digits, e.g. W06000015');
}

/** A financial year `YYYY-YY`, the second part the next year mod 100, e.g. `2025-26`. */
export function IsFinancialYear(): PropertyDecorator {
  return rule('isFinancialYear', isFinancialYear, 'must be a financial year YYYY-YY whose second part is the next year, e.g. 2025-26');
}

/** A whole number (integer) of 0 or more: counts and amounts in pence. */
export function IsWholeNumber(): PropertyDecorator {
  return rule('isWholeNumber', isWholeNumber, 'must be a whole number of 0 or more');
}

/** Any finite number. */
export function IsFiniteNumber(): PropertyDecorator {
  return rule('isFiniteNumber', isFiniteNumber, 'must be a number');
}

/** A finite number of 0 or more. */
export function IsNonNegativeNumber(): PropertyDecorator {
  return rule('isNonNegativeNumber', (value) => isFiniteNumber(value) && value >= 0, 'must be a number of 0 or more');
}

/** A JSON boolean. */
export function IsTrueOrFalse(): PropertyDecorator {
  return rule('isTrueOrFalse', (value) => typeof value === 'boolean', 'must be true or false');
}

/** One of a closed list of strings; the problem lists them. */
export function IsOneOf(values: readonly string[]): PropertyDecorator {
  const allowed = new Set<unknown>(values);
  return rule('isOneOf', (value) => allowed.has(value), `must be one of: ${values.join(', ')}`);
}

/**
 * A list whose every item passes `item`, with at least `min` items. The problem is reported on
 * the list (`data.childIds`), which names no item's value.
 */
export function IsListOf(item: RuleTest, itemWords: string, options: { min?: number } = {}): PropertyDecorator {
  const min = options.min ?? 0;
  const problem = min > 0 ? `must be a list of ${min} or more ${itemWords}` : `must be a list of ${itemWords}`;
  return rule(
    'isListOf',
    (value, args) => Array.isArray(value) && value.length >= min && value.every((entry) => item(entry, args)),
    problem,
  );
}

/** A list of objects, each validated as an instance of `type()` (paths like `data.outcomes[1].registered`). */
export function IsListOfObjects(type: () => new () => object): PropertyDecorator {
  const list = rule('isListOfObjects', (value) => Array.isArray(value) && value.every(isJsonObject), 'must be a list of objects');
  const nested = ValidateNested({ each: true });
  const typed = Type(type);
  return (target: object, propertyName: string | symbol) => {
    list(target, propertyName);
    nested(target, propertyName);
    typed(target, propertyName);
    registerNestedType(target.constructor as OwnerClass, propertyName as string, type);
  };
}

/** An object validated as an instance of `type()`. */
export function IsNestedObject(type: () => new () => object): PropertyDecorator {
  const object = rule('isNestedObject', isJsonObject, 'must be an object');
  const nested = ValidateNested();
  const typed = Type(type);
  return (target: object, propertyName: string | symbol) => {
    object(target, propertyName);
    nested(target, propertyName);
    typed(target, propertyName);
    registerNestedType(target.constructor as OwnerClass, propertyName as string, type);
  };
}
