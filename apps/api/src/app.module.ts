import { Module } from '@nestjs/common';
import { GovernanceModule } from '@app/governance';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, HealthModule, LedgerConfigModule, LoggingModule } from '@app/platform';

@Module({
  imports: [LedgerConfigModule, LoggingModule, EventStoreModule.forRoot(), HealthModule, MetricsModule, GovernanceModule],
})
export class AppModule {}
