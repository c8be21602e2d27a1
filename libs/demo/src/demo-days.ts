import { addMonths, englandAndWalesCalendar, fromDayNumber, toDayNumber } from '@app/calendar';

/**
 * The demo computes on day numbers (days since 1970-01-01) and writes `YYYY-MM-DD` business dates;
 * these helpers convert once and cache, since the same few thousand days are written a million times.
 */
const dateCache = new Map<number, string>();

export const CALENDAR_COVERED_FROM = toDayNumber(englandAndWalesCalendar.coveredFrom);
export const CALENDAR_COVERED_TO = toDayNumber(englandAndWalesCalendar.coveredTo);

export function dateOfDay(day: number): string {
  let date = dateCache.get(day);
  if (date === undefined) {
    date = fromDayNumber(day);
    dateCache.set(day, date);
  }
  return date;
}

export function dayOfDate(date: string): number {
  return toDayNumber(date);
}

/**
 * The n-th England and Wales working day strictly after `day` (`day` itself is day 0). Outside the
 * bank holiday list (a board's early years, or the future beyond the demo's last day, which the
 * demo plans but never writes) only weekends are skipped.
 */
export function addWorkingDays(day: number, n: number): number {
  const reach = 2 * Math.abs(n) + 14;
  if (day - reach >= CALENDAR_COVERED_FROM && day + reach <= CALENDAR_COVERED_TO) {
    return toDayNumber(englandAndWalesCalendar.addWorkingDays(dateOfDay(day), n));
  }
  let result = day;
  for (let left = Math.abs(n); left > 0;) {
    result += Math.sign(n);
    if (isWorkingDay(result)) left--;
  }
  return result;
}

/** True on a Monday to Friday that is not a bank holiday (outside the bank holiday list: not a weekend). */
export function isWorkingDay(day: number): boolean {
  if (day < CALENDAR_COVERED_FROM || day > CALENDAR_COVERED_TO) return weekdayOf(day) <= 5;
  return englandAndWalesCalendar.isWorkingDay(dateOfDay(day));
}

/** `day` when it is a working day, else the next working day. */
export function workingDayOnOrAfter(day: number): number {
  return isWorkingDay(day) ? day : addWorkingDays(day, 1);
}

/** `day` when it is a working day, else the working day before it. */
export function workingDayOnOrBefore(day: number): number {
  return isWorkingDay(day) ? day : addWorkingDays(day, -1);
}

/** `n` months after `day`, the day of month clamped (metrics.md, "Months"). */
export function addMonthsToDay(day: number, n: number): number {
  return toDayNumber(addMonths(dateOfDay(day), n));
}

/** ISO weekday of a day number: 1 is Monday, 7 is Sunday. */
export function weekdayOf(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The financial year `2025-26` containing a day. */
export function financialYearOfDay(day: number): string {
  const date = dateOfDay(day);
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return financialYearLabel(start);
}

export function financialYearLabel(startYear: number): string {
  return `${startYear}-${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Day number of a calendar date given as parts. */
export function dayOfParts(year: number, month: number, dayOfMonth: number): number {
  return toDayNumber(`${year}-${String(month).padStart(2, '0')}-${String(dayOfMonth).padStart(2, '0')}`);
}
