/** Base class of every error the calendar throws; `code` is stable for mapping. */
export abstract class CalendarError extends Error {
  abstract readonly code: string;
}

/** A value that should be a real `YYYY-MM-DD` calendar date is not one. */
export class InvalidCalendarDate extends CalendarError {
  readonly code = 'invalid-calendar-date';
  constructor(readonly value: unknown) {
    super(`${JSON.stringify(value)} is not a real calendar date in the form YYYY-MM-DD`);
    this.name = 'InvalidCalendarDate';
  }
}

/** Date arithmetic left the years a `YYYY-MM-DD` string can carry (0000 to 9999). */
export class DateOutOfSupportedRange extends CalendarError {
  readonly code = 'date-out-of-supported-range';
  constructor(readonly dayNumber: number) {
    super(`Day number ${dayNumber} falls outside 0000-01-01..9999-12-31, the dates a YYYY-MM-DD string can carry`);
    this.name = 'DateOutOfSupportedRange';
  }
}

/** A day, month or working-day count must be a whole number (and sometimes not negative). */
export class InvalidDayCount extends CalendarError {
  readonly code = 'invalid-day-count';
  constructor(
    readonly what: string,
    readonly value: number,
    readonly rule: string,
  ) {
    super(`${what} must be ${rule}, got ${value}`);
    this.name = 'InvalidDayCount';
  }
}

/** A `Date` passed as an instant holds no time (it was built from an unparsable value). */
export class InvalidInstant extends CalendarError {
  readonly code = 'invalid-instant';
  constructor() {
    super('The instant is an invalid Date (its time value is NaN)');
    this.name = 'InvalidInstant';
  }
}

/**
 * A working-day question needs a date the bank holiday list does not cover. Years the list does
 * not reach are unknown, not holiday-free: extend the list rather than guess.
 */
export class DateOutsideWorkingDayCalendar extends CalendarError {
  readonly code = 'date-outside-working-day-calendar';
  /**
   * @param date the date asked about
   * @param question the call, e.g. `addWorkingDays(2027-12-30, 5)`
   * @param beyond set when `date` is covered but the answer lies after (or before) the covered range
   */
  constructor(
    readonly date: string,
    readonly region: string,
    readonly coveredFrom: string,
    readonly coveredTo: string,
    readonly question: string,
    readonly beyond?: 'after' | 'before',
  ) {
    const needs = beyond === undefined ? date : `a date ${beyond} ${beyond === 'after' ? coveredTo : coveredFrom}`;
    super(
      `${question} needs ${needs}, outside the ${region} working-day calendar, which covers ` +
        `${coveredFrom} to ${coveredTo}; extend the bank holiday list to answer it`,
    );
    this.name = 'DateOutsideWorkingDayCalendar';
  }
}

/** A bank holiday list that cannot define a working-day calendar. */
export class InvalidHolidayList extends CalendarError {
  readonly code = 'invalid-holiday-list';
  constructor(
    readonly region: string,
    readonly reason: string,
  ) {
    super(`The ${region} bank holiday list is invalid: ${reason}`);
    this.name = 'InvalidHolidayList';
  }
}

/** The forms `parsePeriod` accepts, quoted in its errors. */
export const ACCEPTED_PERIOD_FORMS =
  'YYYY-YY for a financial year where YY is the next year (2025-26), ' +
  'YYYY-YY-Qn for a quarter of it (2025-26-Q1 to 2025-26-Q4), ' +
  'YYYY-MM for a calendar month (2025-06)';

/** A period label that is none of the accepted forms. */
export class InvalidPeriodLabel extends CalendarError {
  readonly code = 'invalid-period-label';
  constructor(
    readonly label: unknown,
    readonly reason?: string,
  ) {
    super(`Period label ${JSON.stringify(label)} is invalid${reason ? ` (${reason})` : ''}; ` + `accepted forms: ${ACCEPTED_PERIOD_FORMS}`);
    this.name = 'InvalidPeriodLabel';
  }
}

/** A period built from parts (year, quarter, month) that do not name one. */
export class InvalidPeriodPart extends CalendarError {
  readonly code = 'invalid-period-part';
  constructor(
    readonly part: string,
    readonly value: number,
    readonly rule: string,
  ) {
    super(`Period ${part} must be ${rule}, got ${value}`);
    this.name = 'InvalidPeriodPart';
  }
}

/** A series of periods asked for from a period that starts after the last one ends. */
export class InvalidPeriodRange extends CalendarError {
  readonly code = 'invalid-period-range';
  constructor(
    readonly fromLabel: string,
    readonly toLabel: string,
  ) {
    super(`Period range ${fromLabel} to ${toLabel} is empty: ${fromLabel} starts after ${toLabel} ends`);
    this.name = 'InvalidPeriodRange';
  }
}
