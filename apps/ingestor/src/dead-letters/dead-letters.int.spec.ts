import { randomUUID } from 'node:crypto';
import { KafkaJsClient, kafkaClientOptionsFromEnv, type KafkaIncomingMessage } from '@app/kafka';
import { requireKafkaBrokers, waitFor } from '../testing/ingestor-process';
import { DeadLetterCipher } from './dead-letter.cipher';
import { DeadLetterPublisher, type Poison } from './dead-letter.publisher';
import { REDRIVEN_FROM_HEADER } from './dead-letter.record';
import { DeadLetters } from './dead-letters.service';
import { UnknownDeadLetters } from './dead-letters.errors';

const brokers = requireKafkaBrokers();

describe('DeadLetters against a real broker', () => {
  const run = randomUUID().slice(0, 8);
  const sourceTopic = `dl-${run}.case-events`;
  const deadLetterTopic = `dl-${run}.case-events.dead-letter`;
  const client = new KafkaJsClient({
    ...kafkaClientOptionsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: 'dead-letters-test' }),
    logLevel: 'nothing',
  });
  const cipher = DeadLetterCipher.fromSetting(DeadLetterCipher.randomKeySetting());
  const deadLetters = new DeadLetters(client, deadLetterTopic, cipher);
  const producer = client.producer({ idempotent: true });

  function poison(offset: number, value: string, reason: Poison['reason']): Poison {
    const message: KafkaIncomingMessage = {
      key: Buffer.from(`key-${offset}`),
      value: Buffer.from(value),
      headers: offset % 2 === 0 ? { ce_specversion: Buffer.from('1.0'), ce_id: Buffer.from(`id-${offset}`) } : {},
      offset: String(offset),
      timestamp: '0',
    };
    return {
      source: { topic: sourceTopic, partition: 0, offset: String(offset) },
      message,
      reason,
      errors: [{ path: 'data.childId', problem: 'is required' }],
      cloudEvent: { id: null, source: null },
    };
  }

  beforeAll(async () => {
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([
      { topic: sourceTopic, numPartitions: 1 },
      { topic: deadLetterTopic, numPartitions: 2 },
    ]);
    await admin.disconnect();
    await producer.connect();
  });

  afterAll(() => producer.disconnect());

  it('lists dead letters once each, redrives the chosen ones to their source topic byte for byte, and no longer lists them', async () => {
    const publisher = new DeadLetterPublisher(producer, deadLetterTopic, cipher);
    const first = [poison(3, '{"not json', 'undecodable'), poison(4, '{"child":"LA-1"}', 'invalid'), poison(7, '{"x":1}', 'conflict')];
    await publisher.publish(first);
    await publisher.publish([first[1]]);

    const listed = await deadLetters.list();
    expect(listed.map((deadLetter) => [deadLetter.id, deadLetter.reason]).sort()).toEqual([
      [`${sourceTopic}/0/3`, 'undecodable'],
      [`${sourceTopic}/0/4`, 'invalid'],
      [`${sourceTopic}/0/7`, 'conflict'],
    ]);
    expect(listed.every((deadLetter) => deadLetter.errors[0].path === 'data.childId')).toBe(true);

    await expect(deadLetters.redrive([`${sourceTopic}/0/99`])).rejects.toThrow(UnknownDeadLetters);
    expect(await deadLetters.redrive([`${sourceTopic}/0/4`])).toEqual({ redriven: [`${sourceTopic}/0/4`] });
    expect((await deadLetters.list()).map((deadLetter) => deadLetter.id).sort()).toEqual([`${sourceTopic}/0/3`, `${sourceTopic}/0/7`]);
    expect(await deadLetters.list({ includeRedriven: true })).toHaveLength(3);
    expect((await deadLetters.redrive('all')).redriven.sort()).toEqual([`${sourceTopic}/0/3`, `${sourceTopic}/0/7`]);
    expect(await deadLetters.list()).toEqual([]);

    const republished: KafkaIncomingMessage[] = [];
    const consumer = client.consumer({ groupId: `dl-${run}-reader`, maxWaitTimeMs: 100 });
    await consumer.connect();
    await consumer.subscribe({ topics: [sourceTopic], fromBeginning: true });
    await consumer.run({ eachBatch: async ({ batch }) => void republished.push(...batch.messages) });
    await waitFor('the three redriven messages', () => republished.length >= 3, 30_000);
    await consumer.disconnect();
    const byKey = new Map(republished.map((message) => [message.key?.toString(), message]));
    for (const item of first) {
      const again = byKey.get(item.message.key?.toString());
      expect(again?.value).toEqual(item.message.value);
      const { [REDRIVEN_FROM_HEADER]: from, ...headers } = again?.headers ?? {};
      expect(headers).toEqual(item.message.headers);
      expect(from?.toString()).toBe(`${sourceTopic}/0/${item.message.offset}`);
    }
  }, 120_000);
});
