import { Module } from '@nestjs/common';
import { LedgerConfig } from '@app/platform';
import type { KafkaClient } from '@app/kafka';
import { IngestorConfig, loadIngestorConfig } from '../ingestor.config';
import { KAFKA_CLIENT, kafkaClientProvider } from '../kafka-client.provider';
import { DeadLetterCipher } from './dead-letter.cipher';
import { deadLetterCipherFromConfig } from './dead-letter-key';
import { DeadLetters } from './dead-letters.service';

/** The dead-letter topic and its cipher: what the ingestor writes to, and what operators list and redrive (the CLI). */
@Module({
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
  ],
  exports: [IngestorConfig, KAFKA_CLIENT, DeadLetterCipher, DeadLetters],
})
export class DeadLettersModule {}
