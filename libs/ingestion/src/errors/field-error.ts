/**
 * One failing field of an ingested event, in the API's error format
 * (`details: [{ path, problem }]`).
 */
export interface FieldError {
  /**
   * Where the rule broke: an envelope attribute (`specversion`), a data field (`data.heldOn`) or a
   * nested one (`data.outcomes[1].registered`). The empty string means the event as a whole.
   */
  path: string;
  /** The rule that broke, in words. Never contains a submitted value. */
  problem: string;
}
