import { Module } from '@nestjs/common';
import { EventStoreModule, HealthModule, LedgerConfigModule, LoggingModule } from '@app/platform';

@Module({
  imports: [LedgerConfigModule, LoggingModule, EventStoreModule.forRoot(), HealthModule],
})
export class AppModule {}
