import fc from 'fast-check';
import bankHolidays from './bank-holidays-england-and-wales.json';
import { addDays, dayOfWeek, fromDayNumber, toDayNumber } from './business-date';
import { DateOutsideWorkingDayCalendar, InvalidDayCount, InvalidHolidayList } from './calendar.errors';
import { englandAndWalesCalendar as calendar, WorkingDayCalendar } from './working-day-calendar';

const holidays = new Set(bankHolidays.dates);

function naiveIsWorkingDay(d: string): boolean {
  return dayOfWeek(d) <= 5 && !holidays.has(d);
}

function naiveAddWorkingDays(d: string, n: number): string {
  let date = d;
  for (let counted = 0; counted < Math.abs(n);) {
    date = addDays(date, Math.sign(n));
    if (naiveIsWorkingDay(date)) counted++;
  }
  return date;
}

describe('WorkingDayCalendar (England and Wales)', () => {
  it('covers 1 January of the first listed year to 31 December of the last', () => {
    expect(calendar.region).toBe('england-and-wales');
    expect(calendar.coveredFrom).toBe('2018-01-01');
    expect(calendar.coveredTo).toBe('2027-12-31');
  });

  describe('isWorkingDay', () => {
    it('counts Monday to Friday and not weekends', () => {
      expect(calendar.isWorkingDay('2025-06-06')).toBe(true);
      expect(calendar.isWorkingDay('2025-06-07')).toBe(false);
      expect(calendar.isWorkingDay('2025-06-08')).toBe(false);
      expect(calendar.isWorkingDay('2025-06-09')).toBe(true);
    });

    it('excludes every listed bank holiday', () => {
      for (const holiday of bankHolidays.dates) expect(calendar.isWorkingDay(holiday)).toBe(false);
    });
  });

  describe('addWorkingDays', () => {
    it('puts the 15th working day after Friday 2025-06-06 on Friday 2025-06-27, three whole weeks with no holiday', () => {
      expect(calendar.addWorkingDays('2025-06-06', 15)).toBe('2025-06-27');
    });

    it('skips Good Friday 2025-04-18 and Easter Monday 2025-04-21: Thursday 2025-04-17 + 1 is Tuesday 2025-04-22', () => {
      expect(calendar.addWorkingDays('2025-04-17', 1)).toBe('2025-04-22');
    });

    it('counts Thursday 17 then Tuesday 22 to Friday 25 April 2025 as 5 working days after Wednesday 2025-04-16', () => {
      expect(calendar.addWorkingDays('2025-04-16', 5)).toBe('2025-04-25');
    });

    it('skips Christmas Day and Boxing Day 2025: Wednesday 2025-12-24 + 1 is Monday 2025-12-29', () => {
      expect(calendar.addWorkingDays('2025-12-24', 1)).toBe('2025-12-29');
    });

    it('skips New Year 2026-01-01 too: 29, 30, 31 December and Friday 2 January are 4 working days after 2025-12-24', () => {
      expect(calendar.addWorkingDays('2025-12-24', 4)).toBe('2026-01-02');
    });

    it('loses three weekdays over Christmas and New Year: Monday 2025-12-22 + 15 is Thursday 2026-01-15', () => {
      expect(calendar.addWorkingDays('2025-12-22', 15)).toBe('2026-01-15');
    });

    it('skips the bank holiday Mondays 2025-05-05, 2025-05-26 and 2025-08-25: the Friday before + 1 is the Tuesday', () => {
      expect(calendar.isWorkingDay('2025-05-05')).toBe(false);
      expect(calendar.addWorkingDays('2025-05-02', 1)).toBe('2025-05-06');
      expect(calendar.addWorkingDays('2025-05-23', 1)).toBe('2025-05-27');
      expect(calendar.addWorkingDays('2025-08-22', 1)).toBe('2025-08-26');
    });

    it('takes a Saturday anchor as day 0, so Saturday 2025-06-07 + 1 is Monday 2025-06-09 and + 5 is Friday 2025-06-13', () => {
      expect(calendar.addWorkingDays('2025-06-07', 0)).toBe('2025-06-07');
      expect(calendar.addWorkingDays('2025-06-07', 1)).toBe('2025-06-09');
      expect(calendar.addWorkingDays('2025-06-07', 5)).toBe('2025-06-13');
    });

    it('returns the anchor itself for n = 0, even on a bank holiday', () => {
      expect(calendar.addWorkingDays('2025-12-25', 0)).toBe('2025-12-25');
    });

    it('skips the substitute day Monday 2020-12-28 for Boxing Day on a Saturday: Thursday 2020-12-24 + 1 is Tuesday 2020-12-29', () => {
      expect(calendar.isWorkingDay('2020-12-26')).toBe(false);
      expect(calendar.isWorkingDay('2020-12-28')).toBe(false);
      expect(calendar.addWorkingDays('2020-12-24', 1)).toBe('2020-12-29');
    });

    it('puts the Welsh 42 working-day assessment deadline from Monday 2025-09-01 on Wednesday 2025-10-29 (21 left in September, 21 more in October)', () => {
      expect(calendar.addWorkingDays('2025-09-01', 42)).toBe('2025-10-29');
    });

    it('puts the English 45 working-day assessment deadline from Monday 2025-09-01 on Monday 2025-11-03 (all 23 October weekdays, then November)', () => {
      expect(calendar.addWorkingDays('2025-09-01', 45)).toBe('2025-11-03');
    });

    it('counts backwards with a negative n: the working day before Tuesday 2025-04-22 is Thursday 2025-04-17', () => {
      expect(calendar.addWorkingDays('2025-04-22', -1)).toBe('2025-04-17');
      expect(calendar.addWorkingDays('2025-06-07', -1)).toBe('2025-06-06');
    });

    it('throws naming the date when the answer lies after 2027-12-31, the end of the holiday list', () => {
      expect(calendar.addWorkingDays('2027-12-30', 1)).toBe('2027-12-31');
      expect(() => calendar.addWorkingDays('2027-12-30', 2)).toThrow(DateOutsideWorkingDayCalendar);
      expect(() => calendar.addWorkingDays('2027-12-30', 2)).toThrow(
        'addWorkingDays(2027-12-30, 2) needs a date after 2027-12-31, outside the england-and-wales working-day calendar',
      );
    });

    it('throws naming the date for an anchor in a year the holiday list does not reach, rather than assume no holidays', () => {
      expect(() => calendar.addWorkingDays('2028-03-01', 15)).toThrow(DateOutsideWorkingDayCalendar);
      expect(() => calendar.addWorkingDays('2028-03-01', 15)).toThrow('needs 2028-03-01, outside');
      expect(() => calendar.addWorkingDays('2017-12-29', 1)).toThrow('needs 2017-12-29, outside');
      expect(() => calendar.isWorkingDay('2028-01-03')).toThrow(DateOutsideWorkingDayCalendar);
    });

    it('throws when counting back past 2018-01-01, the first covered date', () => {
      expect(() => calendar.addWorkingDays('2018-01-02', -1)).toThrow('needs a date before 2018-01-01');
    });

    it('refuses a fractional number of working days', () => {
      expect(() => calendar.addWorkingDays('2025-06-06', 1.5)).toThrow(InvalidDayCount);
    });

    it('agrees with a naive day-by-day count for any covered date and n from 0 to 60', () => {
      const first = toDayNumber('2018-01-01');
      const last = toDayNumber('2027-09-30');
      fc.assert(
        fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: 0, max: 60 }), (day, n) => {
          const d = fromDayNumber(day);
          expect(calendar.addWorkingDays(d, n)).toBe(naiveAddWorkingDays(d, n));
        }),
        { numRuns: 3000 },
      );
    });

    it('agrees with a naive day-by-day count going backwards for n from -60 to 0', () => {
      const first = toDayNumber('2018-04-01');
      const last = toDayNumber('2027-12-31');
      fc.assert(
        fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: -60, max: 0 }), (day, n) => {
          const d = fromDayNumber(day);
          expect(calendar.addWorkingDays(d, n)).toBe(naiveAddWorkingDays(d, n));
        }),
        { numRuns: 1000 },
      );
    });
  });

  describe('isWithinWorkingDays', () => {
    it('is true on exactly the 15th working day after the anchor, Friday 2025-06-27', () => {
      expect(calendar.isWithinWorkingDays('2025-06-27', '2025-06-06', 15)).toBe(true);
    });

    it('is false on the 16th working day, Monday 2025-06-30', () => {
      expect(calendar.isWithinWorkingDays('2025-06-30', '2025-06-06', 15)).toBe(false);
    });

    it('is false on the Saturday after the 15th working day, though no working day has passed', () => {
      expect(calendar.isWithinWorkingDays('2025-06-28', '2025-06-06', 15)).toBe(false);
    });

    it('is false the day before the anchor and true on the anchor itself', () => {
      expect(calendar.isWithinWorkingDays('2025-06-05', '2025-06-06', 15)).toBe(false);
      expect(calendar.isWithinWorkingDays('2025-06-06', '2025-06-06', 15)).toBe(true);
    });

    it('with n = 0 holds only on the anchor itself', () => {
      expect(calendar.isWithinWorkingDays('2025-06-07', '2025-06-07', 0)).toBe(true);
      expect(calendar.isWithinWorkingDays('2025-06-08', '2025-06-07', 0)).toBe(false);
    });

    it('answers for covered dates when the deadline lies after the covered range, and throws when it cannot know', () => {
      expect(calendar.isWithinWorkingDays('2027-12-31', '2027-12-20', 15)).toBe(true);
      expect(() => calendar.isWithinWorkingDays('2028-01-20', '2027-12-20', 15)).toThrow(DateOutsideWorkingDayCalendar);
      expect(calendar.isWithinWorkingDays('2028-01-20', '2027-11-01', 15)).toBe(false);
    });

    it('refuses a negative number of working days', () => {
      expect(() => calendar.isWithinWorkingDays('2025-06-06', '2025-06-06', -1)).toThrow(InvalidDayCount);
    });

    it('matches the definition against addWorkingDays for random dates', () => {
      const first = toDayNumber('2018-01-01');
      const last = toDayNumber('2027-09-30');
      fc.assert(
        fc.property(
          fc.integer({ min: first, max: last }),
          fc.integer({ min: -10, max: 100 }),
          fc.integer({ min: 0, max: 60 }),
          (anchorDay, offset, n) => {
            const anchor = fromDayNumber(anchorDay);
            const date = fromDayNumber(anchorDay + offset);
            const expected = date >= anchor && date <= calendar.addWorkingDays(anchor, n);
            expect(calendar.isWithinWorkingDays(date, anchor, n)).toBe(expected);
          },
        ),
      );
    });
  });

  describe('workingDaysBetween', () => {
    it('counts working days after a up to and including b', () => {
      expect(calendar.workingDaysBetween('2025-06-06', '2025-06-27')).toBe(15);
      expect(calendar.workingDaysBetween('2025-06-06', '2025-06-06')).toBe(0);
      expect(calendar.workingDaysBetween('2025-12-24', '2026-01-02')).toBe(4);
      expect(calendar.workingDaysBetween('2025-06-07', '2025-06-08')).toBe(0);
    });

    it('is negative when b is before a', () => {
      expect(calendar.workingDaysBetween('2025-06-27', '2025-06-06')).toBe(-15);
    });

    it('is undone by addWorkingDays when b is a working day on or after a', () => {
      const first = toDayNumber('2018-01-01');
      const last = toDayNumber('2027-12-31');
      fc.assert(
        fc.property(fc.integer({ min: first, max: last }), fc.integer({ min: first, max: last }), (x, y) => {
          const [a, b] = [fromDayNumber(Math.min(x, y)), fromDayNumber(Math.max(x, y))];
          fc.pre(calendar.isWorkingDay(b));
          expect(calendar.addWorkingDays(a, calendar.workingDaysBetween(a, b))).toBe(b);
        }),
      );
    });
  });
});

