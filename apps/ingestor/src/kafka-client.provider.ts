import { Logger, type Provider } from '@nestjs/common';
import { KafkaJsClient, type KafkaLogEntry } from '@app/kafka';
import { IngestorConfig } from './ingestor.config';

export const KAFKA_CLIENT = Symbol.for('safeguarding-ledger.KafkaClient');

/** KafkaJS's own diagnostics go to the app's logger; they carry no message contents. */
export const kafkaClientProvider: Provider = {
  provide: KAFKA_CLIENT,
  inject: [IngestorConfig],
  useFactory: (config: IngestorConfig) => {
    const logger = new Logger('Kafka');
    const log = ({ level, namespace, message, fields }: KafkaLogEntry) => {
      const entry = { msg: `${namespace}: ${message}`, ...fields };
      if (level === 'error') logger.error(entry);
      else if (level === 'warn') logger.warn(entry);
      else if (level === 'info') logger.log(entry);
      else logger.debug(entry);
    };
    return new KafkaJsClient({ ...config.kafkaClientOptions(), logLevel: 'warn' }, log);
  },
};
