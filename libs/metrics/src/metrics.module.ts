import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { InvalidConfiguration, LedgerConfig } from '@app/platform';
import { ProjectionRegistry, ProjectionRunner, ProjectionsController, type Projection } from '@app/projections';
import { computeChildUnits } from './case';
import { MetricCatalogue } from './catalogue/metric-catalogue';
import { parseBoardSettings } from './facts/board-settings';
import type { BoardSettings } from './facts/fact';
import { MetricsController } from './http/metrics.controller';
import { MetricQueries } from './query/metric-queries';
import { METRICS_READ_MODEL, type MetricsReadModel } from './read-model/metrics-read-model.port';
import { PostgresMetricsReadModel } from './read-model/postgres-metrics-read-model';
import { SqliteMetricsReadModel } from './read-model/sqlite-metrics-read-model';

/** The board settings function the module provides: `(boardId) => BoardSettings`. */
export const BOARD_SETTINGS = Symbol.for('safeguarding-ledger.BoardSettings');

/**
 * Resolves once the read model has applied `position`, whichever process projects it (this one,
 * or a separate projector app): "as known at" answers must not be computed from a model that has
 * not yet seen the events recorded by then.
 */
async function readModelReaches(readModel: MetricsReadModel, position: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readModel.checkpoint()) < position) {
    if (Date.now() > deadline) throw new Error(`the metrics read model has not reached position ${position} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The read model the projections write and the queries read, whichever store holds it. */
type ProjectedReadModel = Projection & MetricsReadModel & { close(): void | Promise<void> };

/**
 * PostgreSQL beside a PostgreSQL event log (schema `<LEDGER_PG_SCHEMA>_read`), so that every
 * API and projector process shares one read model; SQLite (a local file) otherwise.
 */
async function openReadModel(config: LedgerConfig, settingsOf: (boardId: string) => BoardSettings): Promise<ProjectedReadModel> {
  if (config.LEDGER_STORE !== 'postgres') {
    return new SqliteMetricsReadModel({ filename: config.LEDGER_READ_MODEL_FILE, childUnits: computeChildUnits, settingsOf });
  }
  if (!config.DATABASE_URL) throw new InvalidConfiguration(['DATABASE_URL: required when LEDGER_STORE=postgres']);
  return PostgresMetricsReadModel.open({
    connectionString: config.DATABASE_URL,
    schema: `${config.LEDGER_PG_SCHEMA}_read`,
    childUnits: computeChildUnits,
    settingsOf,
  });
}

/** Starts the projections with the app (when configured to) and stops them with it. */
@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly registry: ProjectionRegistry,
    private readonly config: LedgerConfig,
    @Inject(METRICS_READ_MODEL) private readonly readModel: ProjectedReadModel,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.LEDGER_RUN_PROJECTIONS !== 'true') return;
    for (const runner of this.registry.all()) await runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.registry.stopAll();
    await this.readModel.close();
    this.logger.log('projections stopped');
  }
}

@Module({
  controllers: [MetricsController, ProjectionsController],
  providers: [
    MetricCatalogue,
    {
      provide: BOARD_SETTINGS,
      inject: [LedgerConfig],
      useFactory: (config: LedgerConfig) => parseBoardSettings(config.LEDGER_BOARD_SETTINGS),
    },
    {
      provide: METRICS_READ_MODEL,
      inject: [LedgerConfig, BOARD_SETTINGS],
      useFactory: openReadModel,
    },
    {
      provide: ProjectionRegistry,
      inject: [EVENT_STORE, METRICS_READ_MODEL],
      useFactory: (store: EventStore, readModel: ProjectedReadModel) => {
        const registry = new ProjectionRegistry();
        const logger = new Logger('Projections');
        registry.register(
          new ProjectionRunner(store, readModel, {
            onError: (error) => logger.error(error instanceof Error ? error.stack : String(error)),
          }),
        );
        return registry;
      },
    },
    {
      provide: MetricQueries,
      inject: [EVENT_STORE, METRICS_READ_MODEL, MetricCatalogue, BOARD_SETTINGS],
      useFactory: (
        store: EventStore,
        readModel: ProjectedReadModel,
        catalogue: MetricCatalogue,
        settingsOf: (boardId: string) => BoardSettings,
      ) => new MetricQueries(store, readModel, catalogue, settingsOf, (position) => readModelReaches(readModel, position)),
    },
    ProjectionLifecycle,
  ],
  exports: [MetricQueries, MetricCatalogue, ProjectionRegistry, METRICS_READ_MODEL],
})
export class MetricsModule {}
