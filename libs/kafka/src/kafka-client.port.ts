/**
 * The Kafka client the ledger needs, and nothing more. It follows KafkaJS's shapes so that the
 * KafkaJS adapter (`KafkaJsClient`) can be swapped for another KafkaJS-compatible client
 * (for example @confluentinc/kafka-javascript) without touching the ingestor.
 *
 * Offsets are decimal strings (Kafka offsets are 64-bit). A committed offset is, as in Kafka,
 * the offset of the NEXT message to read: after processing offset 41, commit 42 (`nextOffset`).
 */

/** SASL/SCRAM credentials. Only SCRAM is offered: PLAIN would send the password itself. */
export interface KafkaSaslOptions {
  mechanism: 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

export type KafkaLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

/** Connection options shared by every client implementation. */
export interface KafkaClientOptions {
  /** Bootstrap brokers as `host:port`. */
  brokers: string[];
  /** Sent to the brokers with every request; shows up in broker logs and quotas. */
  clientId: string;
  /** TLS to the brokers, verified against the system's CAs. */
  ssl: boolean;
  sasl?: KafkaSaslOptions;
  /** Entries below this level are not passed to the log function. Default `info`. */
  logLevel?: KafkaLogLevel;
  /** Default 3000 ms. */
  connectionTimeoutMs?: number;
  /** Default 30000 ms. */
  requestTimeoutMs?: number;
}

export interface KafkaLogEntry {
  level: Exclude<KafkaLogLevel, 'nothing'>;
  /** The client component that logged, e.g. `Consumer`, `Connection`. */
  namespace: string;
  message: string;
  fields: Record<string, unknown>;
}

/** Where the client's own diagnostics go; an implementation never writes to the console. */
export type KafkaLogFunction = (entry: KafkaLogEntry) => void;

export type KafkaHeaderValue = string | Buffer;

export interface KafkaOutgoingMessage {
  /** Decides the partition (same key, same partition) unless `partition` is given. */
  key: string | Buffer | null;
  value: Buffer;
  headers?: Record<string, KafkaHeaderValue>;
  partition?: number;
}

export interface KafkaSendRequest {
  topic: string;
  messages: KafkaOutgoingMessage[];
}

export interface KafkaRecordMetadata {
  topic: string;
  partition: number;
  /** Offset of the first message of this request written to that partition. */
  baseOffset: string;
}

export interface KafkaProducerOptions {
  /**
   * Idempotent delivery: retries never write a message twice. Implies acks from all in-sync
   * replicas and one request in flight per connection.
   */
  idempotent?: boolean;
}

/**
 * Writes messages. `send` resolves once every in-sync replica has the messages (acks=all), so
 * a resolved send is durable in Kafka; it rejects when the topic does not exist (topics are never
 * created implicitly). Messages with the same key in one topic keep their order.
 */
export interface KafkaProducer {
  connect(): Promise<void>;
  send(request: KafkaSendRequest): Promise<KafkaRecordMetadata[]>;
  disconnect(): Promise<void>;
}

export interface KafkaIncomingMessage {
  key: Buffer | null;
  value: Buffer | null;
  /** Header values as received; a header repeated by the producer keeps its last value. */
  headers: Record<string, Buffer>;
  offset: string;
  /** Producer or log-append time, milliseconds since the epoch, as a decimal string. */
  timestamp: string;
}

export interface KafkaBatch {
  topic: string;
  partition: number;
  /** The partition's end offset when the batch was fetched (next offset to be written). */
  highWatermark: string;
  /** In offset order, never empty. */
  messages: KafkaIncomingMessage[];
}

export interface KafkaTopicPartitionOffset {
  topic: string;
  partition: number;
  /** The next offset to read for this partition, see `nextOffset`. */
  offset: string;
}

export interface KafkaBatchContext {
  batch: KafkaBatch;
  /**
   * Marks a message as processed in this consumer: the next fetch starts after it. It does NOT
   * commit: after a restart or a rebalance the group resumes at the last committed offset.
   */
  resolveOffset(offset: string): void;
  /**
   * Commits the given offsets for the group now, in the current group generation. Rejects when
   * the group has rebalanced since this batch was fetched (the partition may belong to another
   * member): the caller must stop processing the batch and must not assume the commit happened.
   */
  commitOffsets(offsets: KafkaTopicPartitionOffset[]): Promise<void>;
  /** Tells the group coordinator this member is alive; call it during long batches. */
  heartbeat(): Promise<void>;
  /** Pauses this batch's topic-partition; the returned function resumes it. */
  pause(): () => void;
  /** False once the consumer is stopping: finish or abandon the batch quickly. */
  isRunning(): boolean;
  /** True when a rebalance or seek made the rest of this batch obsolete. */
  isStale(): boolean;
}

export type KafkaBatchHandler = (context: KafkaBatchContext) => Promise<void>;

export interface KafkaConsumerOptions {
  groupId: string;
  /** Without a heartbeat for this long the member leaves the group. Default 30000 ms. */
  sessionTimeoutMs?: number;
  /** Default 3000 ms; keep it well below `sessionTimeoutMs`. */
  heartbeatIntervalMs?: number;
  /** How long the coordinator waits for members to rejoin during a rebalance. Default 60000 ms. */
  rebalanceTimeoutMs?: number;
  /** Longest a fetch waits for new messages. Default 5000 ms. */
  maxWaitTimeMs?: number;
  /** Default 1 MiB. */
  maxBytesPerPartition?: number;
}

export interface KafkaSubscription {
  topics: string[];
  /** Where a group with no committed offset for a partition starts. Default: the end. */
  fromBeginning?: boolean;
}

export interface KafkaRunOptions {
  eachBatch: KafkaBatchHandler;
  /** How many partitions are handled at the same time. Default 1. */
  partitionsConsumedConcurrently?: number;
}

export interface KafkaTopicPartitions {
  topic: string;
  partitions?: number[];
}

export interface KafkaGroupJoin {
  groupId: string;
  memberId: string;
  isLeader: boolean;
  /** Partitions assigned to this member, by topic. */
  assignment: Record<string, number[]>;
}

/**
 * A member of a consumer group. Offsets are never committed automatically: they are committed
 * only by `KafkaBatchContext.commitOffsets` or `commitOffsets` here, so a message is redelivered
 * after a crash or rebalance until its processing has been committed (at-least-once).
 * Within a partition, batches arrive in offset order and one at a time.
 */
export interface KafkaConsumer {
  connect(): Promise<void>;
  /** Call before `run`, once per topic set. */
  subscribe(subscription: KafkaSubscription): Promise<void>;
  /** Starts fetching in the background; resolves once the loop has started, not when it ends. */
  run(options: KafkaRunOptions): Promise<void>;
  /** Commits offsets for partitions this member owns. Rejects after a rebalance took them. */
  commitOffsets(offsets: KafkaTopicPartitionOffset[]): Promise<void>;
  pause(topics: KafkaTopicPartitions[]): void;
  resume(topics: KafkaTopicPartitions[]): void;
  /** Called after each successful join of the group, with this member's assignment. */
  onGroupJoin(listener: (join: KafkaGroupJoin) => void): () => void;
  /** Called when the consumer crashed; `restarting` tells whether it rejoins by itself. */
  onCrash(listener: (crash: { error: Error; restarting: boolean }) => void): () => void;
  /** Leaves the group (partitions are reassigned at once) and closes the connections. */
  disconnect(): Promise<void>;
}

export interface KafkaTopicSpec {
  topic: string;
  numPartitions: number;
  /** Default: the broker's `default.replication.factor`. */
  replicationFactor?: number;
  configEntries?: Record<string, string>;
}

export interface KafkaPartitionOffsets {
  partition: number;
  /** Earliest offset still in the log. */
  low: string;
  /** Next offset to be written (end of the partition). */
  high: string;
}

export interface KafkaCommittedOffset {
  topic: string;
  partition: number;
  /** The committed next offset to read, or null when the group has committed nothing here. */
  offset: string | null;
}

export interface KafkaAdmin {
  connect(): Promise<void>;
  /**
   * Creates the topics that do not exist and waits for their partition leaders. Idempotent.
   * Throws `KafkaTopicMismatch` when an existing topic has a different partition count.
   * Returns the names of the topics it created.
   */
  ensureTopics(topics: KafkaTopicSpec[]): Promise<string[]>;
  deleteTopics(topics: string[]): Promise<void>;
  listTopics(): Promise<string[]>;
  fetchTopicOffsets(topic: string): Promise<KafkaPartitionOffsets[]>;
  /** Committed offsets of a group for every partition of the given topics. */
  fetchCommittedOffsets(groupId: string, topics: string[]): Promise<KafkaCommittedOffset[]>;
  disconnect(): Promise<void>;
}

/** Creates producers, consumers and admins that share one set of connection options. */
export interface KafkaClient {
  producer(options?: KafkaProducerOptions): KafkaProducer;
  consumer(options: KafkaConsumerOptions): KafkaConsumer;
  admin(): KafkaAdmin;
}

/** The offset to commit once the message at `offset` is processed. */
export function nextOffset(offset: string): string {
  return (BigInt(offset) + 1n).toString();
}
