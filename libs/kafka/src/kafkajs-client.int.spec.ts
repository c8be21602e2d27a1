import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KafkaTopicMismatch } from './kafka.errors';
import { KafkaAdmin, KafkaBatchContext, KafkaClient, KafkaConsumer, KafkaGroupJoin, KafkaLogEntry, nextOffset } from './kafka-client.port';
import { kafkaClientOptionsFromEnv } from './kafka-config';
import { KafkaJsClient } from './kafkajs-client';

const brokers = process.env.KAFKA_BROKERS;
if (!brokers) {
  throw new Error(
    'KAFKA_BROKERS is not set: this test needs a real broker. Start one with `bash scripts/services/kafka.sh up` ' +
      'and pass `KAFKA_BROKERS=$(bash scripts/services/kafka.sh env | cut -d= -f2)`, or run through scripts/with-services.sh',
  );
}

const TOTAL = 300;
const FIRST_PHASE = 150;
const PARTITIONS = [0, 1, 2];
const fastGroup = { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 200 };

interface Processed {
  member: string;
  seq: number;
  partition: number;
  offset: string;
}

async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function seqOf(value: Buffer | null): number {
  return (JSON.parse(String(value)) as { seq: number }).seq;
}

describe('KafkaJsClient against a real broker', () => {
  const logs: KafkaLogEntry[] = [];
  const client: KafkaClient = new KafkaJsClient(
    { ...kafkaClientOptionsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: 'kafka-smoke-test' }), logLevel: 'warn' },
    (entry) => logs.push(entry),
  );
  const run = randomUUID().slice(0, 8);
  const topic = `smoke.case-events.${run}`;
  const groupId = `smoke-ingestor-${run}`;
  const admin: KafkaAdmin = client.admin();
  const openConsumers = new Set<KafkaConsumer>();

  async function startMember(
    member: string,
    handle: (context: KafkaBatchContext) => Promise<void>,
    joins: KafkaGroupJoin[] = [],
  ): Promise<KafkaConsumer> {
    const consumer = client.consumer({ groupId, ...fastGroup });
    openConsumers.add(consumer);
    consumer.onGroupJoin((join) => joins.push(join));
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({ eachBatch: handle, partitionsConsumedConcurrently: 3 });
    return consumer;
  }

  async function stopMember(consumer: KafkaConsumer): Promise<void> {
    await consumer.disconnect();
    openConsumers.delete(consumer);
  }

  async function committed(): Promise<Record<number, string | null>> {
    const offsets = await admin.fetchCommittedOffsets(groupId, [topic]);
    return Object.fromEntries(offsets.map(({ partition, offset }) => [partition, offset]));
  }

  async function endOffsets(): Promise<Record<number, string>> {
    const offsets = await admin.fetchTopicOffsets(topic);
    return Object.fromEntries(offsets.map(({ partition, high }) => [partition, high]));
  }

  beforeAll(async () => {
    await admin.connect();
  });

  afterAll(async () => {
    await Promise.allSettled([...openConsumers].map((consumer) => consumer.disconnect()));
    await admin.deleteTopics([topic]).catch(() => undefined);
    await admin.disconnect();
  });

  it('creates a three-partition topic once and rejects a different partition count', async () => {
    expect(await admin.ensureTopics([{ topic, numPartitions: 3 }])).toEqual([topic]);
    expect(await admin.ensureTopics([{ topic, numPartitions: 3 }])).toEqual([]);
    expect(await admin.listTopics()).toContain(topic);
    await expect(admin.ensureTopics([{ topic, numPartitions: 4 }])).rejects.toBeInstanceOf(KafkaTopicMismatch);
    expect(await endOffsets()).toEqual({ 0: '0', 1: '0', 2: '0' });
  });

  it('produces 300 keyed messages with headers over all three partitions', async () => {
    const producer = client.producer({ idempotent: true });
    await producer.connect();
    try {
      for (let start = 0; start < TOTAL; start += 50) {
        const messages = Array.from({ length: 50 }, (_, i) => {
          const seq = start + i;
          return {
            key: `child-${seq % 40}`,
            value: Buffer.from(JSON.stringify({ seq })),
            headers: { 'ce-id': `event-${seq}`, 'content-type': 'application/cloudevents+json' },
          };
        });
        const metadata = await producer.send({ topic, messages });
        expect(metadata.every((record) => record.topic === topic && BigInt(record.baseOffset) >= 0n)).toBe(true);
      }
    } finally {
      await producer.disconnect();
    }
    const ends = await endOffsets();
    expect(PARTITIONS.reduce((sum, partition) => sum + Number(ends[partition]), 0)).toBe(TOTAL);
    for (const partition of PARTITIONS) expect(Number(ends[partition])).toBeGreaterThan(0);
  });

  it('splits the partitions between two members, commits only explicitly and processes no message twice', async () => {
    const processed: Processed[] = [];
    const mangled: number[] = [];
    const commitsOfA: Record<number, string> = {};
    const pausedByA = new Set<number>();
    let secondPhase = false;

    const handle =
      (member: string) =>
      async ({ batch, resolveOffset, commitOffsets, heartbeat, pause }: KafkaBatchContext): Promise<void> => {
        let last: string | undefined;
        let reachedSecondPhase = false;
        for (const message of batch.messages) {
          const seq = seqOf(message.value);
          if (!secondPhase && seq >= FIRST_PHASE) {
            reachedSecondPhase = true;
            pause();
            break;
          }
          if (message.headers['ce-id']?.toString() !== `event-${seq}` || message.key?.toString() !== `child-${seq % 40}`) {
            mangled.push(seq);
          }
          processed.push({ member, seq, partition: batch.partition, offset: message.offset });
          resolveOffset(message.offset);
          last = message.offset;
        }
        if (last !== undefined) {
          const offset = nextOffset(last);
          await commitOffsets([{ topic, partition: batch.partition, offset }]);
          if (member === 'A') commitsOfA[batch.partition] = offset;
        }
        if (reachedSecondPhase) pausedByA.add(batch.partition);
        await heartbeat();
      };

    const joinsOfA: KafkaGroupJoin[] = [];
    const joinsOfB: KafkaGroupJoin[] = [];
    const memberA = await startMember('A', handle('A'), joinsOfA);
    await waitFor('member A to stop at the first second-phase message of every partition', () => pausedByA.size === 3);
    expect(processed.map(({ seq }) => seq).sort((a, b) => a - b)).toEqual(Array.from({ length: FIRST_PHASE }, (_, i) => i));
    expect(joinsOfA.at(-1)?.assignment[topic]).toEqual(PARTITIONS);
    expect(await committed()).toEqual(commitsOfA);

    secondPhase = true;
    const memberB = await startMember('B', handle('B'), joinsOfB);
    await waitFor('both members to join one generation with disjoint assignments', () => {
      const a = joinsOfA.at(-1)?.assignment[topic] ?? [];
      const b = joinsOfB.at(-1)?.assignment[topic] ?? [];
      return joinsOfA.length >= 2 && b.length > 0 && a.length > 0 && [...a, ...b].sort().join() === PARTITIONS.join();
    });
    memberA.resume([{ topic }]);
    await waitFor('all 300 messages to be processed', () => processed.length >= TOTAL);
    const ends = await endOffsets();
    await waitFor('the committed offsets to reach the end of every partition', async () => {
      const offsets = await committed();
      return PARTITIONS.every((partition) => offsets[partition] === ends[partition]);
    });
    await Promise.all([stopMember(memberA), stopMember(memberB)]);

    const bySeq = new Map<number, string[]>();
    for (const { seq, member } of processed) bySeq.set(seq, [...(bySeq.get(seq) ?? []), member]);
    expect(mangled).toEqual([]);
    expect(bySeq.size).toBe(TOTAL);
    expect([...bySeq].filter(([, members]) => members.length > 1)).toEqual([]);
    const ofB = processed.filter(({ member }) => member === 'B');
    expect(ofB.length).toBeGreaterThan(0);
    expect(ofB.every(({ seq }) => seq >= FIRST_PHASE)).toBe(true);
    const partitionsOfB = new Set(ofB.map(({ partition }) => partition));
    expect(processed.filter(({ member, seq, partition }) => member === 'A' && seq >= FIRST_PHASE && partitionsOfB.has(partition))).toEqual(
      [],
    );
  });

  it('redelivers uncommitted messages to a restarted member and never the committed ones', async () => {
    const before = await endOffsets();
    const producer = client.producer();
    await producer.connect();
    await producer.send({
      topic,
      messages: Array.from({ length: 30 }, (_, i) => ({
        key: `child-${i}`,
        value: Buffer.from(JSON.stringify({ seq: TOTAL + i })),
      })),
    });
    await producer.disconnect();
    const expectedNew = Array.from({ length: 30 }, (_, i) => TOTAL + i);

    const seenWithoutCommit: number[] = [];
    const forgetful = await startMember('C', async ({ batch, resolveOffset }) => {
      for (const message of batch.messages) {
        seenWithoutCommit.push(seqOf(message.value));
        resolveOffset(message.offset);
      }
    });
    await waitFor('member C to read the 30 new messages', () => seenWithoutCommit.length >= 30);
    await stopMember(forgetful);
    expect(seenWithoutCommit.sort((a, b) => a - b)).toEqual(expectedNew);
    expect(await committed()).toEqual(before);

    const seenAfterRestart: number[] = [];
    const restarted = await startMember('D', async ({ batch, resolveOffset, commitOffsets }) => {
      for (const message of batch.messages) {
        seenAfterRestart.push(seqOf(message.value));
        resolveOffset(message.offset);
      }
      const last = batch.messages[batch.messages.length - 1];
      await commitOffsets([{ topic, partition: batch.partition, offset: nextOffset(last.offset) }]);
    });
    const ends = await endOffsets();
    await waitFor('member D to commit up to the end of every partition', async () => {
      const offsets = await committed();
      return PARTITIONS.every((partition) => offsets[partition] === ends[partition]);
    });
    await stopMember(restarted);
    expect(seenAfterRestart.sort((a, b) => a - b)).toEqual(expectedNew);
  });

  const kcat = spawnSync('sh', ['-c', 'command -v kcat'], { encoding: 'utf8' }).stdout.trim();
  const kcatReasonFile = join(__dirname, '../../../.local/kafka/kcat-unavailable');
  if (!kcat) {
    const reason = existsSync(kcatReasonFile) ? readFileSync(kcatReasonFile, 'utf8').trim() : 'kcat is not on PATH';
    process.stderr.write(`Skipping the kcat interoperability test: ${reason}\n`);
  }
  (kcat ? it : it.skip)('reads messages that kcat produced, with their keys and headers', async () => {
    const kcatTopic = `smoke.kcat.${run}`;
    await admin.ensureTopics([{ topic: kcatTopic, numPartitions: 3 }]);
    try {
      const lines = Array.from({ length: 10 }, (_, i) => `child-${i}|${JSON.stringify({ seq: i })}`).join('\n');
      execFileSync(kcat, ['-P', '-b', brokers, '-t', kcatTopic, '-K', '|', '-H', 'source=kcat'], { input: `${lines}\n` });

      const received: { key: string; seq: number; source: string }[] = [];
      const consumer = client.consumer({ groupId: `smoke-kcat-${run}`, ...fastGroup });
      openConsumers.add(consumer);
      await consumer.connect();
      await consumer.subscribe({ topics: [kcatTopic], fromBeginning: true });
      await consumer.run({
        eachBatch: async ({ batch, resolveOffset, commitOffsets }) => {
          for (const message of batch.messages) {
            received.push({
              key: String(message.key),
              seq: seqOf(message.value),
              source: String(message.headers.source),
            });
            resolveOffset(message.offset);
          }
          const last = batch.messages[batch.messages.length - 1];
          await commitOffsets([{ topic: kcatTopic, partition: batch.partition, offset: nextOffset(last.offset) }]);
        },
      });
      await waitFor('the 10 kcat messages', () => received.length >= 10);
      await stopMember(consumer);
      expect(received.sort((a, b) => a.seq - b.seq)).toEqual(
        Array.from({ length: 10 }, (_, i) => ({ key: `child-${i}`, seq: i, source: 'kcat' })),
      );
    } finally {
      await admin.deleteTopics([kcatTopic]).catch(() => undefined);
    }
  });
});
