import { Logger } from '@nestjs/common';
import { EventStoreUnavailable } from '@app/event-store';
import { decodeKafkaCloudEvent, type IngestEvents, type IngestItem, type IngestOutcome } from '@app/ingestion';
import { nextOffset, type KafkaBatchContext, type KafkaIncomingMessage } from '@app/kafka';
import type { DeadLetterPublisher, Poison } from '../dead-letters/dead-letter.publisher';
import { DeadLetterTopicUnavailable } from '../dead-letters/dead-letters.errors';

export interface BatchTally {
  accepted: number;
  duplicate: number;
  deadLettered: number;
}

export interface RetryPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

/** Why a batch was left uncommitted: it will be delivered again, to this member or another. */
export type Abandoned = 'stopping' | 'stale' | 'commit-refused';

export interface BatchSizes {
  /** Most messages decoded and ingested together: one group commit into the store. */
  eventsPerCommit: number;
}

/**
 * One Kafka batch of one partition, in this order:
 * 1. decode the messages (structured JSON value or binary `ce_*` headers) and ingest the
 *    decodable ones, `eventsPerCommit` messages at a time (one group commit each, in order);
 * 2. dead-letter every undecodable or rejected message, acknowledged by the broker;
 * 3. commit the offset after the batch.
 * So an offset is committed only past events that are durably stored or durably dead-lettered.
 * While the store or the dead-letter topic is unavailable the batch is retried with backoff
 * (heartbeating, so the member keeps its partitions) and nothing is committed; a redelivery
 * after a crash or rebalance is harmless because the store answers `duplicate`.
 *
 * A fetch can hold tens of thousands of messages. Taking them a slice at a time keeps what is
 * alive at once (parsed events, their pseudonymised copies, the append requests) small enough to
 * die young, and keeps each store transaction, and so its lock, short.
 */
export class IngestKafkaBatch {
  private readonly logger = new Logger('Ingestor');

  constructor(
    private readonly ingestion: IngestEvents,
    private readonly deadLetters: DeadLetterPublisher,
    private readonly retry: RetryPolicy,
    private readonly sizes: BatchSizes,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  async handle(context: KafkaBatchContext): Promise<BatchTally | Abandoned> {
    const { topic, partition, messages } = context.batch;
    const poison: Poison[] = [];
    const tally: BatchTally = { accepted: 0, duplicate: 0, deadLettered: 0 };

    for (let start = 0; start < messages.length; start += this.sizes.eventsPerCommit) {
      if (start > 0) {
        if (context.isStale()) return 'stale';
        await context.heartbeat().catch(() => undefined);
      }
      const slice = messages.slice(start, start + this.sizes.eventsPerCommit);
      const ingested = await this.ingestSlice(context, slice, poison);
      if (typeof ingested === 'string') return ingested;
      tally.accepted += ingested.accepted;
      tally.duplicate += ingested.duplicate;
    }
    poison.sort((a, b) => (BigInt(a.source.offset) < BigInt(b.source.offset) ? -1 : 1));

    const published = await this.untilDone(context, 'dead-letter topic', () => this.deadLetters.publish(poison));
    if (typeof published === 'string') return published;
    tally.deadLettered = published.length;
    for (const deadLetter of published) {
      this.logger.warn({
        msg: 'Dead-lettered a message',
        deadLetter: deadLetter.id,
        reason: deadLetter.reason,
        problems: deadLetter.errors.map((error) => `${error.path || '(event)'} ${error.problem}`),
      });
    }

    if (context.isStale()) return 'stale';
    const last = messages[messages.length - 1].offset;
    context.resolveOffset(last);
    try {
      await context.commitOffsets([{ topic, partition, offset: nextOffset(last) }]);
    } catch (error) {
      this.logger.warn(
        `Commit of ${topic}/${partition} up to ${last} was refused (${errorName(error)}); the batch will be delivered again and its events answer duplicate`,
      );
      return 'commit-refused';
    }
    this.logger.debug({ msg: 'Batch ingested', topic, partition, lastOffset: last, ...tally });
    return tally;
  }

  /** Decodes and ingests consecutive messages of the batch in one group commit; adds the poison among them to `poison`. */
  private async ingestSlice(
    context: KafkaBatchContext,
    messages: readonly KafkaIncomingMessage[],
    poison: Poison[],
  ): Promise<Pick<BatchTally, 'accepted' | 'duplicate'> | Abandoned> {
    const { topic, partition } = context.batch;
    const items: IngestItem[] = [];
    const messageOf: number[] = [];
    messages.forEach((message, index) => {
      const decoded = decodeKafkaCloudEvent(message.headers, message.value);
      if (!decoded.ok) {
        poison.push({
          source: { topic, partition, offset: message.offset },
          message,
          reason: 'undecodable',
          errors: decoded.errors,
          cloudEvent: { id: null, source: null },
        });
        return;
      }
      items.push({
        raw: decoded.raw,
        byteLength: decoded.byteLength,
        transport: { kind: 'kafka', offset: message.offset, partition, topic },
        correlationId: `${topic}/${partition}/${message.offset}`,
      });
      messageOf.push(index);
    });

    const outcomes = await this.untilDone(context, 'store', () => this.ingestion.ingest(items));
    if (typeof outcomes === 'string') return outcomes;

    const tally = { accepted: 0, duplicate: 0 };
    outcomes.forEach((outcome: IngestOutcome, i) => {
      if (outcome.status !== 'rejected') {
        tally[outcome.status]++;
        return;
      }
      const message = messages[messageOf[i]];
      poison.push({
        source: { topic, partition, offset: message.offset },
        message,
        reason: outcome.kind,
        ...(outcome.rule === undefined ? {} : { rule: outcome.rule }),
        errors: outcome.errors,
        cloudEvent: { id: outcome.id, source: outcome.source },
      });
    });
    return tally;
  }

  /**
   * Runs `work` until it succeeds, backing off while what it needs is unavailable. Returns why it
   * gave up instead when the consumer is stopping or the partition was taken away meanwhile.
   */
  private async untilDone<T>(context: KafkaBatchContext, what: string, work: () => Promise<T>): Promise<T | Abandoned> {
    let delay = this.retry.firstDelayMs;
    for (let attempt = 1; ; attempt++) {
      try {
        return await work();
      } catch (error) {
        const known = error instanceof EventStoreUnavailable || error instanceof DeadLetterTopicUnavailable;
        const message = `The ${what} is unavailable (${errorName(error)}: ${error instanceof Error ? error.message : 'unknown'}); attempt ${attempt} failed, retrying ${context.batch.topic}/${context.batch.partition} in ${delay} ms without committing`;
        if (known) this.logger.warn(message);
        else this.logger.error(message);
      }
      const deadline = Date.now() + delay;
      while (Date.now() < deadline) {
        if (!context.isRunning()) return 'stopping';
        if (context.isStale()) return 'stale';
        await this.sleep(Math.min(200, deadline - Date.now()));
        await context.heartbeat().catch(() => undefined);
      }
      if (!context.isRunning()) return 'stopping';
      if (context.isStale()) return 'stale';
      delay = Math.min(delay * 2, this.retry.maxDelayMs);
    }
  }
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : typeof error;
}
