import type { FieldError } from './field-error';

/**
 * Base class of every error the ingestion contract throws or returns; `code` is stable for mapping
 * to HTTP answers and dead-letter reasons. Messages never contain a submitted value, so they are
 * safe to log and to dead-letter.
 */
export abstract class IngestionError extends Error {
  abstract readonly code: string;
}

/** A CloudEvent that breaks the envelope or data contract; `errors` names every failing field. */
export class InvalidCloudEvent extends IngestionError {
  readonly code = 'invalid-cloud-event';
  constructor(readonly errors: readonly FieldError[]) {
    super(`CloudEvent breaks the ingestion contract: ${errors.map((e) => `${e.path || '(event)'} ${e.problem}`).join('; ')}`);
    this.name = 'InvalidCloudEvent';
  }
}

/** Which size limit of events.md a payload broke. */
export type SizeLimit = 'event-bytes' | 'batch-bytes' | 'batch-events';

/** A payload over one of the size limits (an event over 256 KiB, a batch over 1,000 events or 5 MiB). */
export class SizeLimitExceeded extends IngestionError {
  readonly code = 'size-limit-exceeded';
  constructor(
    readonly limit: SizeLimit,
    readonly actual: number,
    readonly max: number,
  ) {
    super(`${SIZE_LIMIT_WORDING[limit]} may not exceed ${max}; this one has ${actual}`);
    this.name = 'SizeLimitExceeded';
  }
}

const SIZE_LIMIT_WORDING: Record<SizeLimit, string> = {
  'event-bytes': 'An event (bytes)',
  'batch-bytes': 'A batch (bytes)',
  'batch-events': 'A batch (events)',
};

/**
 * Bytes that are not JSON, or JSON of the wrong shape for the transport. The parser's own message
 * is deliberately dropped: it quotes the input, which may hold a child identifier.
 */
export class MalformedCloudEventJson extends IngestionError {
  readonly code = 'malformed-json';
  constructor(readonly rule: string) {
    super(`The payload ${rule}`);
    this.name = 'MalformedCloudEventJson';
  }
}

/** No key is configured for the board and no master secret is set to derive one. */
export class BoardKeyUnavailable extends IngestionError {
  readonly code = 'board-key-unavailable';
  constructor(readonly boardId: string) {
    super(`No pseudonymisation key for board ${boardId}: configure its key or a master secret`);
    this.name = 'BoardKeyUnavailable';
  }
}

/** A key ring setting breaks a rule; the message names the setting, never the key material. */
export class InvalidKeyRingConfiguration extends IngestionError {
  readonly code = 'invalid-key-ring-configuration';
  constructor(
    readonly setting: string,
    readonly rule: string,
  ) {
    super(`Key ring setting ${setting} ${rule}`);
    this.name = 'InvalidKeyRingConfiguration';
  }
}

/** The caller passed an ingestion day that is not a `YYYY-MM-DD` calendar date (a programming error). */
export class InvalidIngestionDay extends IngestionError {
  readonly code = 'invalid-ingestion-day';
  constructor(readonly today: unknown) {
    super(`The ingestion day must be a calendar date YYYY-MM-DD, got ${JSON.stringify(today)}`);
    this.name = 'InvalidIngestionDay';
  }
}

/** Event data lacks a field its business key is made of (data that was not validated first). */
export class MissingBusinessKeyField extends IngestionError {
  readonly code = 'missing-business-key-field';
  constructor(
    readonly eventName: string,
    readonly field: string,
  ) {
    super(`${eventName} data needs a non-empty string ${field} for its business key`);
    this.name = 'MissingBusinessKeyField';
  }
}

/** Data handed to pseudonymisation that cannot be pseudonymised as it stands; names the field only. */
export class CannotPseudonymise extends IngestionError {
  readonly code = 'cannot-pseudonymise';
  constructor(
    readonly eventName: string,
    readonly path: string,
    readonly rule: string,
  ) {
    super(`Cannot pseudonymise ${eventName}: ${path} ${rule}`);
    this.name = 'CannotPseudonymise';
  }
}
