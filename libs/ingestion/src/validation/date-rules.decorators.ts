import { isCalendarDate } from './calendar-date';
import { currentIngestionDay } from './ingestion-day';
import { rule } from './rule';

/** A `YYYY-MM-DD` date that exists in the calendar (`2025-02-30` does not; `2024-02-29` does). */
export function IsCalendarDate(): PropertyDecorator {
  return rule('isCalendarDate', isCalendarDate, 'must be a real calendar date YYYY-MM-DD');
}

/**
 * The date of something that happened: not after the day of ingestion (UK local time), as set by
 * `withIngestionDay`. A value that is not a calendar date passes here: `@IsCalendarDate()` reports it.
 */
export function NotAfterIngestionDay(): PropertyDecorator {
  return rule(
    'notAfterIngestionDay',
    (value) => !isCalendarDate(value) || value <= currentIngestionDay(),
    () => `must not be after the day of ingestion ${currentIngestionDay()}`,
  );
}

/** Shorthand for the date of something that happened: a calendar date, not after the day of ingestion. */
export function IsHappenedOnDate(): PropertyDecorator {
  const calendar = IsCalendarDate();
  const notAfter = NotAfterIngestionDay();
  return (target: object, propertyName: string | symbol) => {
    calendar(target, propertyName);
    notAfter(target, propertyName);
  };
}
