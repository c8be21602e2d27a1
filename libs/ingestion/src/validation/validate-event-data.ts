import { plainToInstance } from 'class-transformer';
import { validateSync, type ValidationError, type ValidatorOptions } from 'class-validator';
import { dataClassFor } from '../catalogue/event-catalogue';
import type { EventData } from '../catalogue/event-catalogue';
import type { EventName } from '../catalogue/event-names';
import type { FieldError } from '../errors/field-error';
import { withIngestionDay } from './ingestion-day';
import { passesCompiledContract } from './compiled-contract';
import { copyJson, dropNullMembers, UNKNOWN_FIELD_PROBLEM } from './json-copy';
import { isJsonObject } from './rule';

/** What validation needs besides the event: the day of ingestion, UK local time (`YYYY-MM-DD`). */
export interface IngestionContext {
  /** The day of ingestion in Europe/London, e.g. from `ukLocalDate(new Date())`. */
  today: string;
}

export type EventDataValidationResult<N extends EventName = EventName> =
  { ok: true; data: EventData<N> } | { ok: false; errors: FieldError[] };

const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  stopAtFirstError: true,
  validationError: { target: false, value: true },
};

/**
 * Validates the `data` of a `name` event (v1) against the catalogue: required and optional fields,
 * enums, nested lists, dates (a date of something that happened may not be after `ctx.today`),
 * unknown fields rejected. Every failing field is reported, with paths `data.heldOn`,
 * `data.outcomes[1].registered`; no problem text contains a submitted value.
 *
 * On success `data` is a fresh plain copy of the input with `null` optional fields left out.
 *
 * @throws InvalidIngestionDay when `ctx.today` is not a calendar date (a programming error).
 */
export function validateEventData<N extends EventName>(name: N, data: unknown, ctx: IngestionContext): EventDataValidationResult<N> {
  const errors: FieldError[] = [];
  if (!isJsonObject(data)) {
    return { ok: false, errors: [{ path: 'data', problem: data === undefined ? 'is required' : 'must be a JSON object' }] };
  }
  const copy = copyJson(data, 'data', errors) as Record<string, unknown>;
  if (name === 'RecordRetracted' && copy.localAuthority !== undefined && copy.boardId !== undefined) {
    errors.push({
      path: 'data',
      problem: 'must name either localAuthority (retracting a case fact) or boardId (retracting a board fact), not both',
    });
    return { ok: false, errors };
  }
  const type = dataClassFor(name, copy);
  const failures = withIngestionDay(ctx.today, () =>
    errors.length === 0 && passesCompiledContract(type, copy) ? [] : validateSync(plainToInstance(type, copy), VALIDATOR_OPTIONS),
  );
  const reported = new Set(errors.map((error) => error.path));
  collectFieldErrors(failures, 'data', false, reported, errors);
  if (errors.length > 0) return { ok: false, errors };
  dropNullMembers(copy);
  return { ok: true, data: copy as unknown as EventData<N> };
}

function collectFieldErrors(
  failures: readonly ValidationError[],
  parentPath: string,
  parentIsList: boolean,
  reported: Set<string>,
  out: FieldError[],
): void {
  for (const failure of failures) {
    const path = parentIsList ? `${parentPath}[${failure.property}]` : `${parentPath}.${failure.property}`;
    if (failure.constraints !== undefined && !reported.has(path)) {
      const [constraint, message] = Object.entries(failure.constraints)[0];
      out.push({ path, problem: problemOf(constraint, message, failure.value) });
      reported.add(path);
    }
    if (failure.children !== undefined && failure.children.length > 0) {
      collectFieldErrors(failure.children, path, Array.isArray(failure.value), reported, out);
    }
  }
}

/**
 * The problem text of a failed constraint. Every constraint of the catalogue carries its own
 * value-free message; class-validator's built-in ones (unknown field, nested value) are reworded.
 */
function problemOf(constraint: string, message: string, value: unknown): string {
  if (constraint === 'whitelistValidation') return UNKNOWN_FIELD_PROBLEM;
  if (value === undefined || value === null) return 'is required';
  if (constraint === 'nestedValidation' || constraint === 'unknownValue') return 'must be an object';
  return message;
}
