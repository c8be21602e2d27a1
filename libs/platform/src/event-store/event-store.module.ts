import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { SqliteEventStore } from '@app/event-store-sqlite';
import { LedgerConfig } from '../config/ledger.config';

/**
 * Opens the adapter the configuration names. This is the one place that knows the adapters;
 * business code injects {@link EVENT_STORE} and sees only the port.
 */
export async function openEventStore(config: LedgerConfig): Promise<EventStore> {
  switch (config.LEDGER_STORE) {
    case 'sqlite':
      return new SqliteEventStore({ filename: config.LEDGER_SQLITE_FILE, synchronous: config.LEDGER_SQLITE_SYNCHRONOUS });
    case 'postgres': {
      const { PostgresEventStore } = await import('@app/event-store-postgres');
      return PostgresEventStore.connect({ connectionString: config.DATABASE_URL!, schema: config.LEDGER_PG_SCHEMA });
    }
    case 'esdb': {
      const { EsdbEventStore } = await import('@app/event-store-esdb');
      return EsdbEventStore.connect({ connectionString: config.EVENTSTOREDB_URL! });
    }
  }
}

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

@Global()
@Module({})
export class EventStoreModule {
  static forRoot(): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EVENT_STORE, inject: [LedgerConfig], useFactory: openEventStore }, EventStoreCloser],
      exports: [EVENT_STORE],
    };
  }
}
