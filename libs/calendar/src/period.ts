import { BusinessDate, dateParts, daysInMonth, toDayNumber } from './business-date';
import { InvalidPeriodLabel, InvalidPeriodPart, InvalidPeriodRange } from './calendar.errors';

/** What a period label names. */
export type PeriodKind = 'financial-year' | 'quarter' | 'month';

/** The step of a series of periods; `year` means financial year. */
export type PeriodGranularity = 'month' | 'quarter' | 'year';

/**
 * A reporting period: a fact with business date `d` is in it when `from <= d <= to`.
 * `2025-26` is 2025-04-01..2026-03-31, `2025-26-Q1`..`Q4` are Apr-Jun 2025, Jul-Sep, Oct-Dec and
 * Jan-Mar 2026, `2025-06` is June 2025.
 */
export interface Period {
  readonly label: string;
  readonly kind: PeriodKind;
  readonly from: BusinessDate;
  readonly to: BusinessDate;
}

const FIRST_MONTH_OF_QUARTER = [4, 7, 10, 1] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function monthStart(year: number, month: number): BusinessDate {
  return `${pad(year, 4)}-${pad(month, 2)}-01`;
}

function monthEnd(year: number, month: number): BusinessDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(daysInMonth(year, month), 2)}`;
}

function requireInteger(part: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidPeriodPart(part, value, `a whole number from ${min} to ${max}`);
  }
}

function financialYearLabel(startYear: number): string {
  return `${pad(startYear, 4)}-${pad((startYear + 1) % 100, 2)}`;
}

/** The financial year starting on 1 April of `startYear`: `financialYear(2025)` is `2025-26`. */
export function financialYear(startYear: number): Period {
  requireInteger('financial year start', startYear, 0, 9998);
  return Object.freeze({
    label: financialYearLabel(startYear),
    kind: 'financial-year',
    from: monthStart(startYear, 4),
    to: monthEnd(startYear + 1, 3),
  });
}

/** Quarter 1 to 4 of the financial year starting in `startYear`: Q1 is April to June, Q4 January to March of the next year. */
export function financialQuarter(startYear: number, quarter: number): Period {
  requireInteger('financial year start', startYear, 0, 9998);
  requireInteger('quarter', quarter, 1, 4);
  const year = quarter === 4 ? startYear + 1 : startYear;
  const firstMonth = FIRST_MONTH_OF_QUARTER[quarter - 1];
  return Object.freeze({
    label: `${financialYearLabel(startYear)}-Q${quarter}`,
    kind: 'quarter',
    from: monthStart(year, firstMonth),
    to: monthEnd(year, firstMonth + 2),
  });
}

/** A calendar month: `calendarMonth(2025, 6)` is `2025-06`, 2025-06-01..2025-06-30. */
export function calendarMonth(year: number, month: number): Period {
  requireInteger('year', year, 0, 9999);
  requireInteger('month', month, 1, 12);
  return Object.freeze({
    label: `${pad(year, 4)}-${pad(month, 2)}`,
    kind: 'month',
    from: monthStart(year, month),
    to: monthEnd(year, month),
  });
}

const FINANCIAL_YEAR_OR_MONTH = /^(\d{4})-(\d{2})$/;
const QUARTER = /^(\d{4})-(\d{2})-Q([1-4])$/;

/**
 * Parses `2025-26` (financial year), `2025-26-Q1`..`Q4` (quarter) or `2025-06` (calendar month).
 * Labels from 2000-01 to 2011-12 that could be either a financial year or a month are refused as
 * ambiguous; build those with `financialYear` or `calendarMonth`.
 * @throws InvalidPeriodLabel naming the label and the accepted forms.
 */
export function parsePeriod(label: string): Period {
  if (typeof label !== 'string') throw new InvalidPeriodLabel(label, 'not a string');
  const quarter = QUARTER.exec(label);
  if (quarter) {
    const startYear = Number(quarter[1]);
    if (Number(quarter[2]) !== (startYear + 1) % 100) {
      throw new InvalidPeriodLabel(label, `the second year must be the year after ${quarter[1]}`);
    }
    return financialQuarter(startYear, Number(quarter[3]));
  }
  const yearOrMonth = FINANCIAL_YEAR_OR_MONTH.exec(label);
  if (!yearOrMonth) throw new InvalidPeriodLabel(label);
  const year = Number(yearOrMonth[1]);
  const second = Number(yearOrMonth[2]);
  const isFinancialYear = second === (year + 1) % 100 && year <= 9998;
  const isMonth = second >= 1 && second <= 12;
  if (isFinancialYear && isMonth) {
    throw new InvalidPeriodLabel(label, 'ambiguous between a financial year and a calendar month');
  }
  if (isFinancialYear) return financialYear(year);
  if (isMonth) return calendarMonth(year, second);
  throw new InvalidPeriodLabel(label, `neither a month (01 to 12) nor the year after ${yearOrMonth[1]}`);
}

/** True when the date is in the period: `from <= d <= to`. @throws InvalidCalendarDate */
export function contains(period: Period, d: BusinessDate): boolean {
  toDayNumber(d);
  return period.from <= d && d <= period.to;
}

function financialYearStartOf(d: BusinessDate): number {
  const { year, month } = dateParts(d);
  return month >= 4 ? year : year - 1;
}

/** Label of the financial year containing the date: 2026-03-31 is in `2025-26`, 2026-04-01 in `2026-27`. */
export function financialYearOf(d: BusinessDate): string {
  return financialYear(financialYearStartOf(d)).label;
}

/** The financial year containing the period (a financial year contains itself). */
export function financialYearOfPeriod(period: Period): Period {
  return financialYear(financialYearStartOf(period.from));
}

/** The period of the given granularity containing the date (`year` gives the financial year). */
export function periodContaining(d: BusinessDate, granularity: PeriodGranularity): Period {
  const { year, month } = dateParts(d);
  switch (granularity) {
    case 'month':
      return calendarMonth(year, month);
    case 'quarter':
      return financialQuarter(month >= 4 ? year : year - 1, Math.floor(((month + 8) % 12) / 3) + 1);
    case 'year':
      return financialYear(month >= 4 ? year : year - 1);
  }
}

function shift(period: Period, step: 1 | -1): Period {
  const { year, month } = dateParts(period.from);
  switch (period.kind) {
    case 'financial-year':
      return financialYear(year + step);
    case 'quarter': {
      const startYear = month >= 4 ? year : year - 1;
      const quarter = Math.floor(((month + 8) % 12) / 3) + 1 + step;
      if (quarter === 0) return financialQuarter(startYear - 1, 4);
      if (quarter === 5) return financialQuarter(startYear + 1, 1);
      return financialQuarter(startYear, quarter);
    }
    case 'month': {
      const index = year * 12 + month - 1 + step;
      return calendarMonth(Math.floor(index / 12), (index % 12) + 1);
    }
  }
}

/** The period of the same kind just before: `2025-26-Q1` gives `2024-25-Q4`, `2025-01` gives `2024-12`. */
export function previousPeriod(period: Period): Period {
  return shift(period, -1);
}

/** The period of the same kind just after: `2024-25-Q4` gives `2025-26-Q1`, `2025-12` gives `2026-01`. */
export function nextPeriod(period: Period): Period {
  return shift(period, 1);
}

/**
 * The series of periods of a granularity from the one containing the start of `fromLabel` to the
 * one containing the end of `toLabel`, in order: `2024-25` to `2025-26` by quarter is 8 quarters.
 * @throws InvalidPeriodLabel for either label; InvalidPeriodRange when `fromLabel` starts after `toLabel` ends.
 */
export function periodsBetween(fromLabel: string, toLabel: string, granularity: PeriodGranularity): Period[] {
  const first = parsePeriod(fromLabel);
  const last = parsePeriod(toLabel);
  if (first.from > last.to) throw new InvalidPeriodRange(fromLabel, toLabel);
  const end = periodContaining(last.to, granularity);
  const series = [periodContaining(first.from, granularity)];
  while (series[series.length - 1].from !== end.from) series.push(nextPeriod(series[series.length - 1]));
  return series;
}
