import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { IngestEvents } from '@app/ingestion';
import { KAFKA_CLIENT } from '../kafka-client.provider';
import type { KafkaClient, KafkaConsumer, KafkaProducer } from '@app/kafka';
import { IngestorConfig } from '../ingestor.config';
import { DeadLetterCipher } from '../dead-letters/dead-letter.cipher';
import { DeadLetterPublisher } from '../dead-letters/dead-letter.publisher';
import { IngestKafkaBatch, type BatchTally } from './ingest-kafka-batch.handler';

/**
 * The consumer group member: subscribes to the configured topics with auto-commit off and hands
 * each batch to {@link IngestKafkaBatch}. On shutdown (SIGTERM) it stops fetching, lets the batch
 * in hand finish or abandon it uncommitted, and leaves the group so its partitions move at once.
 */
@Injectable()
export class IngestorConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Ingestor');
  private consumer: KafkaConsumer | undefined;
  private producer: KafkaProducer | undefined;
  private readonly totals: BatchTally & { batches: number; abandoned: number; crashes: number; firstJoinedAt: number | null } = {
    accepted: 0,
    duplicate: 0,
    deadLettered: 0,
    batches: 0,
    abandoned: 0,
    crashes: 0,
    firstJoinedAt: null,
  };

  constructor(
    @Inject(KAFKA_CLIENT) private readonly client: KafkaClient,
    private readonly config: IngestorConfig,
    private readonly ingestion: IngestEvents,
    private readonly cipher: DeadLetterCipher,
  ) {}

  /** Running totals since start (and when the group was first joined, epoch ms), for health, tests and the benchmark. */
  get stats(): Readonly<typeof this.totals> {
    return { ...this.totals };
  }

  async onApplicationBootstrap(): Promise<void> {
    const { config } = this;
    await this.ensureTopics();
    this.producer = this.client.producer({ idempotent: true });
    await this.producer.connect();
    const batches = new IngestKafkaBatch(
      this.ingestion,
      new DeadLetterPublisher(this.producer, config.INGESTOR_DEAD_LETTER_TOPIC, this.cipher),
      {
        firstDelayMs: 200,
        maxDelayMs: config.INGESTOR_RETRY_MAX_MS,
      },
      { eventsPerCommit: config.INGESTOR_EVENTS_PER_COMMIT },
    );

    const consumer = this.client.consumer({
      groupId: config.INGESTOR_GROUP_ID,
      sessionTimeoutMs: config.INGESTOR_SESSION_TIMEOUT_MS,
      heartbeatIntervalMs: Math.max(500, Math.floor(config.INGESTOR_SESSION_TIMEOUT_MS / 10)),
      maxWaitTimeMs: config.INGESTOR_MAX_WAIT_MS,
      maxBytesPerPartition: config.INGESTOR_MAX_BYTES_PER_PARTITION,
    });
    this.consumer = consumer;
    consumer.onGroupJoin((join) => {
      this.totals.firstJoinedAt ??= Date.now();
      this.logger.log({ msg: 'Joined the consumer group', groupId: join.groupId, assignment: join.assignment });
    });
    consumer.onCrash(({ error, restarting }) => {
      this.totals.crashes++;
      this.logger.error(`The consumer crashed (${error.name}: ${error.message}); ${restarting ? 'it rejoins by itself' : 'exiting'}`);
      if (!restarting) process.exitCode = 1;
    });
    await consumer.connect();
    await consumer.subscribe({ topics: config.topics, fromBeginning: config.INGESTOR_FROM_BEGINNING === 'true' });
    await consumer.run({
      partitionsConsumedConcurrently: config.INGESTOR_PARTITIONS_CONCURRENTLY,
      eachBatch: async (context) => {
        const result = await batches.handle(context);
        this.totals.batches++;
        if (typeof result === 'string') {
          this.totals.abandoned++;
          return;
        }
        this.totals.accepted += result.accepted;
        this.totals.duplicate += result.duplicate;
        this.totals.deadLettered += result.deadLettered;
      },
    });
    this.logger.log({
      msg: 'Consuming',
      topics: config.topics,
      groupId: config.INGESTOR_GROUP_ID,
      deadLetterTopic: config.INGESTOR_DEAD_LETTER_TOPIC,
    });
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`Stopping${signal ? ` on ${signal}` : ''}: finishing the batch in hand, then leaving the group`);
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
    this.logger.log({ msg: 'Stopped', ...this.totals });
  }

  /** Creates the consumed topics and the dead-letter topic when missing; existing ones are left as they are. */
  private async ensureTopics(): Promise<void> {
    const admin = this.client.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const wanted = [...this.config.topics, this.config.INGESTOR_DEAD_LETTER_TOPIC].filter((topic) => !existing.has(topic));
      if (wanted.length === 0) return;
      const created = await admin.ensureTopics(
        wanted.map((topic) => ({
          topic,
          numPartitions: this.config.INGESTOR_TOPIC_PARTITIONS,
          // A dead letter carries its original (up to the source topic's limit) plus its report.
          ...(topic === this.config.INGESTOR_DEAD_LETTER_TOPIC ? { configEntries: { 'max.message.bytes': String(2 * 1024 * 1024) } } : {}),
        })),
      );
      if (created.length > 0) this.logger.log({ msg: 'Created topics', topics: created });
    } finally {
      await admin.disconnect();
    }
  }
}
