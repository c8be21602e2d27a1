import type { IEvent } from '@nestjs/cqrs';
import type { EventMetadata, JsonObject } from '@app/event-store';

/**
 * A fact in the domain: an explicit, persisted `type` string (the contract with the log, never
 * derived from a class name) and its `data`, exactly as `events.md` defines it.
 */
export interface DomainEvent<T extends string = string, D extends JsonObject = JsonObject> extends IEvent {
  readonly type: T;
  readonly data: D;
}

/** A domain event as read back from the store, with where it came from. */
export interface StoredDomainEvent<T extends string = string, D extends JsonObject = JsonObject> extends DomainEvent<T, D> {
  readonly eventId: string;
  readonly position: number;
  readonly version: number;
  readonly metadata: EventMetadata;
}

/**
 * Base of the domain event classes an aggregate applies. Each class states its persisted type
 * twice, statically for `@EventsHandler` wiring and on the instance for the log:
 *
 * ```ts
 * export class AuditCompleted extends DomainEventClass<'AuditCompleted', AuditCompletedData> {
 *   static readonly type = 'AuditCompleted';
 *   readonly type = AuditCompleted.type;
 * }
 * ```
 * Reactions subscribe by class (`@EventsHandler(AuditCompleted)`); replay uses the string.
 */
export abstract class DomainEventClass<T extends string, D extends JsonObject> implements DomainEvent<T, D> {
  abstract readonly type: T;

  constructor(readonly data: D) {}
}
