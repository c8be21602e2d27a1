import { daysInMonth } from '../validation/calendar-date';

const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
const PERCENT_ESCAPE = /%(?![0-9A-Fa-f]{2})/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*$/;

/**
 * True for a non-empty URI-reference (RFC 3986, section 4.1), checked as far as a sender can get it
 * wrong: only URI characters, `%` only as a percent-escape, at most one `#`, and a first segment
 * with a `:` only when what precedes it is a valid scheme (`urn:case-system:wccis:W06000015`,
 * `https://cases.example/wccis`, `/case-systems/wccis`).
 */
export function isUriReference(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0 || !URI_CHARACTERS.test(value)) return false;
  if (PERCENT_ESCAPE.test(value)) return false;
  if (value.indexOf('#') !== value.lastIndexOf('#')) return false;
  const colon = value.indexOf(':');
  if (colon === -1) return true;
  const firstDelimiter = value.search(/[/?#]/);
  if (firstDelimiter !== -1 && firstDelimiter < colon) return true;
  return SCHEME.test(value.slice(0, colon));
}

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * True for an RFC 3339 date-time with its offset (`2025-06-20T10:30:00Z`, `2025-06-20T11:30:00.25+01:00`):
 * a real calendar date, hours 00-23, minutes 00-59, seconds 00-60 (a leap second), offset within ±23:59.
 */
export function isRfc3339Instant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = RFC3339.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return false;
  if (Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 60) return false;
  if (match[9] !== undefined && (Number(match[10]) > 23 || Number(match[11]) > 59)) return false;
  return true;
}

const EXTENSION_NAME = /^[a-z0-9]+$/;

/** True for a CloudEvents 1.0 attribute name: lower-case ASCII letters and digits only. */
export function isCloudEventAttributeName(name: string): boolean {
  return EXTENSION_NAME.test(name);
}

/** True for `application/json`, with or without parameters (`application/json; charset=utf-8`). */
export function isJsonMediaType(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const semicolon = value.indexOf(';');
  const mediaType = (semicolon === -1 ? value : value.slice(0, semicolon)).trim().toLowerCase();
  return mediaType === 'application/json';
}
