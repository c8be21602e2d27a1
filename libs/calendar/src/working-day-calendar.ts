import bankHolidaysEnglandAndWales from './bank-holidays-england-and-wales.json';
import { BusinessDate, fromDayNumber, isCalendarDate, isoWeekdayOfDayNumber, toDayNumber } from './business-date';
import { DateOutsideWorkingDayCalendar, InvalidDayCount, InvalidHolidayList } from './calendar.errors';

/** A region's bank holidays, as in `bank-holidays-england-and-wales.json`. */
export interface HolidayList {
  readonly region: string;
  readonly dates: readonly BusinessDate[];
}

/** What a working-day calendar is built from. */
export interface WorkingDayCalendarOptions {
  /** Named in errors, e.g. `england-and-wales`. */
  readonly region: string;
  /** Bank holidays; each must be a weekday inside the covered range (list a substitute day, not the Saturday). */
  readonly holidays: readonly BusinessDate[];
  /** First date the calendar answers for; defaults to 1 January of the earliest holiday's year. */
  readonly coveredFrom?: BusinessDate;
  /** Last date the calendar answers for; defaults to 31 December of the latest holiday's year. */
  readonly coveredTo?: BusinessDate;
}

/**
 * Working days are Monday to Friday except the region's bank holidays. The calendar answers only
 * for dates in its covered range and throws `DateOutsideWorkingDayCalendar` outside it: a year
 * the holiday list does not reach is unknown, not holiday-free.
 *
 * Built once, then every question is O(1): `workingDaysUpTo[i]` counts the working days in the
 * covered range before offset `i`, and `workingDayOffsets[k]` is the offset of the k-th working day.
 */
export class WorkingDayCalendar {
  readonly region: string;
  readonly coveredFrom: BusinessDate;
  readonly coveredTo: BusinessDate;
  private readonly firstDay: number;
  private readonly lastDay: number;
  private readonly workingDaysUpTo: Int32Array;
  private readonly workingDayOffsets: Int32Array;
  private readonly dates: readonly BusinessDate[];

  /** @throws InvalidHolidayList when a holiday is not a date, falls on a weekend or outside the covered range. */
  constructor(options: WorkingDayCalendarOptions) {
    const { region, holidays } = options;
    this.region = region;
    for (const holiday of holidays) {
      if (!isCalendarDate(holiday)) throw new InvalidHolidayList(region, `${JSON.stringify(holiday)} is not a YYYY-MM-DD date`);
    }
    const sorted = [...holidays].sort();
    if (sorted.length === 0 && (options.coveredFrom === undefined || options.coveredTo === undefined)) {
      throw new InvalidHolidayList(region, 'an empty list needs an explicit coveredFrom and coveredTo');
    }
    this.coveredFrom = options.coveredFrom ?? `${sorted[0].slice(0, 4)}-01-01`;
    this.coveredTo = options.coveredTo ?? `${sorted[sorted.length - 1].slice(0, 4)}-12-31`;
    this.firstDay = toDayNumber(this.coveredFrom);
    this.lastDay = toDayNumber(this.coveredTo);
    if (this.lastDay < this.firstDay) {
      throw new InvalidHolidayList(region, `coveredTo ${this.coveredTo} is before coveredFrom ${this.coveredFrom}`);
    }

    const length = this.lastDay - this.firstDay + 1;
    const isHoliday = new Uint8Array(length);
    for (const holiday of sorted) {
      const day = toDayNumber(holiday);
      if (day < this.firstDay || day > this.lastDay) {
        throw new InvalidHolidayList(region, `${holiday} is outside the covered range ${this.coveredFrom} to ${this.coveredTo}`);
      }
      if (isoWeekdayOfDayNumber(day) >= 6) {
        throw new InvalidHolidayList(region, `${holiday} falls on a weekend; list the substitute weekday instead`);
      }
      isHoliday[day - this.firstDay] = 1;
    }

    this.workingDaysUpTo = new Int32Array(length + 1);
    const offsets: number[] = [];
    const dates: BusinessDate[] = new Array<BusinessDate>(length);
    for (let i = 0; i < length; i++) {
      const working = isoWeekdayOfDayNumber(this.firstDay + i) <= 5 && isHoliday[i] === 0;
      if (working) offsets.push(i);
      this.workingDaysUpTo[i + 1] = this.workingDaysUpTo[i] + (working ? 1 : 0);
      dates[i] = fromDayNumber(this.firstDay + i);
    }
    this.workingDayOffsets = Int32Array.from(offsets);
    this.dates = dates;
  }

  /** A calendar covering the list's years, from 1 January of the first to 31 December of the last. */
  static fromHolidayList(list: HolidayList): WorkingDayCalendar {
    return new WorkingDayCalendar({ region: list.region, holidays: list.dates });
  }

