import { DomainRuleViolation } from '@app/ddd';
import { isPartnerDuring, isPartnerOn, type BoardView } from './boards/board-view';

const FINANCIAL_YEAR = /^([0-9]{4})-([0-9]{2})$/;

/** The date of something that happened may not be after today (UK local date). */
export function assertHappened(field: string, date: string, today: string): void {
  if (date > today) {
    throw new DomainRuleViolation('date-in-future', `${field} ${date} is after today ${today}`, { field, date, today }, 'unprocessable');
  }
}

/** Nothing happens at a board before the board was established. */
export function assertNotBeforeEstablished(board: BoardView, field: string, date: string): void {
  if (date < board.establishedOn) {
    throw new DomainRuleViolation(
      'before-board-established',
      `${field} ${date} is before board ${board.boardId} was established on ${board.establishedOn}`,
      { boardId: board.boardId, field, date, establishedOn: board.establishedOn },
      'unprocessable',
    );
  }
}

/** What a partner is named as in a fact, for the error: `attendee`, `owner`, ... */
export type PartnerRole = 'attendee' | 'owner' | 'contributor' | 'training attendee';

/** The partner must be a member of the board on that day (joined on or before it, not left before it). */
export function assertPartnerOn(board: BoardView, partnerId: string, on: string, role: PartnerRole): void {
  if (!isPartnerOn(board, partnerId, on)) {
    throw new DomainRuleViolation(
      'not-a-partner-on-date',
      `The ${role} ${partnerId} was not a partner of board ${board.boardId} on ${on}`,
      { boardId: board.boardId, partnerId, on, role },
    );
  }
}

/** The partner must be a member of the board on at least one day of the financial year. */
export function assertPartnerInFinancialYear(board: BoardView, partnerId: string, financialYear: string): void {
  const { from, to } = financialYearDates(financialYear);
  if (!isPartnerDuring(board, partnerId, from, to)) {
    throw new DomainRuleViolation(
      'not-a-partner-in-financial-year',
      `Partner ${partnerId} was not a partner of board ${board.boardId} at any time in ${financialYear}`,
      { boardId: board.boardId, partnerId, financialYear },
    );
  }
}

/** A financial year is written `YYYY-YY`, the second part the next year mod 100 (`2025-26`). */
export function assertFinancialYear(financialYear: string): void {
  const match = FINANCIAL_YEAR.exec(financialYear);
  if (match === null || (Number(match[1]) + 1) % 100 !== Number(match[2])) {
    throw new DomainRuleViolation(
      'financial-year-format',
      `Financial year ${financialYear} is not of the form YYYY-YY with the next year second, e.g. 2025-26`,
      { financialYear },
      'unprocessable',
    );
  }
}

/** The first and last day of a financial year `2025-26`: 2025-04-01 to 2026-03-31. */
export function financialYearDates(financialYear: string): { from: string; to: string } {
  const start = Number(financialYear.slice(0, 4));
  return { from: `${start}-04-01`, to: `${start + 1}-03-31` };
}

/** A list may not name the same thing twice (`attendees`, `partners`, ...). */
export function assertNoRepeats(rule: string, field: string, keys: readonly string[]): void {
  const seen = new Set<string>();
  for (const key of keys) {
    if (seen.has(key)) {
      throw new DomainRuleViolation(rule, `${field} lists ${key} more than once`, { field, repeated: key }, 'unprocessable');
    }
    seen.add(key);
  }
}
