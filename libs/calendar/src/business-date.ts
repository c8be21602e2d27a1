import { DateOutOfSupportedRange, InvalidCalendarDate, InvalidDayCount, InvalidInstant } from './calendar.errors';

/**
 * A calendar date as events carry it: `YYYY-MM-DD`, proleptic Gregorian, no time and no zone.
 * Valid business dates order the same way as strings, so `<` and `===` work on them directly.
 * All arithmetic here runs on a day number (days since 1970-01-01), never on `Date` parsing,
 * so the host's time zone cannot shift a date.
 */
export type BusinessDate = string;

/** ISO weekday: 1 is Monday, 7 is Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;
const CODE_0 = 48;
const CODE_DASH = 45;
/** Day numbers of 0000-01-01 and 9999-12-31, the range a `YYYY-MM-DD` string can carry. */
const MIN_DAY_NUMBER = -719_528;
const MAX_DAY_NUMBER = 2_932_896;

/** True for years divisible by 4, except centuries not divisible by 400. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1 to 12) of a year. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function digit(s: string, i: number): number {
  const d = s.charCodeAt(i) - CODE_0;
  return d >= 0 && d <= 9 ? d : NaN;
}

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
function civilToDayNumber(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Parses a `YYYY-MM-DD` string to its day number, or NaN when it is not a real date. */
function parseDayNumber(s: unknown): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== CODE_DASH || s.charCodeAt(7) !== CODE_DASH) {
    return NaN;
  }
  const year = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const month = digit(s, 5) * 10 + digit(s, 6);
  const day = digit(s, 8) * 10 + digit(s, 9);
  // NaN fails every comparison, so a non-digit anywhere lands here too.
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return NaN;
  return civilToDayNumber(year, month, day);
}

/** True when `s` is a real calendar date written `YYYY-MM-DD` (`2025-02-30` is not; `2024-02-29` is). */
export function isCalendarDate(s: unknown): s is BusinessDate {
  return !Number.isNaN(parseDayNumber(s));
}

/**
 * Days since 1970-01-01 of a business date (negative before it).
 * @throws InvalidCalendarDate when `d` is not a real `YYYY-MM-DD` date.
 */
export function toDayNumber(d: BusinessDate): number {
  const n = parseDayNumber(d);
  if (Number.isNaN(n)) throw new InvalidCalendarDate(d);
  return n;
}

/** Year, month (1 to 12) and day of a day number (Howard Hinnant's civil_from_days). */
function dayNumberToCivil(n: number): [year: number, month: number, day: number] {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [month <= 2 ? yearOfEra + era * 400 + 1 : yearOfEra + era * 400, month, day];
}

function formatCivil(year: number, month: number, day: number): BusinessDate {
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/**
 * The business date of a day number (days since 1970-01-01).
 * @throws DateOutOfSupportedRange when the date is before 0000-01-01 or after 9999-12-31.
 */
export function fromDayNumber(n: number): BusinessDate {
  if (!Number.isSafeInteger(n) || n < MIN_DAY_NUMBER || n > MAX_DAY_NUMBER) throw new DateOutOfSupportedRange(n);
  const [year, month, day] = dayNumberToCivil(n);
  return formatCivil(year, month, day);
}

/** Splits a business date into year, month (1 to 12) and day. @throws InvalidCalendarDate */
export function dateParts(d: BusinessDate): { year: number; month: number; day: number } {
  toDayNumber(d);
  return { year: Number(d.slice(0, 4)), month: Number(d.slice(5, 7)), day: Number(d.slice(8, 10)) };
}

/** The business date of a year, month (1 to 12) and day. @throws InvalidCalendarDate when there is no such date. */
export function dateOf(year: number, month: number, day: number): BusinessDate {
  const d = Number.isInteger(year) && year >= 0 && year <= 9999 ? formatCivil(year, month, day) : `${year}-${month}-${day}`;
  toDayNumber(d);
  return d;
}

function requireWholeNumber(what: string, n: number): void {
  if (!Number.isSafeInteger(n)) throw new InvalidDayCount(what, n, 'a whole number');
}

/** Orders two business dates: negative when `a` is earlier, 0 when equal, positive when later. @throws InvalidCalendarDate */
export function compareDates(a: BusinessDate, b: BusinessDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

/** The date `n` calendar days after `d` (before it when `n` is negative). */
export function addDays(d: BusinessDate, n: number): BusinessDate {
  requireWholeNumber('A number of days', n);
  return fromDayNumber(toDayNumber(d) + n);
}

/** Calendar days from `a` to `b`: 0 for the same date, negative when `b` is before `a`. */
export function daysBetween(a: BusinessDate, b: BusinessDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday of a date: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday). */
export function dayOfWeek(d: BusinessDate): IsoWeekday {
  return isoWeekdayOfDayNumber(toDayNumber(d));
}

/** ISO weekday of a day number: 1 is Monday, 7 is Sunday. */
export function isoWeekdayOfDayNumber(n: number): IsoWeekday {
  return (((((n + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * `n` months after `d` keeping the day of month, clamped to the target month's last day
 * (2024-01-31 + 1 = 2024-02-29; 2025-03-31 - 1 = 2025-02-28; 2024-02-29 + 12 = 2025-02-28).
 */
export function addMonths(d: BusinessDate, n: number): BusinessDate {
  requireWholeNumber('A number of months', n);
  const { year, month, day } = dateParts(d);
  const monthIndex = year * 12 + (month - 1) + n;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  if (targetYear < 0 || targetYear > 9999) {
    throw new DateOutOfSupportedRange(civilToDayNumber(targetYear, targetMonth, 1));
  }
  return formatCivil(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Day number of the last Sunday of a month, at 00:00 UTC. */
function lastSundayOf(year: number, month: number): number {
  const last = civilToDayNumber(year, month, daysInMonth(year, month));
  return last - (isoWeekdayOfDayNumber(last) % 7);
}

/**
 * Since 1996 British Summer Time runs from 01:00 UTC on the last Sunday of March to 01:00 UTC on
 * the last Sunday of October; earlier years had other rules, left to the runtime's time zone data.
 */
const FIRST_YEAR_OF_CURRENT_BST_RULE = 1996;
let londonDateFormat: Intl.DateTimeFormat | undefined;

/**
 * The calendar date in Europe/London at an instant: 23:30 UTC on 2025-07-01 is 2025-07-02 in
 * London (BST, UTC+1); 23:30 UTC on 2025-12-01 is still 2025-12-01 (GMT).
 * @throws InvalidInstant when the `Date` is invalid.
 */
export function ukDateOf(instant: Date): BusinessDate {
  const ms = instant.getTime();
  if (!Number.isFinite(ms)) throw new InvalidInstant();
  const utcDay = Math.floor(ms / MS_PER_DAY);
  const [year] = dayNumberToCivil(utcDay);
  if (year < FIRST_YEAR_OF_CURRENT_BST_RULE || year > 9999) {
    londonDateFormat ??= new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    return londonDateFormat.format(instant);
  }
  const bstStarts = lastSundayOf(year, 3) * MS_PER_DAY + MS_PER_HOUR;
  const bstEnds = lastSundayOf(year, 10) * MS_PER_DAY + MS_PER_HOUR;
  const offset = ms >= bstStarts && ms < bstEnds ? MS_PER_HOUR : 0;
  return fromDayNumber(Math.floor((ms + offset) / MS_PER_DAY));
}