  /** True when `d` is a Monday to Friday that is not a bank holiday. @throws DateOutsideWorkingDayCalendar */
  isWorkingDay(d: BusinessDate): boolean {
    const i = this.offsetOf(d);
    if (i < 0) throw this.outside(d, `isWorkingDay(${d})`);
    return this.workingDaysUpTo[i + 1] !== this.workingDaysUpTo[i];
  }

  /**
   * The n-th working day strictly after `d`; `d` itself is day 0 whatever day it is, so `n = 0`
   * returns `d` (a valid date, covered or not). A negative `n` gives the |n|-th working day strictly before `d`.
   * @throws DateOutsideWorkingDayCalendar when `d` or the answer is outside the covered range.
   * @throws InvalidDayCount when `n` is not a whole number.
   */
  addWorkingDays(d: BusinessDate, n: number): BusinessDate {
    if (!Number.isSafeInteger(n)) throw new InvalidDayCount('A number of working days', n, 'a whole number');
    const i = this.offsetOf(d);
    if (n === 0) return d;
    if (i < 0) throw this.outside(d, `addWorkingDays(${d}, ${n})`);
    const k = n > 0 ? this.workingDaysUpTo[i + 1] + n - 1 : this.workingDaysUpTo[i] + n;
    if (k < 0 || k >= this.workingDayOffsets.length) {
      throw this.outside(d, `addWorkingDays(${d}, ${n})`, n > 0 ? 'after' : 'before');
    }
    return this.dates[this.workingDayOffsets[k]];
  }

  /**
   * "Within `n` working days of `anchor`": `date` is not before `anchor` and on or before
   * `addWorkingDays(anchor, n)`. A deadline beyond the covered range still answers for dates inside it.
   * @throws DateOutsideWorkingDayCalendar when the answer depends on dates the calendar does not cover.
   * @throws InvalidDayCount when `n` is not a whole number of at least 0.
   */
  isWithinWorkingDays(date: BusinessDate, anchor: BusinessDate, n: number): boolean {
    if (!Number.isSafeInteger(n) || n < 0) {
      throw new InvalidDayCount('A number of working days', n, 'a whole number of at least 0');
    }
    const day = toDayNumber(date);
    const anchorDay = toDayNumber(anchor);
    if (day < anchorDay) return false;
    if (n === 0) return day === anchorDay;
    const i = this.offsetOf(anchor);
    if (i < 0) throw this.outside(anchor, `isWithinWorkingDays(${date}, ${anchor}, ${n})`);
    const k = this.workingDaysUpTo[i + 1] + n - 1;
    if (k < this.workingDayOffsets.length) return day <= this.firstDay + this.workingDayOffsets[k];
    // The deadline lies after the covered range, so every covered date from the anchor on is within it.
    if (day <= this.lastDay) return true;
    throw this.outside(date, `isWithinWorkingDays(${date}, ${anchor}, ${n})`);
  }

  /**
   * Working days after `a` up to and including `b`; negative (minus the count after `b` up to and
   * including `a`) when `b` is before `a`. For `a <= b` and `b` a working day,
   * `addWorkingDays(a, workingDaysBetween(a, b)) === b`.
   * @throws DateOutsideWorkingDayCalendar
   */
  workingDaysBetween(a: BusinessDate, b: BusinessDate): number {
    const i = this.offsetOf(a);
    if (i < 0) throw this.outside(a, `workingDaysBetween(${a}, ${b})`);
    const j = this.offsetOf(b);
    if (j < 0) throw this.outside(b, `workingDaysBetween(${a}, ${b})`);
    return this.workingDaysUpTo[j + 1] - this.workingDaysUpTo[i + 1];
  }

  /** Offset of `d` in the covered range, or -1 outside it. @throws InvalidCalendarDate */
  private offsetOf(d: BusinessDate): number {
    const day = toDayNumber(d);
    return day < this.firstDay || day > this.lastDay ? -1 : day - this.firstDay;
  }

  private outside(d: BusinessDate, question: string, beyond?: 'after' | 'before'): DateOutsideWorkingDayCalendar {
    return new DateOutsideWorkingDayCalendar(d, this.region, this.coveredFrom, this.coveredTo, question, beyond);
  }
}

/**
 * England and Wales working days, from the bank holiday list bundled beside this file. That list
 * must be extended each year (with the next year's dates as announced, including one-off days):
 * questions about a year it does not reach throw rather than treat the year as holiday-free.
 */
export const englandAndWalesCalendar: WorkingDayCalendar = WorkingDayCalendar.fromHolidayList(bankHolidaysEnglandAndWales);
