import type { FieldError } from '@app/ingestion';
import type { KafkaIncomingMessage, KafkaOutgoingMessage, KafkaProducer } from '@app/kafka';
import type { DeadLetterCipher } from './dead-letter.cipher';
import {
  deadLetterIdOf,
  deadLetterMessage,
  sealOriginal,
  type DeadLetter,
  type DeadLetterReason,
  type DeadLetterSource,
} from './dead-letter.record';
import { DeadLetterTopicUnavailable } from './dead-letters.errors';

export interface Poison {
  source: DeadLetterSource;
  message: KafkaIncomingMessage;
  reason: DeadLetterReason;
  rule?: string;
  errors: FieldError[];
  cloudEvent: { id: string | null; source: string | null };
}

/** Seals poison messages and writes them to the dead-letter topic in one acknowledged send. */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: KafkaProducer,
    readonly topic: string,
    private readonly cipher: DeadLetterCipher,
  ) {}

  /**
   * Resolves once the broker acknowledged every dead letter (acks=all), so the caller may commit
   * past them. @throws DeadLetterTopicUnavailable when it did not (retry; commit nothing).
   */
  async publish(poison: readonly Poison[], now = new Date()): Promise<DeadLetter[]> {
    if (poison.length === 0) return [];
    const deadLetters = poison.map((item): DeadLetter => ({
      id: deadLetterIdOf(item.source),
      source: item.source,
      reason: item.reason,
      ...(item.rule === undefined ? {} : { rule: item.rule }),
      errors: item.errors,
      cloudEvent: item.cloudEvent,
      deadLetteredAt: now.toISOString(),
      sealed: sealOriginal(this.cipher, item.source, item.message),
    }));
    try {
      for (const chunk of chunks(deadLetters.map(deadLetterMessage))) await this.producer.send({ topic: this.topic, messages: chunk });
    } catch (error) {
      throw new DeadLetterTopicUnavailable(this.topic, error);
    }
    return deadLetters;
  }
}

/** Most bytes of dead letters sent in one request; the broker refuses a record batch over its message size limit. */
const MAX_REQUEST_BYTES = 512 * 1024;

function* chunks(messages: KafkaOutgoingMessage[]): Generator<KafkaOutgoingMessage[]> {
  let chunk: KafkaOutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = message.value.length + 1024;
    if (chunk.length > 0 && bytes + size > MAX_REQUEST_BYTES) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(message);
    bytes += size;
  }
  if (chunk.length > 0) yield chunk;
}
