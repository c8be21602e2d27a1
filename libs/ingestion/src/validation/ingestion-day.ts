import { InvalidIngestionDay } from '../errors/ingestion.errors';
import { isCalendarDate, ukLocalDate } from './calendar-date';

let scopedIngestionDay: string | undefined;

/**
 * Runs `validate` with `today` as the day of ingestion seen by `@NotAfterIngestionDay()`.
 *
 * class-validator gives a constraint no per-call context, so the day is held in module scope for
 * the duration of the call. That is safe because class-validator's `validateSync` is synchronous:
 * nothing else runs on this thread between setting and restoring it. Do not pass an async function.
 *
 * @throws InvalidIngestionDay when `today` is not a `YYYY-MM-DD` calendar date.
 */
export function withIngestionDay<T>(today: string, validate: () => T): T {
  if (!isCalendarDate(today)) throw new InvalidIngestionDay(today);
  const previous = scopedIngestionDay;
  scopedIngestionDay = today;
  try {
    return validate();
  } finally {
    scopedIngestionDay = previous;
  }
}

/**
 * The day of ingestion: the one set by {@link withIngestionDay}, or else today's UK local date
 * (so the DTOs stay usable, e.g. behind a NestJS ValidationPipe, outside an ingestion call).
 */
export function currentIngestionDay(): string {
  return scopedIngestionDay ?? ukLocalDate(new Date());
}
