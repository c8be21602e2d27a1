import { AggregateRoot } from '@nestjs/cqrs';
import type { DomainEvent } from './domain-event';

/**
 * An aggregate rebuilt from its own stream. Handlers are `on<Type>` methods named after the
 * event's persisted `type` (not its class name), so renaming a class never breaks replay.
 * `version` is the stream version the aggregate was loaded at: saving appends with it as the
 * expected version, so a concurrent change to the same aggregate is refused, never merged.
 */
export abstract class EventSourcedAggregate<E extends DomainEvent = DomainEvent> extends AggregateRoot<E> {
  /** Stream version this instance was loaded at (0 for a new aggregate). */
  version = 0;

  abstract get stream(): string;

  protected override getEventName(event: E): string {
    return event.type;
  }

  /** Rebuilds state from stored events and records the version they end at. */
  rehydrate(history: readonly E[], version: number): void {
    this.loadFromHistory([...history]);
    this.version = version;
  }
}
