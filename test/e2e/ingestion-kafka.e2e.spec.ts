import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  KafkaJsClient,
  kafkaClientOptionsFromEnv,
  type KafkaIncomingMessage,
  type KafkaOutgoingMessage,
  type KafkaProducer,
} from '@app/kafka';
import { DeadLetterCipher } from '../../apps/ingestor/src/dead-letters/dead-letter.cipher';
import { openOriginal, type DeadLetter } from '../../apps/ingestor/src/dead-letters/dead-letter.record';
import { DeadLetters } from '../../apps/ingestor/src/dead-letters/dead-letters.service';
import {
  UNCOVERED_LOCAL_AUTHORITY,
  binaryMode,
  boardEstablished,
  caseEvent,
  type CloudEventJson,
} from '../../apps/ingestor/src/testing/case-event.factory';
import { IngestorProcess, requireKafkaBrokers, waitFor } from '../../apps/ingestor/src/testing/ingestor-process';
import { countStored, sourceIdKey, storedEvents } from '../../apps/ingestor/src/testing/ledger-file';

const brokers = requireKafkaBrokers();

const TOTAL = 20_000;
const DUPLICATES = 1_000;
const MALFORMED = 1_000;
const CONFLICTS = 50;
const VALID = TOTAL - DUPLICATES - MALFORMED - CONFLICTS;
const PLANTED = 1_000;

const MALFORMED_KINDS = [
  'bad-json',
  'wrong-specversion',
  'missing-fields',
  'impossible-date',
  'future-date',
  'unknown-type',
  'unknown-local-authority',
  'binary-bad-json',
  'over-size',
] as const;
type MalformedKind = (typeof MALFORMED_KINDS)[number];

interface Produced {
  message: KafkaOutgoingMessage;
  /** What the message must become: stored once, or dead-lettered for this reason. */
  expect: { stored: string } | { deadLetter: 'undecodable' | 'invalid' | 'unknown-board' | 'conflict' };
  kind: string;
}

function structured(event: CloudEventJson | string, key: string): KafkaOutgoingMessage {
  return { key, value: Buffer.from(typeof event === 'string' ? event : JSON.stringify(event)) };
}

function malformed(kind: MalformedKind, n: number, run: string, child: string): Produced {
  const event = caseEvent(n, { run: `${run}-bad`, children: [child, `${child}-sibling`] });
  const key = event.id;
  const data = event.data;
  const dateField = Object.keys(data).find((field) => field.endsWith('On'));
  switch (kind) {
    case 'bad-json':
      return { kind, message: structured(JSON.stringify(event).slice(0, -7), key), expect: { deadLetter: 'undecodable' } };
    case 'wrong-specversion':
      return { kind, message: structured({ ...event, specversion: '0.3' }, key), expect: { deadLetter: 'invalid' } };
    case 'missing-fields': {
      const { source: _source, ...withoutSource } = event;
      return { kind, message: structured(withoutSource as CloudEventJson, key), expect: { deadLetter: 'invalid' } };
    }
    case 'impossible-date':
      return {
        kind,
        message: structured({ ...event, data: { ...data, [dateField!]: '2025-02-30' } }, key),
        expect: { deadLetter: 'invalid' },
      };
    case 'future-date':
      return {
        kind,
        message: structured({ ...event, data: { ...data, [dateField!]: '2999-01-01' } }, key),
        expect: { deadLetter: 'invalid' },
      };
    case 'unknown-type':
      return { kind, message: structured({ ...event, type: 'safeguarding.ChildAdopted.v1' }, key), expect: { deadLetter: 'invalid' } };
    case 'unknown-local-authority':
      return {
        kind,
        message: structured({ ...event, data: { ...data, localAuthority: UNCOVERED_LOCAL_AUTHORITY } }, key),
        expect: { deadLetter: 'unknown-board' },
      };
    case 'binary-bad-json': {
      const { headers, value } = binaryMode(event);
      return { kind, message: { key, headers, value: value.subarray(0, value.length - 3) }, expect: { deadLetter: 'undecodable' } };
    }
    case 'over-size':
      return {
        kind,
        message: structured({ ...event, data: { ...data, padding: 'x'.repeat(260 * 1024) } }, key),
        expect: { deadLetter: 'undecodable' },
      };
  }
}

/** Every file of the folder (the SQLite file, its WAL and shared memory) as bytes. */
function folderBytes(folder: string): Buffer {
  return Buffer.concat(readdirSync(folder).map((name) => readFileSync(join(folder, name))));
}

