import { Module } from '@nestjs/common';
import { GovernanceModule } from '@app/governance';
import { IngestionModule } from '@app/ingestion';
import { AuditModule } from '@app/audit';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, HealthModule, LedgerConfigModule, LoggingModule } from '@app/platform';
import { ScopedIngestionBoardsModule, SecurityModule } from '@app/security';
import { DemoLoader } from './demo/demo-loader';

@Module({
  imports: [
    LedgerConfigModule,
    LoggingModule,
    EventStoreModule.forRoot(),
    HealthModule,
    MetricsModule,
    GovernanceModule,
    AuditModule,
    SecurityModule.forApi(),
    IngestionModule.register({ imports: [ScopedIngestionBoardsModule] }),
  ],
  providers: [DemoLoader],
})
export class AppModule {}
