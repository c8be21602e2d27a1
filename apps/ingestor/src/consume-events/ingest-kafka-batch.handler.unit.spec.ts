import { Logger } from '@nestjs/common';
import type { IngestEvents, IngestItem, IngestOutcome } from '@app/ingestion';
import type { KafkaBatchContext, KafkaIncomingMessage, KafkaTopicPartitionOffset } from '@app/kafka';
import type { DeadLetterPublisher, Poison } from '../dead-letters/dead-letter.publisher';
import { IngestKafkaBatch } from './ingest-kafka-batch.handler';

const message = (offset: number, value: string | null = JSON.stringify({ id: `e-${offset}` })): KafkaIncomingMessage => ({
  key: null,
  value: value === null ? null : Buffer.from(value),
  headers: {},
  offset: String(offset),
  timestamp: '0',
});

/** A partition's batch as the consumer hands it over, recording what the handler does with it. */
function batchOf(messages: KafkaIncomingMessage[], options: { staleAfterSlices?: number } = {}) {
  const commits: KafkaTopicPartitionOffset[][] = [];
  let heartbeats = 0;
  const context: KafkaBatchContext = {
    batch: { topic: 'case-events', partition: 2, highWatermark: String(messages.length), messages },
    resolveOffset: () => undefined,
    commitOffsets: async (offsets) => {
      commits.push(offsets);
    },
    heartbeat: async () => {
      heartbeats++;
    },
    pause: () => () => undefined,
    isRunning: () => true,
    isStale: () => options.staleAfterSlices !== undefined && heartbeats >= options.staleAfterSlices,
  };
  return { context, commits };
}

/** Ingestion that accepts every event, except those whose CloudEvent id it is told to reject. */
function ingestion(rejected: string[] = []) {
  const calls: string[][] = [];
  const fake = {
    ingest: async (items: readonly IngestItem[]): Promise<IngestOutcome[]> => {
      calls.push(items.map((item) => (item.transport.kind === 'kafka' ? item.transport.offset : '?')));
      return items.map((item): IngestOutcome => {
        const id = (item.raw as { id: string }).id;
        return rejected.includes(id)
          ? { status: 'rejected', kind: 'invalid', id, source: null, errors: [{ path: 'type', problem: 'is required' }] }
          : { status: 'accepted', id, source: 'urn:test', position: null };
      });
    },
  };
  return { ingestion: fake as unknown as IngestEvents, calls };
}

function deadLetters() {
  const published: Poison[][] = [];
  const fake = {
    publish: async (poison: readonly Poison[]) => {
      published.push([...poison]);
      return poison.map((item) => ({ id: item.source.offset, reason: item.reason, errors: item.errors }));
    },
  };
  return { deadLetters: fake as unknown as DeadLetterPublisher, published };
}

const retry = { firstDelayMs: 1, maxDelayMs: 1 };

describe('IngestKafkaBatch', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose', 'fatal']));

  it('ingests a batch larger than a group commit in consecutive slices, in order, and commits its offset once after the last', async () => {
    const { ingestion: ingest, calls } = ingestion();
    const { deadLetters: letters } = deadLetters();
    const { context, commits } = batchOf([0, 1, 2, 3, 4].map((offset) => message(offset)));

    const tally = await new IngestKafkaBatch(ingest, letters, retry, { eventsPerCommit: 2 }).handle(context);

    expect(calls).toEqual([['0', '1'], ['2', '3'], ['4']]);
    expect(tally).toEqual({ accepted: 5, duplicate: 0, deadLettered: 0 });
    expect(commits).toEqual([[{ topic: 'case-events', partition: 2, offset: '5' }]]);
  });

  it('dead-letters the undecodable and rejected messages of every slice together, in offset order, before committing', async () => {
    const { ingestion: ingest } = ingestion(['e-3', 'e-0']);
    const { deadLetters: letters, published } = deadLetters();
    const { context, commits } = batchOf([message(0), message(1, '{not json'), message(2), message(3), message(4, null)]);

    const tally = await new IngestKafkaBatch(ingest, letters, retry, { eventsPerCommit: 2 }).handle(context);

    expect(published).toHaveLength(1);
    expect(published[0].map((poison) => [poison.source.offset, poison.reason])).toEqual([
      ['0', 'invalid'],
      ['1', 'undecodable'],
      ['3', 'invalid'],
      ['4', 'undecodable'],
    ]);
    expect(tally).toEqual({ accepted: 1, duplicate: 0, deadLettered: 4 });
    expect(commits).toHaveLength(1);
  });

  it('stops between slices, committing nothing, when the partition was taken away meanwhile', async () => {
    const { ingestion: ingest, calls } = ingestion();
    const { deadLetters: letters, published } = deadLetters();
    const { context, commits } = batchOf(
      [0, 1, 2, 3, 4].map((offset) => message(offset)),
      { staleAfterSlices: 1 },
    );

    const outcome = await new IngestKafkaBatch(ingest, letters, retry, { eventsPerCommit: 2 }).handle(context);

    expect(outcome).toBe('stale');
    expect(calls).toEqual([
      ['0', '1'],
      ['2', '3'],
    ]);
    expect(published).toEqual([]);
    expect(commits).toEqual([]);
  });
});
