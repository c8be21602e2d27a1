import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KafkaJsClient, kafkaClientOptionsFromEnv, type KafkaOutgoingMessage } from '@app/kafka';
import { DeadLetterCipher } from '../../apps/ingestor/src/dead-letters/dead-letter.cipher';
import { boardEstablished, caseEvent } from '../../apps/ingestor/src/testing/case-event.factory';
import { IngestorProcess, requireKafkaBrokers, waitFor } from '../../apps/ingestor/src/testing/ingestor-process';
import { countStored, sourceIdKey, storedEvents } from '../../apps/ingestor/src/testing/ledger-file';

const brokers = requireKafkaBrokers();
const EVENTS = 40_000;
const KILLS = 5;

describe('The Kafka ingestor killed while consuming', () => {
  const run = randomUUID().slice(0, 8);
  const folder = mkdtempSync(join(tmpdir(), 'ingestor-crash-'));
  const ledgerFile = join(folder, 'ledger.sqlite');
  const topic = `crash-${run}.case-events`;
  const client = new KafkaJsClient({
    ...kafkaClientOptionsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: 'ingestor-crash' }),
    logLevel: 'nothing',
  });
  const env = {
    KAFKA_BROKERS: brokers,
    LEDGER_SQLITE_FILE: ledgerFile,
    LEDGER_DEAD_LETTER_KEY: DeadLetterCipher.randomKeySetting(),
    INGESTOR_TOPICS: topic,
    INGESTOR_DEAD_LETTER_TOPIC: `${topic}.dead-letter`,
    INGESTOR_GROUP_ID: `crash-${run}`,
    // Small fetches: many batches, so a kill often falls between an append and its offset commit.
    INGESTOR_MAX_BYTES_PER_PARTITION: String(64 * 1024),
    INGESTOR_SESSION_TIMEOUT_MS: '6000',
  };

  const processes: IngestorProcess[] = [];
  function startIngestor(name: string): IngestorProcess {
    const ingestor = new IngestorProcess(env, join(folder, `ingestor-${name}.log`));
    processes.push(ingestor);
    ingestor.start();
    return ingestor;
  }

  afterAll(async () => {
    for (const ingestor of processes) await ingestor.stop('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  it('loses and duplicates nothing when SIGKILLed 5 times at random moments and restarted', async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, numPartitions: 3 }]);
    await admin.disconnect();

    const expected = new Set<string>();
    const messages: KafkaOutgoingMessage[] = [];
    for (let n = 0; n < EVENTS; n++) {
      const event = caseEvent(n, { run });
      expected.add(sourceIdKey(event.source, event.id));
      messages.push({ key: event.id, value: Buffer.from(JSON.stringify(event)) });
    }
    const producer = client.producer({ idempotent: true });
    await producer.connect();
    const board = boardEstablished(run);
    await producer.send({ topic, messages: [{ key: board.id, value: Buffer.from(JSON.stringify(board)) }] });

    const storedAtKill: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const ingestor = startIngestor(String(kill));
      const before = countStored(ledgerFile);
      await ingestor.waitForLog('"msg":"Consuming"');
      if (kill === 0) {
        // The board must be known before its case events arrive, or they are dead-lettered as unknown-board.
        await waitFor('the board to be established', () => countStored(ledgerFile, "type = 'BoardEstablished'") === 1, 60_000);
        for (let i = 0; i < messages.length; i += 500) await producer.send({ topic, messages: messages.slice(i, i + 500) });
      }
      // A random moment while consuming: once the store holds a random number of new events, never
      // so far on that the topic could be drained first (a fast machine stores thousands a second).
      const target = Math.min(EVENTS - 8_000, before + 500 + Math.floor(Math.random() * 4_000));
      await waitFor('the ingestor to store up to the kill point', () => countStored(ledgerFile) >= target, 60_000);
      await ingestor.stop('SIGKILL');
      storedAtKill.push(countStored(ledgerFile));
    }
    await producer.disconnect();
    expect(storedAtKill[KILLS - 1]).toBeLessThan(EVENTS);

    const last = startIngestor('last');
    await waitFor('every event to be stored', () => countStored(ledgerFile) >= EVENTS, 240_000);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    // Nest re-raises SIGTERM once its shutdown hooks have run, so the proof of a clean stop is the log.
    await last.stop('SIGTERM');
    expect(last.output).toContain('"msg":"Stopped"');
    process.stderr.write(`stored when killed: ${storedAtKill.join(', ')} of ${EVENTS}\n`);

    const stored = storedEvents(ledgerFile);
    expect(stored.rows).toBe(EVENTS);
    expect(stored.distinct).toBe(EVENTS);
    expect([...expected].filter((key) => !stored.keys.has(key))).toEqual([]);
  }, 600_000);
});
