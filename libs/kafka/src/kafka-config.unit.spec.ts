import { InvalidKafkaConfiguration } from './kafka.errors';
import { KafkaEnvironment, kafkaClientOptionsFromEnv } from './kafka-config';

function problemsOf(env: KafkaEnvironment): string[] {
  try {
    kafkaClientOptionsFromEnv(env);
  } catch (error: unknown) {
    if (error instanceof InvalidKafkaConfiguration) return error.problems.map(({ variable }) => variable);
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('kafkaClientOptionsFromEnv', () => {
  it('maps a plain broker list with defaults', () => {
    expect(kafkaClientOptionsFromEnv({ KAFKA_BROKERS: '127.0.0.1:59092' })).toEqual({
      brokers: ['127.0.0.1:59092'],
      clientId: 'safeguarding-ledger',
      ssl: false,
    });
  });

  it('trims brokers, reads the client id and maps SCRAM credentials over TLS', () => {
    expect(
      kafkaClientOptionsFromEnv({
        KAFKA_BROKERS: ' kafka-1.internal:9093 , kafka-2.internal:9093,[::1]:9094 ',
        KAFKA_CLIENT_ID: 'ledger-ingestor',
        KAFKA_SSL: 'TRUE',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'ledger',
        KAFKA_SASL_PASSWORD: ' secret with spaces ',
      }),
    ).toEqual({
      brokers: ['kafka-1.internal:9093', 'kafka-2.internal:9093', '[::1]:9094'],
      clientId: 'ledger-ingestor',
      ssl: true,
      sasl: { mechanism: 'scram-sha-512', username: 'ledger', password: ' secret with spaces ' },
    });
  });

  it('uses the caller default client id when KAFKA_CLIENT_ID is blank', () => {
    expect(kafkaClientOptionsFromEnv({ KAFKA_BROKERS: 'k:1', KAFKA_CLIENT_ID: '  ' }, 'ledger-api').clientId).toBe('ledger-api');
  });

  it('rejects a missing broker list naming KAFKA_BROKERS', () => {
    expect(problemsOf({})).toEqual(['KAFKA_BROKERS']);
    expect(problemsOf({ KAFKA_BROKERS: ' , ' })).toEqual(['KAFKA_BROKERS']);
  });

  it.each(['localhost', 'localhost:0', 'localhost:65536', ':9092', 'bad host:9092', 'host:90x2'])(
    'rejects the broker "%s" as not host:port',
    (broker) => {
      expect(problemsOf({ KAFKA_BROKERS: `ok:9092,${broker}` })).toEqual(['KAFKA_BROKERS']);
    },
  );

  it('rejects an SSL flag that is not a boolean word', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:1', KAFKA_SSL: 'maybe' })).toEqual(['KAFKA_SSL']);
  });

  it('rejects a client id with characters Kafka does not allow', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:1', KAFKA_CLIENT_ID: 'ledger ingestor' })).toEqual(['KAFKA_CLIENT_ID']);
  });

  it('rejects an unsupported SASL mechanism and missing credentials together', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:1', KAFKA_SASL_MECHANISM: 'PLAIN' })).toEqual([
      'KAFKA_SASL_MECHANISM',
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD',
    ]);
  });

  it('rejects credentials given without a SASL mechanism', () => {
    expect(problemsOf({ KAFKA_BROKERS: 'k:1', KAFKA_SASL_USERNAME: 'ledger', KAFKA_SASL_PASSWORD: 'pw' })).toEqual([
      'KAFKA_SASL_USERNAME',
      'KAFKA_SASL_PASSWORD',
    ]);
  });

  it('never puts the password into the error message', () => {
    expect(() => kafkaClientOptionsFromEnv({ KAFKA_SASL_USERNAME: 'ledger', KAFKA_SASL_PASSWORD: 'hunter2-secret' })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('hunter2-secret') }),
    );
  });

  it('lists every broken rule with the variable and its value in one error', () => {
    expect(() => kafkaClientOptionsFromEnv({ KAFKA_BROKERS: 'nohost', KAFKA_SSL: 'perhaps' })).toThrow(
      /KAFKA_BROKERS="nohost": "nohost" is not host:port[\s\S]*KAFKA_SSL="perhaps": must be true or false/,
    );
  });
});
