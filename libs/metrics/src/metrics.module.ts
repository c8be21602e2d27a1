import { Inject, Injectable, Logger, Module, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { LedgerConfig } from '@app/platform';
import { ProjectionRegistry, ProjectionRunner, ProjectionsController } from '@app/projections';
import { computeChildUnits } from './case';
import { MetricCatalogue } from './catalogue/metric-catalogue';
import { parseBoardSettings } from './facts/board-settings';
import type { BoardSettings } from './facts/fact';
import { MetricsController } from './http/metrics.controller';
import { MetricQueries } from './query/metric-queries';
import { SqliteMetricsReadModel } from './read-model/sqlite-metrics-read-model';
import { METRICS_READ_MODEL } from './read-model/metrics-read-model.port';

const BOARD_SETTINGS = Symbol.for('safeguarding-ledger.BoardSettings');

/** Starts the projections with the app (when configured to) and stops them with it. */
@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  constructor(
    private readonly registry: ProjectionRegistry,
    private readonly config: LedgerConfig,
    @Inject(METRICS_READ_MODEL) private readonly readModel: SqliteMetricsReadModel,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.LEDGER_RUN_PROJECTIONS !== 'true') return;
    for (const runner of this.registry.all()) await runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.registry.stopAll();
    this.readModel.close();
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
      useFactory: (config: LedgerConfig, settingsOf: (boardId: string) => BoardSettings) =>
        new SqliteMetricsReadModel({ filename: config.LEDGER_READ_MODEL_FILE, childUnits: computeChildUnits, settingsOf }),
    },
    {
      provide: ProjectionRegistry,
      inject: [EVENT_STORE, METRICS_READ_MODEL],
      useFactory: (store: EventStore, readModel: SqliteMetricsReadModel) => {
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
      inject: [EVENT_STORE, METRICS_READ_MODEL, MetricCatalogue, BOARD_SETTINGS, ProjectionRegistry],
      useFactory: (
        store: EventStore,
        readModel: SqliteMetricsReadModel,
        catalogue: MetricCatalogue,
        settingsOf: (boardId: string) => BoardSettings,
        registry: ProjectionRegistry,
      ) => new MetricQueries(store, readModel, catalogue, settingsOf, (position) => registry.get(readModel.name).caughtUp(position)),
    },
    ProjectionLifecycle,
  ],
  exports: [MetricQueries, MetricCatalogue, ProjectionRegistry, METRICS_READ_MODEL],
})
export class MetricsModule {}