describe('The Kafka ingestor against a real broker', () => {
  const run = randomUUID().slice(0, 8);
  const folder = mkdtempSync(join(tmpdir(), 'ingestor-e2e-'));
  const storeFolder = join(folder, 'store');
  const ledgerFile = join(storeFolder, 'ledger.sqlite');
  const logFile = join(folder, 'ingestor.log');
  const caseTopic = `e2e-${run}.case-events`;
  const boardTopic = `e2e-${run}.board-events`;
  const deadLetterTopic = `e2e-${run}.case-events.dead-letter`;
  const keySetting = DeadLetterCipher.randomKeySetting();
  const cipher = DeadLetterCipher.fromSetting(keySetting);
  const client = new KafkaJsClient({
    ...kafkaClientOptionsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: 'ingestor-e2e' }),
    logLevel: 'nothing',
  });
  const producer: KafkaProducer = client.producer({ idempotent: true });
  const ingestor = new IngestorProcess(
    {
      KAFKA_BROKERS: brokers,
      LEDGER_SQLITE_FILE: ledgerFile,
      LEDGER_DEAD_LETTER_KEY: keySetting,
      INGESTOR_TOPICS: `${caseTopic},${boardTopic}`,
      INGESTOR_DEAD_LETTER_TOPIC: deadLetterTopic,
      INGESTOR_GROUP_ID: `e2e-${run}`,
      INGESTOR_SESSION_TIMEOUT_MS: '10000',
      LOG_LEVEL: 'debug',
    },
    logFile,
  );
  const planted = Array.from({ length: PLANTED }, (_, i) => `PLANTED-${randomBytes(6).toString('hex')}-CHILD-${i}`);
  const produced: Produced[] = [];

  /** Sends in requests of at most 500 messages and 512 KiB (the broker refuses record batches over 1 MiB). */
  async function send(topic: string, messages: KafkaOutgoingMessage[]): Promise<void> {
    let chunk: KafkaOutgoingMessage[] = [];
    let bytes = 0;
    for (const message of messages) {
      if (chunk.length > 0 && (chunk.length === 500 || bytes + message.value.length > 512 * 1024)) {
        await producer.send({ topic, messages: chunk });
        chunk = [];
        bytes = 0;
      }
      chunk.push(message);
      bytes += message.value.length;
    }
    if (chunk.length > 0) await producer.send({ topic, messages: chunk });
  }

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([
      { topic: caseTopic, numPartitions: 3 },
      { topic: boardTopic, numPartitions: 1 },
      { topic: deadLetterTopic, numPartitions: 3 },
    ]);
    await admin.disconnect();
    await producer.connect();
    ingestor.start();
    await ingestor.waitForLog('"msg":"Consuming"');
    const board = boardEstablished(run);
    await send(boardTopic, [structured(board, board.id)]);
    await waitFor('the board to be established', () => countStored(ledgerFile, "type = 'BoardEstablished'") === 1, 60_000);
  }, 180_000);

  afterAll(async () => {
    await producer.disconnect();
    await ingestor.stop('SIGTERM');
    rmSync(folder, { recursive: true, force: true });
  });

  it('stores every valid event once and dead-letters every malformed or conflicting one, without crashing', async () => {
    const valid: CloudEventJson[] = [];
    const PLANTED_IN_VALID = 700;
    for (let n = 0; n < VALID; n++) {
      const child = n % 25 === 0 && n / 25 < PLANTED_IN_VALID ? planted[n / 25] : `child-${run}-${n}`;
      const event = caseEvent(n, { run, children: [child, `${child}-sibling`] });
      valid.push(event);
      const message = n % 4 === 0 ? { key: event.id, ...binaryMode(event) } : structured(event, event.id);
      produced.push({ kind: 'valid', message, expect: { stored: sourceIdKey(event.source, event.id) } });
    }
    for (let i = 0; i < MALFORMED; i++) {
      const child = i % 3 === 0 && i / 3 < PLANTED - PLANTED_IN_VALID ? planted[PLANTED_IN_VALID + i / 3] : `child-${run}-bad-${i}`;
      produced.push(malformed(MALFORMED_KINDS[i % MALFORMED_KINDS.length], i, run, child));
    }
    const firstBatch = produced.slice();
    const shuffled = firstBatch.sort(() => Math.random() - 0.5);
    await send(
      caseTopic,
      shuffled.map((item) => item.message),
    );
    await waitFor('the first valid events to be stored', () => countStored(ledgerFile) === VALID, 180_000);

    const again: Produced[] = [];
    for (let i = 0; i < DUPLICATES; i++) {
      const original = produced[(i * 7) % VALID];
      again.push({ kind: 'duplicate', message: original.message, expect: original.expect });
    }
    for (let i = 0; i < CONFLICTS; i++) {
      const original = valid[i * 13];
      const dateField = Object.keys(original.data).find((field) => field.endsWith('On'))!;
      const changed = { ...original, data: { ...original.data, [dateField]: '2025-06-10' } };
      again.push({ kind: 'conflict', message: structured(changed, original.id), expect: { deadLetter: 'conflict' } });
    }
    await send(
      caseTopic,
      again.map((item) => item.message),
    );
    produced.push(...again);
    expect(produced).toHaveLength(TOTAL);

    const deadLetters = new DeadLetters(client, deadLetterTopic, cipher);
    let listed: DeadLetter[] = [];
    await waitFor(
      'every malformed and conflicting message to be dead-lettered',
      async () => (listed = await deadLetters.list()).length >= MALFORMED + CONFLICTS,
      180_000,
    );

    const stored = storedEvents(ledgerFile);
    const expectedStored = new Set(produced.flatMap((item) => ('stored' in item.expect ? [item.expect.stored] : [])));
    expect(stored.rows).toBe(VALID);
    expect(stored.distinct).toBe(VALID);
    expect([...expectedStored].filter((key) => !stored.keys.has(key))).toEqual([]);

    expect(listed).toHaveLength(MALFORMED + CONFLICTS);
    const expectedByValue = new Map<string, Produced>();
    for (const item of produced) if ('deadLetter' in item.expect) expectedByValue.set(item.message.value.toString('base64'), item);
    const reasonsByKind = new Map<string, Set<string>>();
    for (const deadLetter of listed) {
      expect(deadLetter.errors.length).toBeGreaterThan(0);
      const original = openOriginal(cipher, deadLetter);
      const item = expectedByValue.get(original.value?.toString('base64') ?? '');
      expect(item).toBeDefined();
      expect(deadLetter.reason).toBe((item!.expect as { deadLetter: string }).deadLetter);
      reasonsByKind.set(item!.kind, (reasonsByKind.get(item!.kind) ?? new Set()).add(deadLetter.reason));
    }
    expect([...reasonsByKind.keys()].sort()).toEqual([...MALFORMED_KINDS, 'conflict'].sort());

    expect(ingestor.running).toBe(true);
    expect(ingestor.output).not.toContain('The consumer crashed');
  }, 600_000);

  it('ingests messages produced by kcat in structured and in binary mode', () => {
    const kcat = spawnSync('kcat', ['-V'], { encoding: 'utf8' });
    if (kcat.status !== 0)
      throw new Error(`kcat is not installed (bash scripts/services/kafka.sh up installs it): ${kcat.error?.message ?? kcat.stderr}`);
    const structuredEvent = caseEvent(1, { run: `${run}-kcat-structured` });
    const binaryEvent = caseEvent(2, { run: `${run}-kcat-binary` });
    execFileSync('kcat', ['-P', '-b', brokers, '-t', caseTopic, '-K', '\t'], {
      input: `${structuredEvent.id}\t${JSON.stringify(structuredEvent)}\n`,
    });
    const { headers, value } = binaryMode(binaryEvent);
    execFileSync(
      'kcat',
      ['-P', '-b', brokers, '-t', caseTopic, ...Object.entries(headers).flatMap(([name, header]) => ['-H', `${name}=${header}`])],
      {
        input: `${value.toString('utf8')}\n`,
      },
    );
    return waitFor(
      'both kcat events to be stored',
      () => {
        const keys = storedEvents(ledgerFile).keys;
        return (
          keys.has(sourceIdKey(structuredEvent.source, structuredEvent.id)) && keys.has(sourceIdKey(binaryEvent.source, binaryEvent.id))
        );
      },
      60_000,
    );
  }, 120_000);

  it('never writes a planted child identifier to the store, the logs or the dead-letter topic', async () => {
    const raw: Buffer[] = [];
    const consumer = client.consumer({ groupId: `e2e-${run}-raw-reader`, maxWaitTimeMs: 100 });
    const offsets = await (async () => {
      const admin = client.admin();
      await admin.connect();
      const result = await admin.fetchTopicOffsets(deadLetterTopic);
      await admin.disconnect();
      return result;
    })();
    const total = offsets.reduce((sum, { low, high }) => sum + Number(BigInt(high) - BigInt(low)), 0);
    let seen = 0;
    await consumer.connect();
    await consumer.subscribe({ topics: [deadLetterTopic], fromBeginning: true });
    await consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages as KafkaIncomingMessage[]) {
          raw.push(
            message.key ?? Buffer.alloc(0),
            message.value ?? Buffer.alloc(0),
            ...Object.keys(message.headers).map((name) => Buffer.from(name)),
            ...Object.values(message.headers),
          );
          seen++;
        }
      },
    });
    await waitFor('the whole dead-letter topic', () => seen >= total, 60_000);
    await consumer.disconnect();
    expect(total).toBeGreaterThanOrEqual(MALFORMED + CONFLICTS);

    const deadLetterBytes = Buffer.concat(raw).toString('latin1');
    const storeBytes = folderBytes(storeFolder).toString('latin1');
    expect(existsSync(ledgerFile)).toBe(true);
    const logs = readFileSync(logFile).toString('latin1');
    expect(new Set(planted).size).toBe(PLANTED);
    const leaks = planted.flatMap((child) => [
      ...(storeBytes.includes(child) ? [`store: ${child}`] : []),
      ...(logs.includes(child) ? [`logs: ${child}`] : []),
      ...(deadLetterBytes.includes(child) ? [`dead letters: ${child}`] : []),
    ]);
    expect(leaks).toEqual([]);
    expect(storeBytes).toContain('cardiff-vale');
    expect(logs).toContain('Dead-lettered a message');
    expect(deadLetterBytes).toContain('"reason":"invalid"');
  }, 120_000);
});