describe('WorkingDayCalendar built from a given holiday list', () => {
  it('uses only the holidays it is given, for another region or a test', () => {
    const noHolidays = new WorkingDayCalendar({
      region: 'nowhere',
      holidays: [],
      coveredFrom: '2025-01-01',
      coveredTo: '2025-12-31',
    });
    expect(noHolidays.isWorkingDay('2025-12-25')).toBe(true);
    expect(noHolidays.addWorkingDays('2025-12-24', 1)).toBe('2025-12-25');
  });

  it('covers whole years by default from a list', () => {
    const scotland = WorkingDayCalendar.fromHolidayList({ region: 'scotland', dates: ['2025-01-02', '2025-08-04'] });
    expect(scotland.coveredFrom).toBe('2025-01-01');
    expect(scotland.coveredTo).toBe('2025-12-31');
    expect(scotland.addWorkingDays('2025-08-01', 1)).toBe('2025-08-05');
    expect(() => scotland.addWorkingDays('2025-12-31', 1)).toThrow('outside the scotland working-day calendar');
  });

  it('refuses a holiday on a weekend, where the substitute weekday belongs', () => {
    expect(() => WorkingDayCalendar.fromHolidayList({ region: 'test', dates: ['2026-12-26'] })).toThrow(
      new InvalidHolidayList('test', '2026-12-26 falls on a weekend; list the substitute weekday instead'),
    );
  });

  it('refuses a list with a non-date, a holiday outside the range, or nothing to cover', () => {
    expect(() => WorkingDayCalendar.fromHolidayList({ region: 'test', dates: ['2025-02-30'] })).toThrow(InvalidHolidayList);
    expect(
      () =>
        new WorkingDayCalendar({
          region: 'test',
          holidays: ['2026-01-01'],
          coveredFrom: '2025-01-01',
          coveredTo: '2025-12-31',
        }),
    ).toThrow(InvalidHolidayList);
    expect(() => WorkingDayCalendar.fromHolidayList({ region: 'test', dates: [] })).toThrow(InvalidHolidayList);
  });
});
