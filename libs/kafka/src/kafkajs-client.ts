import {
  Admin,
  Consumer,
  EachBatchPayload,
  IHeaders,
  Kafka,
  KafkaConfig,
  LogEntry,
  Partitioners,
  Producer,
  SASLOptions,
  logLevel as KafkaJsLogLevel,
} from 'kafkajs';
import { KafkaTopicMismatch } from './kafka.errors';
import {
  KafkaAdmin,
  KafkaBatchContext,
  KafkaClient,
  KafkaClientOptions,
  KafkaCommittedOffset,
  KafkaConsumer,
  KafkaConsumerOptions,
  KafkaGroupJoin,
  KafkaIncomingMessage,
  KafkaLogEntry,
  KafkaLogFunction,
  KafkaLogLevel,
  KafkaPartitionOffsets,
  KafkaProducer,
  KafkaProducerOptions,
  KafkaRecordMetadata,
  KafkaRunOptions,
  KafkaSaslOptions,
  KafkaSendRequest,
  KafkaSubscription,
  KafkaTopicPartitionOffset,
  KafkaTopicPartitions,
  KafkaTopicSpec,
} from './kafka-client.port';

const TO_KAFKAJS_LEVEL: Record<KafkaLogLevel, KafkaJsLogLevel> = {
  nothing: KafkaJsLogLevel.NOTHING,
  error: KafkaJsLogLevel.ERROR,
  warn: KafkaJsLogLevel.WARN,
  info: KafkaJsLogLevel.INFO,
  debug: KafkaJsLogLevel.DEBUG,
};

function fromKafkaJsLevel(level: KafkaJsLogLevel): KafkaLogEntry['level'] {
  if (level <= KafkaJsLogLevel.ERROR) return 'error';
  if (level === KafkaJsLogLevel.WARN) return 'warn';
  if (level === KafkaJsLogLevel.INFO) return 'info';
  return 'debug';
}

/** Routes KafkaJS's logger (which writes to the console by default) to the given function. */
function logCreatorFor(log: KafkaLogFunction): KafkaConfig['logCreator'] {
  return () =>
    ({ namespace, level, log: content }: LogEntry) => {
      const { message, timestamp: _timestamp, logger: _logger, ...fields } = content;
      log({ level: fromKafkaJsLevel(level), namespace, message: String(message), fields });
    };
}

function toKafkaJsSasl(sasl: KafkaSaslOptions | undefined): SASLOptions | undefined {
  if (sasl === undefined) return undefined;
  const { username, password } = sasl;
  return sasl.mechanism === 'scram-sha-256'
    ? { mechanism: 'scram-sha-256', username, password }
    : { mechanism: 'scram-sha-512', username, password };
}

function toBufferHeaders(headers: IHeaders | undefined): Record<string, Buffer> {
  const result: Record<string, Buffer> = {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value === undefined) continue;
    result[name] = Buffer.isBuffer(value) ? value : Buffer.from(value);
  }
  return result;
}

function groupByTopic(offsets: KafkaTopicPartitionOffset[]) {
  const topics = new Map<string, { partition: number; offset: string }[]>();
  for (const { topic, partition, offset } of offsets) {
    topics.set(topic, [...(topics.get(topic) ?? []), { partition, offset }]);
  }
  return [...topics].map(([topic, partitions]) => ({ topic, partitions }));
}

class KafkaJsProducer implements KafkaProducer {
  constructor(private readonly producer: Producer) {}

  connect(): Promise<void> {
    return this.producer.connect();
  }

  async send({ topic, messages }: KafkaSendRequest): Promise<KafkaRecordMetadata[]> {
    const metadata = await this.producer.send({
      topic,
      acks: -1,
      messages: messages.map(({ key, value, headers, partition }) => ({ key, value, headers, partition })),
    });
    return metadata.map((record) => ({
      topic: record.topicName,
      partition: record.partition,
      baseOffset: String(record.baseOffset ?? record.offset ?? '-1'),
    }));
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }
}

class KafkaJsConsumer implements KafkaConsumer {
  constructor(private readonly consumer: Consumer) {}

  connect(): Promise<void> {
    return this.consumer.connect();
  }

  subscribe({ topics, fromBeginning }: KafkaSubscription): Promise<void> {
    return this.consumer.subscribe({ topics, fromBeginning: fromBeginning ?? false });
  }

