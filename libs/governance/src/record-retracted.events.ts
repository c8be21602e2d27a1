import { DomainEventClass, type EventSourcedAggregate } from '@app/ddd';

export type RecordRetractedData = {
  boardId: string;
  /** The type of the withdrawn fact, e.g. `AuditCompleted`. */
  retractedType: string;
  /** Its business key; composite keys joined by `/` (`act-7/2025-05-10`). */
  businessId: string;
  reason: string;
};

/** A board fact recorded in error is withdrawn: it counts nowhere, but both stay in the log. */
export class RecordRetracted extends DomainEventClass<'RecordRetracted', RecordRetractedData> {
  static readonly type = 'RecordRetracted';
  readonly type = RecordRetracted.type;
}

/**
 * An aggregate whose facts can be withdrawn. `retract` appends `RecordRetracted` to its stream
 * when the named fact is in force, and throws `NotFound` when it is not (never recorded, or
 * already retracted).
 */
export interface RetractableAggregate extends EventSourcedAggregate {
  retract(retractedType: string, businessId: string, reason: string): void;
}
