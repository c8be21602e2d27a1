import { CalendarError, parsePeriod, type PeriodGranularity } from '@app/calendar';
import { InvalidRequest } from '@app/platform';

/** Reads the query parameters every metrics endpoint shares, naming the parameter and the rule on a bad value. */
export function periodParam(value: string | undefined, name = 'period'): string {
  if (!value)
    throw new InvalidRequest(`${name} is required`, [{ path: name, problem: 'is required, e.g. 2025-26, 2025-26-Q1 or 2025-06' }]);
  try {
    return parsePeriod(value).label;
  } catch (error) {
    if (error instanceof CalendarError) throw new InvalidRequest(error.message, [{ path: name, problem: error.message }]);
    throw error;
  }
}

export function instantParam(value: string | undefined, name = 'asKnownAt'): Date | undefined {
  if (value === undefined || value === '') return undefined;
  const instant = new Date(value);
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(instant.getTime())) {
    throw new InvalidRequest(`${name} must be an RFC 3339 instant`, [
      { path: name, problem: 'must be an RFC 3339 instant, e.g. 2025-07-04T09:00:00Z' },
    ]);
  }
  return instant;
}

export function suppressionParam(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'off') return false;
  if (value === 'on') return true;
  throw new InvalidRequest('suppression must be on or off', [{ path: 'suppression', problem: 'must be one of: on, off' }]);
}

export function granularityParam(value: string | undefined): PeriodGranularity {
  const granularity = value ?? 'quarter';
  if (granularity === 'month' || granularity === 'quarter' || granularity === 'year') return granularity;
  throw new InvalidRequest('granularity must be month, quarter or year', [
    { path: 'granularity', problem: 'must be one of: month, quarter, year' },
  ]);
}

export function limitParam(value: string | undefined): number {
  if (value === undefined || value === '') return 50;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    throw new InvalidRequest('limit must be a whole number from 1 to 500', [
      { path: 'limit', problem: 'must be a whole number from 1 to 500' },
    ]);
  }
  return limit;
}
