import { Test } from '@nestjs/testing';
import { CqrsModule, EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventIdConflict, InMemoryEventStore, StreamVersionConflict } from '@app/event-store';
import { AggregateRepository } from './aggregate-repository';
import type { CommandContext } from './command-context';
import { DomainEventClass, type DomainEvent } from './domain-event';
import { EventSourcedAggregate } from './event-sourced-aggregate';

class RuleBroken extends Error {}

class ActionAssigned extends DomainEventClass<'ActionAssigned', { actionId: string }> {
  static readonly type = 'ActionAssigned';
  readonly type = ActionAssigned.type;
}

class ActionCompleted extends DomainEventClass<'ActionCompleted', { actionId: string; on: string }> {
  static readonly type = 'ActionCompleted';
  readonly type = ActionCompleted.type;
}

type ActionEvent = ActionAssigned | ActionCompleted;

class Action extends EventSourcedAggregate<ActionEvent> {
  assigned = false;
  completed = false;

  constructor(private readonly actionId: string) {
    super();
  }

  get stream() {
    return `action-${this.actionId}`;
  }

  assign() {
    if (this.assigned) throw new RuleBroken('already assigned');
    this.apply(new ActionAssigned({ actionId: this.actionId }));
  }

  complete(on: string) {
    if (!this.assigned || this.completed) throw new RuleBroken('cannot complete');
    this.apply(new ActionCompleted({ actionId: this.actionId, on }));
  }

  onActionAssigned() {
    this.assigned = true;
  }

  onActionCompleted() {
    this.completed = true;
  }
}

const published: DomainEvent[] = [];

@EventsHandler(ActionAssigned, ActionCompleted)
class RecordEveryEvent implements IEventHandler<DomainEvent> {
  handle(event: DomainEvent) {
    published.push(event);
  }
}

const context = (eventId?: string): CommandContext => ({ correlationId: 'c-1', eventId, transport: { kind: 'command', requestId: 'r-1' } });

describe('AggregateRepository', () => {
  let repository: AggregateRepository;
  let store: InMemoryEventStore;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    const module = await Test.createTestingModule({
      imports: [CqrsModule.forRoot()],
      providers: [AggregateRepository, RecordEveryEvent, { provide: EVENT_STORE, useValue: store }],
    }).compile();
    await module.init();
    repository = module.get(AggregateRepository);
    published.length = 0;
  });

  it('saves new events with lineage metadata and rebuilds state from the stream', async () => {
    await repository.handle(
      () => new Action('a1'),
      context(),
      (a) => a.assign(),
    );
    await repository.handle(
      () => new Action('a1'),
      context(),
      (a) => a.complete('2025-06-01'),
    );
    const action = await repository.load(new Action('a1'));
    expect(action).toMatchObject({ assigned: true, completed: true, version: 2 });
    const [stored] = await store.readStream('action-a1');
    expect(stored.metadata).toEqual({ correlationId: 'c-1', causationId: 'c-1', transport: { kind: 'command', requestId: 'r-1' } });
    expect(published.map((e) => e.type)).toEqual(['ActionAssigned', 'ActionCompleted']);
  });

  it('refuses a save when the stream moved on since the aggregate was loaded', async () => {
    const first = await repository.load(new Action('a1'));
    const second = await repository.load(new Action('a1'));
    first.assign();
    second.assign();
    await repository.save(first, context());
    await expect(repository.save(second, context())).rejects.toBeInstanceOf(StreamVersionConflict);
  });

  it('answers a redelivered command as a duplicate instead of breaking the rule a second time', async () => {
    await repository.handle(
      () => new Action('a1'),
      context(),
      (a) => a.assign(),
    );
    const first = await repository.handle(
      () => new Action('a1'),
      context('e-9'),
      (a) => a.complete('2025-06-01'),
    );
    const again = await repository.handle(
      () => new Action('a1'),
      context('e-9'),
      (a) => a.complete('2025-06-01'),
    );
    expect(first.status).toBe('appended');
    expect(again).toEqual({ status: 'duplicate', position: first.position, version: 2 });
    await expect(
      repository.handle(
        () => new Action('a1'),
        context('e-9'),
        (a) => a.complete('2025-06-02'),
      ),
    ).rejects.toBeInstanceOf(EventIdConflict);
    await expect(
      repository.handle(
        () => new Action('a1'),
        context('e-10'),
        (a) => a.complete('2025-06-02'),
      ),
    ).rejects.toBeInstanceOf(RuleBroken);
    expect(await store.headPosition()).toBe(2);
  });
});
