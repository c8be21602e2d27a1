import { randomUUID } from 'node:crypto';
import type { KafkaClient, KafkaIncomingMessage, KafkaProducer } from '@app/kafka';
import type { DeadLetterCipher } from './dead-letter.cipher';
import { REDRIVEN_FROM_HEADER, openOriginal, readDeadLetterRecord, redrivenMessage, type DeadLetter } from './dead-letter.record';
import { UnknownDeadLetters } from './dead-letters.errors';

export interface ListDeadLettersOptions {
  /** Also list dead letters already redriven. Default false. */
  includeRedriven?: boolean;
  /** Give up reading the topic after this long. Default 30000 ms. */
  timeoutMs?: number;
}

export interface RedriveResult {
  /** Ids re-published to their source topic, in dead-letter order. */
  redriven: string[];
}

/**
 * Operator access to the dead-letter topic: what is there (`list`) and putting messages back
 * (`redrive`), for the CLI. Reading never commits: it uses a throwaway consumer group each time.
 * A message dead-lettered twice (redelivered before its offset was committed) is listed once.
 */
export class DeadLetters {
  constructor(
    private readonly client: KafkaClient,
    private readonly topic: string,
    private readonly cipher: DeadLetterCipher,
  ) {}

  /** Dead letters still to deal with, in topic order; the original bytes stay sealed. */
  async list(options: ListDeadLettersOptions = {}): Promise<DeadLetter[]> {
    const byId = new Map<string, DeadLetter>();
    const redriven = new Set<string>();
    for (const { record } of await this.readAll(options.timeoutMs ?? 30_000)) {
      if (isMarker(record)) redriven.add(record.redriven);
      else if (!byId.has(record.id)) byId.set(record.id, record);
    }
    return [...byId.values()].filter((deadLetter) => options.includeRedriven === true || !redriven.has(deadLetter.id));
  }

  /**
   * Opens each selected dead letter and re-publishes its original key, value and headers to its
   * source topic, then marks it redriven. A redriven event that was stored meanwhile is a
   * duplicate, so redriving twice is harmless.
   *
   * @throws UnknownDeadLetters when an id is not on the topic (nothing is redriven then).
   * @throws DeadLetterKeyMismatch / UnreadableDeadLetter when a dead letter cannot be opened.
   */
  async redrive(selection: readonly string[] | 'all'): Promise<RedriveResult> {
    const pending = await this.list();
    let chosen = pending;
    if (selection !== 'all') {
      const known = new Set(pending.map((deadLetter) => deadLetter.id));
      const unknown = selection.filter((id) => !known.has(id));
      if (unknown.length > 0) throw new UnknownDeadLetters(unknown);
      const wanted = new Set(selection);
      chosen = pending.filter((deadLetter) => wanted.has(deadLetter.id));
    }
    if (chosen.length === 0) return { redriven: [] };
    const originals = chosen.map((deadLetter) => ({ deadLetter, original: openOriginal(this.cipher, deadLetter) }));

    const producer: KafkaProducer = this.client.producer({ idempotent: true });
    await producer.connect();
    try {
      for (const { deadLetter, original } of originals) {
        await producer.send({
          topic: deadLetter.source.topic,
          messages: [
            {
              key: original.key,
              value: original.value ?? Buffer.alloc(0),
              headers: { ...original.headers, [REDRIVEN_FROM_HEADER]: deadLetter.id },
            },
          ],
        });
      }
      await producer.send({ topic: this.topic, messages: chosen.map((deadLetter) => redrivenMessage(deadLetter.id)) });
    } finally {
      await producer.disconnect();
    }
    return { redriven: chosen.map((deadLetter) => deadLetter.id) };
  }

  /** Every record of the topic up to its end as of the call, in partition then offset order. */
  private async readAll(timeoutMs: number): Promise<Array<{ record: DeadLetter | { redriven: string } }>> {
    const admin = this.client.admin();
    await admin.connect();
    let ends: Map<number, bigint>;
    try {
      const offsets = await admin.fetchTopicOffsets(this.topic);
      ends = new Map(offsets.filter(({ low, high }) => BigInt(high) > BigInt(low)).map(({ partition, high }) => [partition, BigInt(high)]));
    } finally {
      await admin.disconnect();
    }
    if (ends.size === 0) return [];

    const received = new Map<number, Array<{ offset: bigint; message: KafkaIncomingMessage }>>();
    const done = new Set<number>();
    const consumer = this.client.consumer({ groupId: `dead-letters-reader-${randomUUID()}`, maxWaitTimeMs: 100 });
    let finished!: () => void;
    const allRead = new Promise<void>((resolve) => (finished = resolve));
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [this.topic], fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch, resolveOffset }) => {
          const end = ends.get(batch.partition);
          if (end === undefined) return;
          const list = received.get(batch.partition) ?? [];
          received.set(batch.partition, list);
          for (const message of batch.messages) {
            const offset = BigInt(message.offset);
            if (offset < end) list.push({ offset, message });
            resolveOffset(message.offset);
            if (offset >= end - 1n) done.add(batch.partition);
          }
          if (done.size === ends.size) finished();
        },
      });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Reading dead-letter topic ${this.topic} took longer than ${timeoutMs} ms`)), timeoutMs);
      });
      try {
        await Promise.race([allRead, timedOut]);
      } finally {
        clearTimeout(timer);
      }
    } finally {
      await consumer.disconnect();
    }
    return [...received.keys()]
      .sort((a, b) => a - b)
      .flatMap((partition) =>
        (received.get(partition) ?? [])
          .sort((a, b) => (a.offset < b.offset ? -1 : a.offset > b.offset ? 1 : 0))
          .map(({ offset, message }) => ({ record: readDeadLetterRecord(message, `${this.topic}/${partition}/${offset}`) })),
      );
  }
}

function isMarker(record: DeadLetter | { redriven: string }): record is { redriven: string } {
  return 'redriven' in record;
}
