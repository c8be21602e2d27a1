/** Base class of every error the event store port throws; `code` is stable for mapping. */
export abstract class EventStoreError extends Error {
  abstract readonly code: string;
  /** True when retrying the same call later may succeed (the store was unreachable). */
  readonly retryable: boolean = false;
}

export class StreamVersionConflict extends EventStoreError {
  readonly code = 'stream-version-conflict';
  constructor(
    readonly stream: string,
    readonly expected: string | number,
    readonly actual: number,
  ) {
    super(`Stream ${stream} is at version ${actual}, expected ${expected}`);
    this.name = 'StreamVersionConflict';
  }
}

export class EventIdConflict extends EventStoreError {
  readonly code = 'event-id-conflict';
  constructor(
    readonly eventId: string,
    readonly storedStream: string,
    readonly storedType: string,
  ) {
    super(`Event ${eventId} is already stored in ${storedStream} as ${storedType} with other content`);
    this.name = 'EventIdConflict';
  }
}

export class EventStoreUnavailable extends EventStoreError {
  readonly code = 'event-store-unavailable';
  override readonly retryable = true;
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'EventStoreUnavailable';
  }
}

export class InvalidAppend extends EventStoreError {
  readonly code = 'invalid-append';
  constructor(message: string) {
    super(message);
    this.name = 'InvalidAppend';
  }
}
