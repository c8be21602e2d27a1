import { KafkaConfigurationProblem, InvalidKafkaConfiguration } from './kafka.errors';
import { KafkaClientOptions, KafkaSaslOptions } from './kafka-client.port';

/** The environment-style settings an app reads for Kafka; the app passes them in, the lib never reads `process.env`. */
export interface KafkaEnvironment {
  /** Comma-separated `host:port` list. Required. */
  KAFKA_BROKERS?: string;
  /** Default: the `defaultClientId` argument. */
  KAFKA_CLIENT_ID?: string;
  /** `true`/`false` (also `1`/`0`, `yes`/`no`). Default false. */
  KAFKA_SSL?: string;
  /** `SCRAM-SHA-256` or `SCRAM-SHA-512`; when set, username and password are required. */
  KAFKA_SASL_MECHANISM?: string;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

const CLIENT_ID = /^[A-Za-z0-9._-]{1,249}$/;
const HOST = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?)$/;
const TRUE_WORDS = ['true', '1', 'yes'];
const FALSE_WORDS = ['false', '0', 'no'];
const MECHANISMS: Record<string, KafkaSaslOptions['mechanism']> = {
  'SCRAM-SHA-256': 'scram-sha-256',
  'SCRAM-SHA-512': 'scram-sha-512',
};

/**
 * Maps and validates Kafka settings into client options. Blank values count as unset.
 * Throws `InvalidKafkaConfiguration` listing every broken rule with the variable's name; the
 * password is never echoed.
 */
export function kafkaClientOptionsFromEnv(env: KafkaEnvironment, defaultClientId = 'safeguarding-ledger'): KafkaClientOptions {
  const value = (name: keyof KafkaEnvironment): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const problems: KafkaConfigurationProblem[] = [];

  const brokersValue = value('KAFKA_BROKERS');
  const brokers = (brokersValue ?? '')
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker !== '');
  if (brokers.length === 0) {
    problems.push({ variable: 'KAFKA_BROKERS', value: brokersValue, rule: 'required: a comma-separated list of host:port' });
  }
  for (const broker of brokers) {
    const separator = broker.lastIndexOf(':');
    const host = broker.slice(0, Math.max(separator, 0));
    const port = Number(broker.slice(separator + 1));
    if (separator <= 0 || !HOST.test(host) || !Number.isInteger(port) || port < 1 || port > 65535) {
      problems.push({ variable: 'KAFKA_BROKERS', value: brokersValue, rule: `"${broker}" is not host:port with a port from 1 to 65535` });
    }
  }

  const clientId = value('KAFKA_CLIENT_ID') ?? defaultClientId;
  if (!CLIENT_ID.test(clientId)) {
    problems.push({ variable: 'KAFKA_CLIENT_ID', value: clientId, rule: 'must be 1-249 characters of letters, digits, ".", "_" or "-"' });
  }

  const sslValue = value('KAFKA_SSL');
  let ssl = false;
  if (sslValue !== undefined) {
    if (TRUE_WORDS.includes(sslValue.toLowerCase())) ssl = true;
    else if (!FALSE_WORDS.includes(sslValue.toLowerCase())) {
      problems.push({ variable: 'KAFKA_SSL', value: sslValue, rule: 'must be true or false' });
    }
  }

  const mechanismValue = value('KAFKA_SASL_MECHANISM');
  const username = value('KAFKA_SASL_USERNAME');
  const password = env.KAFKA_SASL_PASSWORD === '' ? undefined : env.KAFKA_SASL_PASSWORD;
  let sasl: KafkaSaslOptions | undefined;
  if (mechanismValue === undefined) {
    if (username !== undefined) {
      problems.push({ variable: 'KAFKA_SASL_USERNAME', value: username, rule: 'set without KAFKA_SASL_MECHANISM' });
    }
    if (password !== undefined) {
      problems.push({ variable: 'KAFKA_SASL_PASSWORD', value: '(redacted)', rule: 'set without KAFKA_SASL_MECHANISM' });
    }
  } else {
    const mechanism = MECHANISMS[mechanismValue.toUpperCase()];
    if (mechanism === undefined) {
      problems.push({
        variable: 'KAFKA_SASL_MECHANISM',
        value: mechanismValue,
        rule: `must be one of ${Object.keys(MECHANISMS).join(', ')}`,
      });
    }
    if (username === undefined) {
      problems.push({ variable: 'KAFKA_SASL_USERNAME', value: username, rule: 'required when KAFKA_SASL_MECHANISM is set' });
    }
    if (password === undefined) {
      problems.push({ variable: 'KAFKA_SASL_PASSWORD', value: undefined, rule: 'required when KAFKA_SASL_MECHANISM is set' });
    }
    if (mechanism !== undefined && username !== undefined && password !== undefined) {
      sasl = { mechanism, username, password };
    }
  }

  if (problems.length > 0) throw new InvalidKafkaConfiguration(problems);
  return sasl === undefined ? { brokers, clientId, ssl } : { brokers, clientId, ssl, sasl };
}
