import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventIdConflict, canonicalJson, type AppendResult, type EventStore, type NewEvent } from '@app/event-store';
import type { CommandContext } from './command-context';
import type { DomainEvent, StoredDomainEvent } from './domain-event';
import type { EventSourcedAggregate } from './event-sourced-aggregate';

/**
 * Loads aggregates from their stream and saves their new events with the version they were
 * loaded at as the expected version (optimistic concurrency: a stale save throws
 * `StreamVersionConflict`). After the append is durable the events go to the in-process
 * `EventBus`, which is for reactions only; projections follow the store's subscription.
 */
@Injectable()
export class AggregateRepository {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  /**
   * Loads the aggregate, runs `decide` (which applies new events or throws a broken rule), and
   * saves. When the command carries an event id that the stream already holds, the command was
   * handled before (a redelivered CloudEvent): `decide` is replayed on the state just before
   * that event, and the command is answered as a duplicate when it gives the same event, or as
   * an `EventIdConflict` when it does not. A retry therefore never trips a rule such as
   * "an action cannot be completed twice".
   */
  async handle<A extends EventSourcedAggregate>(
    create: () => A,
    context: CommandContext,
    decide: (aggregate: A) => void,
  ): Promise<HandledCommand> {
    const aggregate = create();
    const history = await this.loadHistory(aggregate);
    const earlierIndex = context.eventId ? history.findIndex((event) => event.eventId === context.eventId) : -1;
    if (earlierIndex >= 0) {
      const earlier = history[earlierIndex];
      const before = create();
      before.rehydrate(history.slice(0, earlierIndex), earlierIndex);
      let produced: DomainEvent | undefined;
      try {
        decide(before);
        produced = (before.getUncommittedEvents() as DomainEvent[])[0];
      } catch {
        produced = undefined;
      }
      if (!produced || produced.type !== earlier.type || canonicalJson(produced.data) !== canonicalJson(earlier.data)) {
        throw new EventIdConflict(earlier.eventId, aggregate.stream, earlier.type);
      }
      return { status: 'duplicate', position: earlier.position, version: earlier.version };
    }
    decide(aggregate);
    const result = await this.save(aggregate, context);
    const first = result?.events[0];
    return { status: first?.status ?? 'unchanged', position: first?.position ?? null, version: aggregate.version };
  }

  async load<A extends EventSourcedAggregate>(aggregate: A): Promise<A> {
    await this.loadHistory(aggregate);
    return aggregate;
  }

  private async loadHistory(aggregate: EventSourcedAggregate): Promise<StoredDomainEvent[]> {
    const stored = await this.store.readStream(aggregate.stream);
    const history: StoredDomainEvent[] = stored.map((event) => ({
      type: event.type,
      data: event.data,
      eventId: event.eventId,
      position: event.position,
      version: event.version,
      metadata: event.metadata,
    }));
    aggregate.rehydrate(history, stored.at(-1)?.version ?? 0);
    return history;
  }

  async save(aggregate: EventSourcedAggregate, context: CommandContext): Promise<AppendResult | null> {
    const pending = [...aggregate.getUncommittedEvents()] as DomainEvent[];
    if (pending.length === 0) return null;
    const events: NewEvent[] = pending.map((event, index) => ({
      eventId: index === 0 ? context.eventId : undefined,
      type: event.type,
      data: event.data,
      metadata: {
        correlationId: context.correlationId,
        causationId: context.causationId ?? context.correlationId,
        source: context.source,
        sourceEventId: context.sourceEventId,
        transport: context.transport,
      },
    }));
    const result = await this.store.append(aggregate.stream, events, { expectedVersion: aggregate.version });
    aggregate.uncommit();
    aggregate.version = result.nextExpectedVersion;
    const appended = pending.filter((_, index) => result.events[index].status === 'appended');
    if (appended.length > 0) this.eventBus.publishAll(appended);
    return result;
  }
}

export interface HandledCommand {
  /** `duplicate`: the same command was handled before; `unchanged`: it produced no event. */
  status: 'appended' | 'duplicate' | 'unchanged';
  position: number | null;
  version: number;
}
