import { isCalendarDate, type BusinessDate } from '@app/calendar';
import type { JsonObject } from '@app/event-store';

// Typed reads of a fact's `data`. Ingestion validates every board event against events.md, so a
// missing or ill-typed field cannot reach a metric; these readers answer `null` rather than throw
// so that one unexpected fact can never stop a board's whole computation.

export function readText(data: JsonObject, field: string): string | null {
  const value = data[field];
  return typeof value === 'string' && value.length > 0 ? value : null;
}

export function readDate(data: JsonObject, field: string): BusinessDate | null {
  const value = data[field];
  return isCalendarDate(value) ? value : null;
}

export function readNumber(data: JsonObject, field: string): number | null {
  const value = data[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export function readBoolean(data: JsonObject, field: string): boolean | null {
  const value = data[field];
  return typeof value === 'boolean' ? value : null;
}

export function readObject(data: JsonObject, field: string): JsonObject | null {
  const value = data[field];
  return isJsonObject(value) ? value : null;
}

/** The plain objects of a list field; anything else in the list is skipped. */
export function readObjects(data: JsonObject, field: string): JsonObject[] {
  const value = data[field];
  return Array.isArray(value) ? value.filter(isJsonObject) : [];
}

function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
