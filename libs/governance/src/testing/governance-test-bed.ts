import { Module, type DynamicModule } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { Test, type TestingModule } from '@nestjs/testing';
import type { CommandContext } from '@app/ddd';
import { EVENT_STORE, InMemoryEventStore, type JsonObject } from '@app/event-store';
import { BOARDS_STREAM } from '../board-streams';
import type { BoardEstablishedData } from '../boards/boards.events';
import { FixedGovernanceClock, GovernanceClock } from '../governance-clock';
import { GovernanceModule } from '../governance.module';

/** The day the tests run on, as far as the rule "not in the future" is concerned. */
export const TODAY = '2025-07-01';

export const BOARD_ID = 'cardiff-vale';

/** A board established on 2016-04-06 with three statutory partners. */
export const CARDIFF_VALE: BoardEstablishedData = {
  boardId: BOARD_ID,
  name: 'Cardiff and Vale Regional Safeguarding Children Board',
  establishedOn: '2016-04-06',
  localAuthorities: ['W06000015', 'W06000014'],
  partners: [
    { partnerId: 'cardiff-council', name: 'Cardiff Council', kind: 'local-authority', statutory: true },
    { partnerId: 'police-sw', name: 'South Wales Police', kind: 'police', statutory: true },
    { partnerId: 'cvuhb', name: 'Cardiff and Vale University Health Board', kind: 'health-board', statutory: true },
  ],
};

@Module({})
class InMemoryEventStoreModule {
  static with(store: InMemoryEventStore): DynamicModule {
    return {
      module: InMemoryEventStoreModule,
      global: true,
      providers: [{ provide: EVENT_STORE, useValue: store }],
      exports: [EVENT_STORE],
    };
  }
}

export interface StoredFact {
  type: string;
  data: JsonObject;
}

/**
 * The whole governance module on an in-memory store with a fixed "today": given events appended
 * straight to the store, when a command runs through the command bus, then the streams hold
 * these events (or the command threw).
 */
export class GovernanceTestBed {
  private constructor(
    readonly store: InMemoryEventStore,
    readonly module: TestingModule,
  ) {}

  static async start(today: string = TODAY): Promise<GovernanceTestBed> {
    const store = new InMemoryEventStore();
    const module = await Test.createTestingModule({ imports: [InMemoryEventStoreModule.with(store), GovernanceModule] })
      .overrideProvider(GovernanceClock)
      .useValue(new FixedGovernanceClock(today))
      .compile();
    await module.init();
    return new GovernanceTestBed(store, module);
  }

  get commands(): CommandBus {
    return this.module.get(CommandBus);
  }

  get queries(): QueryBus {
    return this.module.get(QueryBus);
  }

  /** Appends facts to a stream as if they had been recorded earlier. */
  async given(stream: string, ...facts: StoredFact[]): Promise<void> {
    await this.store.append(stream, facts);
  }

  /** The Cardiff and Vale board, established (optionally with other data). */
  async givenBoard(board: Partial<BoardEstablishedData> = {}): Promise<void> {
    await this.given(BOARDS_STREAM, { type: 'BoardEstablished', data: { ...CARDIFF_VALE, ...board } });
  }

  /** The stream's facts, type and data. */
  async facts(stream: string): Promise<StoredFact[]> {
    return (await this.store.readStream(stream)).map((event) => ({ type: event.type, data: event.data }));
  }

  async head(): Promise<number> {
    return this.store.headPosition();
  }

  async stop(): Promise<void> {
    await this.module.close();
  }
}

export function commandContext(eventId?: string): CommandContext {
  return { correlationId: 'corr-1', eventId, transport: { kind: 'command', requestId: 'test' } };
}
