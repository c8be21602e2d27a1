import { InvalidPeriodLabel, InvalidPeriodRange } from './calendar.errors';
import {
  calendarMonth,
  contains,
  financialYear,
  financialYearOf,
  financialYearOfPeriod,
  nextPeriod,
  parsePeriod,
  periodContaining,
  periodsBetween,
  previousPeriod,
} from './period';

describe('periods', () => {
  describe('parsePeriod', () => {
    it('reads 2025-26 as the financial year 2025-04-01 to 2026-03-31', () => {
      expect(parsePeriod('2025-26')).toEqual({
        label: '2025-26',
        kind: 'financial-year',
        from: '2025-04-01',
        to: '2026-03-31',
      });
    });

    it('reads the quarters of 2025-26 as April-June, July-September, October-December 2025', () => {
      expect(parsePeriod('2025-26-Q1')).toEqual({
        label: '2025-26-Q1',
        kind: 'quarter',
        from: '2025-04-01',
        to: '2025-06-30',
      });
      expect(parsePeriod('2025-26-Q2')).toEqual({
        label: '2025-26-Q2',
        kind: 'quarter',
        from: '2025-07-01',
        to: '2025-09-30',
      });
      expect(parsePeriod('2025-26-Q3')).toEqual({
        label: '2025-26-Q3',
        kind: 'quarter',
        from: '2025-10-01',
        to: '2025-12-31',
      });
    });

    it('reads 2025-26-Q4 as January to March 2026, in the next calendar year', () => {
      expect(parsePeriod('2025-26-Q4')).toEqual({
        label: '2025-26-Q4',
        kind: 'quarter',
        from: '2026-01-01',
        to: '2026-03-31',
      });
    });

    it('reads 2025-06 as the calendar month June 2025 and 2024-02 as a leap February', () => {
      expect(parsePeriod('2025-06')).toEqual({ label: '2025-06', kind: 'month', from: '2025-06-01', to: '2025-06-30' });
      expect(parsePeriod('2024-02').to).toBe('2024-02-29');
    });

    it('reads 2099-00 as the financial year across the century', () => {
      expect(parsePeriod('2099-00')).toEqual({
        label: '2099-00',
        kind: 'financial-year',
        from: '2099-04-01',
        to: '2100-03-31',
      });
    });

    it('refuses 2025-27 because the second part of a financial year must be the next year', () => {
      expect(() => parsePeriod('2025-27')).toThrow(InvalidPeriodLabel);
      expect(() => parsePeriod('2025-27')).toThrow('Period label "2025-27" is invalid');
      expect(() => parsePeriod('2025-27')).toThrow('accepted forms: YYYY-YY');
      expect(() => parsePeriod('2025-27-Q1')).toThrow('the second year must be the year after 2025');
    });

    it('refuses other shapes, naming the label and the accepted forms', () => {
      for (const label of [
        '2025-26-Q5',
        '2025-26-Q0',
        '2025-26-q1',
        '2025',
        '2025-13',
        '2025-00',
        '25-26',
        '2025-2026',
        '2025-06-01',
        '',
      ]) {
        expect(() => parsePeriod(label)).toThrow(new RegExp(`Period label "${label}" is invalid.*accepted forms`));
      }
    });

    it('refuses 2011-12 because it could be the financial year or December 2011', () => {
      expect(() => parsePeriod('2011-12')).toThrow('ambiguous between a financial year and a calendar month');
      expect(parsePeriod('2011-12-Q1').from).toBe('2011-04-01');
    });
  });

  it('contains a date from its first day to its last day inclusive', () => {
    const quarter = parsePeriod('2025-26-Q4');
    expect(contains(quarter, '2025-12-31')).toBe(false);
    expect(contains(quarter, '2026-01-01')).toBe(true);
    expect(contains(quarter, '2026-03-31')).toBe(true);
    expect(contains(quarter, '2026-04-01')).toBe(false);
  });

  describe('previousPeriod and nextPeriod', () => {
    it('step a financial year by a year', () => {
      expect(previousPeriod(parsePeriod('2025-26')).label).toBe('2024-25');
      expect(nextPeriod(parsePeriod('2025-26')).label).toBe('2026-27');
    });

    it('step from Q1 back to Q4 of the previous financial year and from Q4 on to the next Q1', () => {
      expect(previousPeriod(parsePeriod('2025-26-Q1'))).toEqual(parsePeriod('2024-25-Q4'));
      expect(previousPeriod(parsePeriod('2025-26-Q4')).label).toBe('2025-26-Q3');
      expect(nextPeriod(parsePeriod('2024-25-Q4')).label).toBe('2025-26-Q1');
    });

    it('step a month across the calendar year', () => {
      expect(previousPeriod(parsePeriod('2025-01')).label).toBe('2024-12');
      expect(nextPeriod(parsePeriod('2025-12')).label).toBe('2026-01');
    });
  });

  it('names the financial year of a date, changing on 1 April', () => {
    expect(financialYearOf('2026-03-31')).toBe('2025-26');
    expect(financialYearOf('2026-04-01')).toBe('2026-27');
    expect(financialYearOf('2025-12-25')).toBe('2025-26');
  });

  it('finds the financial year containing any period, for FUND-CONTRIB-RECEIVED', () => {
    expect(financialYearOfPeriod(parsePeriod('2025-26-Q4')).label).toBe('2025-26');
    expect(financialYearOfPeriod(parsePeriod('2026-02')).label).toBe('2025-26');
    expect(financialYearOfPeriod(parsePeriod('2026-04')).label).toBe('2026-27');
    expect(financialYearOfPeriod(parsePeriod('2025-26'))).toEqual(financialYear(2025));
  });

  it('finds the period of a granularity containing a date', () => {
    expect(periodContaining('2026-02-14', 'month')).toEqual(calendarMonth(2026, 2));
    expect(periodContaining('2026-02-14', 'quarter').label).toBe('2025-26-Q4');
    expect(periodContaining('2025-07-01', 'quarter').label).toBe('2025-26-Q2');
    expect(periodContaining('2026-02-14', 'year').label).toBe('2025-26');
  });

  describe('periodsBetween', () => {
    it('lists the 8 quarters of 2024-25 and 2025-26', () => {
      expect(periodsBetween('2024-25', '2025-26', 'quarter').map((p) => p.label)).toEqual([
        '2024-25-Q1',
        '2024-25-Q2',
        '2024-25-Q3',
        '2024-25-Q4',
        '2025-26-Q1',
        '2025-26-Q2',
        '2025-26-Q3',
        '2025-26-Q4',
      ]);
    });

    it('lists the 12 months of a financial year, April to March', () => {
      const months = periodsBetween('2025-26', '2025-26', 'month').map((p) => p.label);
      expect(months).toHaveLength(12);
      expect(months[0]).toBe('2025-04');
      expect(months[11]).toBe('2026-03');
    });

    it('lists financial years covering months given as the ends', () => {
      expect(periodsBetween('2023-05', '2026-01', 'year').map((p) => p.label)).toEqual(['2023-24', '2024-25', '2025-26']);
    });

    it('lists one period when both ends are the same', () => {
      expect(periodsBetween('2025-26-Q3', '2025-26-Q3', 'quarter').map((p) => p.label)).toEqual(['2025-26-Q3']);
    });

    it('refuses a range whose start is after its end', () => {
      expect(() => periodsBetween('2025-26', '2024-25', 'quarter')).toThrow(InvalidPeriodRange);
    });
  });
});
