import { Module } from '@nestjs/common';
import { GovernanceIngestionModule } from '@app/governance';
import { IngestionModule } from '@app/ingestion';
import { EventStoreModule, LedgerConfigModule, LoggingModule } from '@app/platform';
import { IngestorConsumer } from './consume-events/ingestor.consumer';
import { DeadLettersModule } from './dead-letters/dead-letters.module';

/** The Kafka ingestor: CloudEvents in from the configured topics, appended to the store, offsets committed after. */
@Module({
  imports: [
    LedgerConfigModule,
    LoggingModule,
    EventStoreModule.forRoot(),
    IngestionModule.register({ imports: [GovernanceIngestionModule] }),
    DeadLettersModule,
  ],
  providers: [IngestorConsumer],
  exports: [DeadLettersModule, IngestorConsumer],
})
export class IngestorModule {}
