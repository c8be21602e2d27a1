import { Module } from '@nestjs/common';
import { IngestionModule } from '@app/ingestion';
import { EventStoreModule, LedgerConfig, LedgerConfigModule, LoggingModule } from '@app/platform';
import { GovernanceIngestionModule } from '@app/governance';
import { IngestorConsumer } from './consume-events/ingestor.consumer';
import { DeadLetterCipher } from './dead-letters/dead-letter.cipher';
import { deadLetterCipherFromConfig } from './dead-letters/dead-letter-key';
import { DeadLetters } from './dead-letters/dead-letters.service';
import { IngestorConfig, loadIngestorConfig } from './ingestor.config';
import { KAFKA_CLIENT, kafkaClientProvider } from './kafka-client.provider';
import type { KafkaClient } from '@app/kafka';

/** The Kafka ingestor: CloudEvents in from the configured topics, appended to the store, offsets committed after. */
@Module({
  imports: [
    LedgerConfigModule,
    LoggingModule,
    EventStoreModule.forRoot(),
    IngestionModule.register({ imports: [GovernanceIngestionModule] }),
  ],
  providers: [
    { provide: IngestorConfig, useFactory: () => loadIngestorConfig() },
    kafkaClientProvider,
    {
      provide: DeadLetterCipher,
      inject: [LedgerConfig, IngestorConfig],
      useFactory: (ledger: LedgerConfig, ingestor: IngestorConfig) => deadLetterCipherFromConfig(ledger, ingestor),
    },
    {
      provide: DeadLetters,
      inject: [KAFKA_CLIENT, IngestorConfig, DeadLetterCipher],
      useFactory: (client: KafkaClient, config: IngestorConfig, cipher: DeadLetterCipher) =>
        new DeadLetters(client, config.INGESTOR_DEAD_LETTER_TOPIC, cipher),
    },
    IngestorConsumer,
  ],
  exports: [DeadLetters, IngestorConsumer],
})
export class IngestorModule {}
