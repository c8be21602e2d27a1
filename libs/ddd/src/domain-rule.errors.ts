/**
 * A broken business rule. `rule` is its stable name (`action-already-completed`), `values` the
 * facts that broke it; the API answers 409 (the request conflicts with recorded state) or 422
 * (the request is well-formed but impossible) with both, and domain code never knows HTTP.
 */
export class DomainRuleViolation extends Error {
  constructor(
    readonly rule: string,
    message: string,
    readonly values: Record<string, unknown> = {},
    readonly kind: 'conflict' | 'unprocessable' = 'conflict',
  ) {
    super(message);
    this.name = 'DomainRuleViolation';
  }
}

/** The thing a command names does not exist (or is not visible to the caller): the API answers 404. */
export class NotFound extends Error {
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`${what} ${id} was not found`);
    this.name = 'NotFound';
  }
}