  run({ eachBatch, partitionsConsumedConcurrently }: KafkaRunOptions): Promise<void> {
    return this.consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      partitionsConsumedConcurrently: partitionsConsumedConcurrently ?? 1,
      eachBatch: (payload: EachBatchPayload) => eachBatch(this.context(payload)),
    });
  }

  private context(payload: EachBatchPayload): KafkaBatchContext {
    const { batch } = payload;
    return {
      batch: {
        topic: batch.topic,
        partition: batch.partition,
        highWatermark: batch.highWatermark,
        messages: batch.messages.map((message): KafkaIncomingMessage => ({
          key: message.key ?? null,
          value: message.value ?? null,
          headers: toBufferHeaders(message.headers),
          offset: message.offset,
          timestamp: message.timestamp,
        })),
      },
      resolveOffset: (offset) => payload.resolveOffset(offset),
      commitOffsets: (offsets) => payload.commitOffsetsIfNecessary({ topics: groupByTopic(offsets) }),
      heartbeat: () => payload.heartbeat(),
      pause: () => payload.pause(),
      isRunning: () => payload.isRunning(),
      isStale: () => payload.isStale(),
    };
  }

  commitOffsets(offsets: KafkaTopicPartitionOffset[]): Promise<void> {
    return this.consumer.commitOffsets(offsets);
  }

  pause(topics: KafkaTopicPartitions[]): void {
    this.consumer.pause(topics);
  }

  resume(topics: KafkaTopicPartitions[]): void {
    this.consumer.resume(topics);
  }

  onGroupJoin(listener: (join: KafkaGroupJoin) => void): () => void {
    return this.consumer.on(this.consumer.events.GROUP_JOIN, ({ payload }) => {
      const assignment: Record<string, number[]> = {};
      for (const [topic, partitions] of Object.entries(payload.memberAssignment)) {
        assignment[topic] = [...partitions].sort((a, b) => a - b);
      }
      listener({ groupId: payload.groupId, memberId: payload.memberId, isLeader: payload.isLeader, assignment });
    });
  }

  onCrash(listener: (crash: { error: Error; restarting: boolean }) => void): () => void {
    return this.consumer.on(this.consumer.events.CRASH, ({ payload }) => listener({ error: payload.error, restarting: payload.restart }));
  }

  disconnect(): Promise<void> {
    return this.consumer.disconnect();
  }
}

class KafkaJsAdmin implements KafkaAdmin {
  constructor(private readonly admin: Admin) {}

  connect(): Promise<void> {
    return this.admin.connect();
  }

  async ensureTopics(topics: KafkaTopicSpec[]): Promise<string[]> {
    const existing = new Set(await this.admin.listTopics());
    const missing = topics.filter(({ topic }) => !existing.has(topic));
    let created: string[] = [];
    if (missing.length > 0) {
      const createdAll = await this.admin.createTopics({
        waitForLeaders: true,
        topics: missing.map(({ topic, numPartitions, replicationFactor, configEntries }) => ({
          topic,
          numPartitions,
          replicationFactor: replicationFactor ?? -1,
          configEntries: Object.entries(configEntries ?? {}).map(([name, value]) => ({ name, value })),
        })),
      });
      created = createdAll ? missing.map(({ topic }) => topic) : [];
    }
    const { topics: metadata } = await this.admin.fetchTopicMetadata({ topics: topics.map(({ topic }) => topic) });
    for (const spec of topics) {
      const actual = metadata.find(({ name }) => name === spec.topic)?.partitions.length ?? 0;
      if (actual !== spec.numPartitions) throw new KafkaTopicMismatch(spec.topic, spec.numPartitions, actual);
    }
    return created;
  }

  deleteTopics(topics: string[]): Promise<void> {
    return this.admin.deleteTopics({ topics });
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async fetchTopicOffsets(topic: string): Promise<KafkaPartitionOffsets[]> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return offsets.map(({ partition, low, high }) => ({ partition, low, high })).sort((a, b) => a.partition - b.partition);
  }

  async fetchCommittedOffsets(groupId: string, topics: string[]): Promise<KafkaCommittedOffset[]> {
    const offsets = await this.admin.fetchOffsets({ groupId, topics });
    return offsets.flatMap(({ topic, partitions }) =>
      partitions
        .map(({ partition, offset }) => ({ topic, partition, offset: offset === '-1' ? null : offset }))
        .sort((a, b) => a.partition - b.partition),
    );
  }

  disconnect(): Promise<void> {
    return this.admin.disconnect();
  }
}

/**
 * `KafkaClient` on KafkaJS. Topics are never auto-created, producers always wait for all
 * in-sync replicas, consumers never auto-commit. KafkaJS's console logging goes to `log`
 * (dropped when no function is given).
 */
export class KafkaJsClient implements KafkaClient {
  private readonly kafka: Kafka;

  constructor(options: KafkaClientOptions, log: KafkaLogFunction = () => undefined) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      ssl: options.ssl,
      sasl: toKafkaJsSasl(options.sasl),
      connectionTimeout: options.connectionTimeoutMs,
      requestTimeout: options.requestTimeoutMs,
      logLevel: TO_KAFKAJS_LEVEL[options.logLevel ?? 'info'],
      logCreator: logCreatorFor(log),
    });
  }

  producer(options: KafkaProducerOptions = {}): KafkaProducer {
    const idempotent = options.idempotent ?? false;
    return new KafkaJsProducer(
      this.kafka.producer({
        allowAutoTopicCreation: false,
        idempotent,
        ...(idempotent ? { maxInFlightRequests: 1 } : {}),
        createPartitioner: Partitioners.DefaultPartitioner,
      }),
    );
  }

  consumer(options: KafkaConsumerOptions): KafkaConsumer {
    return new KafkaJsConsumer(
      this.kafka.consumer({
        groupId: options.groupId,
        sessionTimeout: options.sessionTimeoutMs,
        heartbeatInterval: options.heartbeatIntervalMs,
        rebalanceTimeout: options.rebalanceTimeoutMs,
        maxWaitTimeInMs: options.maxWaitTimeMs,
        maxBytesPerPartition: options.maxBytesPerPartition,
        allowAutoTopicCreation: false,
      }),
    );
  }

  admin(): KafkaAdmin {
    return new KafkaJsAdmin(this.kafka.admin());
  }
}
