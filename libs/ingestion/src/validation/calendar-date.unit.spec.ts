import { InvalidIngestionDay } from '../errors/ingestion.errors';
import { isCalendarDate, ukLocalDate } from './calendar-date';
import { currentIngestionDay, withIngestionDay } from './ingestion-day';

describe('calendar dates', () => {
  it.each(['2024-02-29', '2000-02-29', '2025-12-31', '2025-01-01', '0001-01-01'])('accepts %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([
    '2025-02-29',
    '1900-02-29',
    '2025-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '0000-01-01',
    '2025-1-01',
    '2025/01/01',
    '20250101',
    '2025-01-01 ',
    '２０２５-01-01',
  ])('rejects %s', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });

  it('rejects values that are not strings', () => {
    expect(isCalendarDate(20250101)).toBe(false);
    expect(isCalendarDate(new Date('2025-01-01'))).toBe(false);
  });
});

describe('the UK local day of an instant', () => {
  it('is already the next day at 23:30 UTC on a British Summer Time day', () => {
    expect(ukLocalDate(new Date('2025-07-01T22:59:59Z'))).toBe('2025-07-01');
    expect(ukLocalDate(new Date('2025-07-01T23:30:00Z'))).toBe('2025-07-02');
  });

  it('is the UTC day in winter, when London keeps GMT', () => {
    expect(ukLocalDate(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
    expect(ukLocalDate(new Date('2025-01-16T00:00:00Z'))).toBe('2025-01-16');
  });

  it('follows the clocks going forward and back', () => {
    expect(ukLocalDate(new Date('2025-03-30T23:00:00Z'))).toBe('2025-03-31');
    expect(ukLocalDate(new Date('2025-10-26T23:00:00Z'))).toBe('2025-10-26');
  });
});

describe('the day of ingestion', () => {
  it('is the given day inside withIngestionDay and today in London outside it', () => {
    expect(withIngestionDay('2025-07-01', () => currentIngestionDay())).toBe('2025-07-01');
    expect(currentIngestionDay()).toBe(ukLocalDate(new Date()));
  });

  it('is restored when validation throws', () => {
    expect(() =>
      withIngestionDay('2020-01-01', () => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(currentIngestionDay()).toBe(ukLocalDate(new Date()));
  });

  it('must itself be a calendar date', () => {
    expect(() => withIngestionDay('2025-02-30', () => 1)).toThrow(InvalidIngestionDay);
  });
});
