import { InvalidIngestorConfiguration, loadIngestorConfig } from './ingestor.config';

describe('loadIngestorConfig', () => {
  it('applies the defaults when only the brokers are given', () => {
    const config = loadIngestorConfig({ KAFKA_BROKERS: '127.0.0.1:9092' });
    expect(config.INGESTOR_GROUP_ID).toBe('safeguarding-ingestor');
    expect(config.INGESTOR_PARTITIONS_CONCURRENTLY).toBe(3);
    expect(config.kafkaClientOptions()).toEqual({ brokers: ['127.0.0.1:9092'], clientId: 'safeguarding-ingestor', ssl: false });
  });

  it('reads a comma-separated topic list and numbers from their text', () => {
    const config = loadIngestorConfig({ KAFKA_BROKERS: 'k:9092', INGESTOR_TOPICS: ' a.events , b.events', INGESTOR_MAX_WAIT_MS: '50' });
    expect(config.topics).toEqual(['a.events', 'b.events']);
    expect(config.INGESTOR_MAX_WAIT_MS).toBe(50);
  });

  it('rejects missing brokers, a bad number and a dead-letter topic that is also consumed, naming each variable', () => {
    const attempt = () =>
      loadIngestorConfig({ INGESTOR_PARTITIONS_CONCURRENTLY: 'many', INGESTOR_TOPICS: 'x,y', INGESTOR_DEAD_LETTER_TOPIC: 'y' });
    expect(attempt).toThrow(InvalidIngestorConfiguration);
    expect(attempt).toThrow(/KAFKA_BROKERS/);
    expect(attempt).toThrow(/INGESTOR_PARTITIONS_CONCURRENTLY/);
    expect(attempt).toThrow(/INGESTOR_DEAD_LETTER_TOPIC="y": must not be one of INGESTOR_TOPICS/);
  });

  it('never echoes the dead-letter key when it is malformed', () => {
    expect(() => loadIngestorConfig({ KAFKA_BROKERS: 'k:9092', LEDGER_DEAD_LETTER_KEY: 42 as unknown as string })).not.toThrow(/42/);
  });
});
