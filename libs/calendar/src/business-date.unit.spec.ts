import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dateOf,
  dateParts,
  dayOfWeek,
  daysBetween,
  fromDayNumber,
  isCalendarDate,
  toDayNumber,
  ukDateOf,
} from './business-date';
import { DateOutOfSupportedRange, InvalidCalendarDate, InvalidDayCount, InvalidInstant } from './calendar.errors';

describe('business dates', () => {
  describe('isCalendarDate', () => {
    it('accepts real dates written YYYY-MM-DD', () => {
      expect(isCalendarDate('2025-07-01')).toBe(true);
      expect(isCalendarDate('2025-12-31')).toBe(true);
      expect(isCalendarDate('0000-01-01')).toBe(true);
      expect(isCalendarDate('9999-12-31')).toBe(true);
    });

    it('rejects days past the end of the month, such as 30 February and 31 April', () => {
      expect(isCalendarDate('2025-02-30')).toBe(false);
      expect(isCalendarDate('2025-04-31')).toBe(false);
      expect(isCalendarDate('2025-13-01')).toBe(false);
      expect(isCalendarDate('2025-00-10')).toBe(false);
      expect(isCalendarDate('2025-01-00')).toBe(false);
    });

    it('knows 29 February exists in 2024 and 2000 but not in 2025 or 1900', () => {
      expect(isCalendarDate('2024-02-29')).toBe(true);
      expect(isCalendarDate('2000-02-29')).toBe(true);
      expect(isCalendarDate('2025-02-29')).toBe(false);
      expect(isCalendarDate('1900-02-29')).toBe(false);
    });

    it('rejects other shapes, times and non-strings', () => {
      for (const value of [
        '2025-7-01',
        '2025/07/01',
        '20250701',
        '2025-07-01T00:00:00Z',
        ' 2025-07-01',
        '2025-07-0a',
        '',
        20250701,
        null,
      ]) {
        expect(isCalendarDate(value)).toBe(false);
      }
    });
  });

  it('throws InvalidCalendarDate naming the value when arithmetic is asked of a non-date', () => {
    expect(() => addDays('2025-02-30', 1)).toThrow(InvalidCalendarDate);
    expect(() => addDays('2025-02-30', 1)).toThrow('"2025-02-30" is not a real calendar date');
  });

  it('counts day numbers from 1970-01-01 and back', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1969-12-31')).toBe(-1);
    expect(toDayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(11_017)).toBe('2000-03-01');
    expect(() => fromDayNumber(toDayNumber('9999-12-31') + 1)).toThrow(DateOutOfSupportedRange);
  });

  it('agrees with Date.UTC on every day number round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: -719_528, max: 2_932_896 }), (n) => {
        const date = fromDayNumber(n);
        expect(toDayNumber(date)).toBe(n);
        const utc = new Date(n * 86_400_000);
        expect(dateParts(date)).toEqual({
          year: utc.getUTCFullYear(),
          month: utc.getUTCMonth() + 1,
          day: utc.getUTCDate(),
        });
      }),
    );
  });

  it('orders dates with compareDates', () => {
    expect(compareDates('2025-01-01', '2025-01-02')).toBeLessThan(0);
    expect(compareDates('2025-01-02', '2025-01-02')).toBe(0);
    expect(compareDates('2026-01-01', '2025-12-31')).toBeGreaterThan(0);
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2025-02-28', 1)).toBe('2025-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
    expect(addDays('2025-07-01', 0)).toBe('2025-07-01');
    expect(() => addDays('2025-07-01', 1.5)).toThrow(InvalidDayCount);
  });

  it('counts calendar days from a to b, negative when b is earlier', () => {
    expect(daysBetween('2025-01-01', '2025-12-31')).toBe(364);
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect(daysBetween('2025-03-01', '2025-02-01')).toBe(-28);
    expect(daysBetween('2025-03-30', '2025-03-31')).toBe(1);
  });

  it('gives ISO weekdays, Monday 1 to Sunday 7', () => {
    expect(dayOfWeek('1970-01-01')).toBe(4);
    expect(dayOfWeek('2025-06-06')).toBe(5);
    expect(dayOfWeek('2025-06-07')).toBe(6);
    expect(dayOfWeek('2025-06-08')).toBe(7);
    expect(dayOfWeek('2025-06-09')).toBe(1);
    expect(dayOfWeek('1969-12-29')).toBe(1);
  });

  it('builds a date from its parts and refuses parts that name no date', () => {
    expect(dateOf(2025, 6, 5)).toBe('2025-06-05');
    expect(() => dateOf(2025, 2, 29)).toThrow(InvalidCalendarDate);
  });

  describe('addMonths', () => {
    it('keeps the day of month when the target month has it', () => {
      expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
      expect(addMonths('2025-11-30', 2)).toBe('2026-01-30');
      expect(addMonths('2025-06-10', 24)).toBe('2027-06-10');
    });

    it('clamps 31 January plus one month to 29 February in a leap year', () => {
      expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    });

    it('clamps 31 January plus one month to 28 February in a common year', () => {
      expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    });

    it('goes backwards with a negative n, clamping 31 March minus one month to 28 February', () => {
      expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
      expect(addMonths('2025-01-15', -1)).toBe('2024-12-15');
      expect(addMonths('2025-03-15', -15)).toBe('2023-12-15');
    });

    it('clamps 29 February plus 12 months to 28 February of the next, common, year', () => {
      expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
      expect(addMonths('2024-02-29', 48)).toBe('2028-02-29');
    });

    it('clamps 31 August plus one month to 30 September', () => {
      expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
    });

    it('returns the same date for n = 0 and refuses fractional months', () => {
      expect(addMonths('2025-08-31', 0)).toBe('2025-08-31');
      expect(() => addMonths('2025-08-31', 0.5)).toThrow(InvalidDayCount);
    });
  });

  describe('ukDateOf', () => {
    it('is the next day in London at 23:30 UTC on 2025-07-01, because BST is UTC+1', () => {
      expect(ukDateOf(new Date('2025-07-01T23:30:00Z'))).toBe('2025-07-02');
    });

    it('is the same day in London at 23:30 UTC on 2025-12-01, because GMT is UTC', () => {
      expect(ukDateOf(new Date('2025-12-01T23:30:00Z'))).toBe('2025-12-01');
    });

    it('switches to BST at 01:00 UTC on 2025-03-30, so 23:30 UTC the evening before is still the 29th', () => {
      expect(ukDateOf(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-29');
      expect(ukDateOf(new Date('2025-03-30T00:59:59.999Z'))).toBe('2025-03-30');
      expect(ukDateOf(new Date('2025-03-30T22:59:59.999Z'))).toBe('2025-03-30');
      expect(ukDateOf(new Date('2025-03-30T23:00:00Z'))).toBe('2025-03-31');
    });

    it('leaves BST at 01:00 UTC on 2025-10-26, so 23:00 UTC on the 25th is already the 26th but 23:30 UTC on the 26th is not the 27th', () => {
      expect(ukDateOf(new Date('2025-10-25T22:59:59.999Z'))).toBe('2025-10-25');
      expect(ukDateOf(new Date('2025-10-25T23:00:00Z'))).toBe('2025-10-26');
      expect(ukDateOf(new Date('2025-10-26T00:59:59.999Z'))).toBe('2025-10-26');
      expect(ukDateOf(new Date('2025-10-26T23:30:00Z'))).toBe('2025-10-26');
    });

    it('agrees with the runtime time zone data for Europe/London at any instant', () => {
      const london = new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Europe/London',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      });
      fc.assert(
        fc.property(
          fc.date({
            min: new Date('1970-01-01T00:00:00Z'),
            max: new Date('2037-12-31T23:59:59Z'),
            noInvalidDate: true,
          }),
          (instant) => {
            expect(ukDateOf(instant)).toBe(london.format(instant));
          },
        ),
        { numRuns: 2000 },
      );
    });

    it('throws InvalidInstant for an invalid Date', () => {
      expect(() => ukDateOf(new Date('not a date'))).toThrow(InvalidInstant);
    });
  });
});
