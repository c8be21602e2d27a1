import { Module } from '@nestjs/common';
import { GovernanceIngestionModule, GovernanceModule } from '@app/governance';
import { IngestionModule } from '@app/ingestion';
import { AuditModule } from '@app/audit';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, HealthModule, LedgerConfigModule, LoggingModule } from '@app/platform';

@Module({
  imports: [
    LedgerConfigModule,
    LoggingModule,
    EventStoreModule.forRoot(),
    HealthModule,
    MetricsModule,
    GovernanceModule,
    AuditModule,
    IngestionModule.register({ imports: [GovernanceIngestionModule] }),
  ],
})
export class AppModule {}
