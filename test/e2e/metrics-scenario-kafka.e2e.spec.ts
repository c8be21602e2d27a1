import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { KafkaJsClient, kafkaClientOptionsFromEnv } from '@app/kafka';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { IngestorProcess, requireKafkaBrokers } from '../../apps/ingestor/src/testing/ingestor-process';
import { GovernanceApi } from '../../libs/governance/src/testing/governance-api';
import { authenticateAsAdmin } from '../../libs/security/src/testing/authenticate-as-admin';
import { CloudEventFactory } from './support/cloud-events';
import { expectHandWorkedFigures, handWorkedQuarter } from './support/hand-worked-quarter';

const SECRET = `hex:${'7c'.repeat(32)}`;

/** The Kafka key case systems use: the child's identifier (the first, for several), else the local authority. */
function partitionKey(data: Record<string, unknown>): string {
  const child = data.childId ?? (Array.isArray(data.childIds) ? data.childIds[0] : undefined);
  return String(child ?? data.localAuthority);
}

/**
 * The hand-worked quarter again, the way case systems send it: the board's own facts over HTTP,
 * every case fact as a CloudEvent on Kafka, consumed by the real ingestor process writing to the
 * same embedded store. The figures must be the ones worked by hand.
 */
describe('Core metrics of the hand-worked quarter, case facts ingested from Kafka', () => {
  const brokers = requireKafkaBrokers();
  const run = randomUUID().slice(0, 8);
  const topic = `e2e-${run}.case-events`;
  const ce = new CloudEventFactory();
  const { board, cases, expected } = handWorkedQuarter(ce);
  const client = new KafkaJsClient({
    ...kafkaClientOptionsFromEnv({ KAFKA_BROKERS: brokers, KAFKA_CLIENT_ID: 'scenario-e2e' }),
    logLevel: 'nothing',
  });
  let api: GovernanceApi;
  let ingestor: IngestorProcess;

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '--silent'], { cwd: join(__dirname, '..', '..'), stdio: 'ignore' });
    process.env.LEDGER_PSEUDONYMISATION_SECRET = SECRET;
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    const answer = await api.post('/v1/events', JSON.stringify(board), { 'content-type': 'application/cloudevents-batch+json' });
    expect(answer.body).toEqual({ accepted: board.length, duplicates: 0, rejected: [] });

    const admin = client.admin();
    await admin.connect();
    await admin.ensureTopics([{ topic, numPartitions: 3 }]);
    await admin.disconnect();
    ingestor = new IngestorProcess(
      {
        KAFKA_BROKERS: brokers,
        LEDGER_SQLITE_FILE: process.env.LEDGER_SQLITE_FILE!,
        LEDGER_PSEUDONYMISATION_SECRET: SECRET,
        LEDGER_DEAD_LETTER_KEY: `hex:${'8d'.repeat(32)}`,
        INGESTOR_TOPICS: topic,
        INGESTOR_DEAD_LETTER_TOPIC: `${topic}.dead-letter`,
        INGESTOR_GROUP_ID: `scenario-${run}`,
        LOG_LEVEL: 'info',
      },
      join(process.env.LEDGER_SQLITE_FILE!, '..', 'ingestor.log'),
    );
    ingestor.start();
    await ingestor.waitForLog('"msg":"Consuming"');

    const headBefore = await api.head();
    const producer = client.producer({ idempotent: true });
    await producer.connect();
    // Keyed by child, as case systems partition: each child's facts stay in order on one partition.
    await producer.send({
      topic,
      messages: cases.map((event) => ({
        key: Buffer.from(partitionKey(event.data)),
        value: Buffer.from(JSON.stringify(event)),
        headers: { 'content-type': 'application/cloudevents+json' },
      })),
    });
    await producer.disconnect();
    const deadline = Date.now() + 60_000;
    while ((await api.head()) < headBefore + cases.length) {
      if (Date.now() > deadline) throw new Error('the ingestor did not store every case event');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await api.projectionsCaughtUp();
  }, 180_000);

  afterAll(async () => {
    await ingestor?.stop('SIGTERM');
    await api?.stop();
    delete process.env.LEDGER_PSEUDONYMISATION_SECRET;
  });

  it('answers every core metric with the hand-worked figures', async () => {
    const { status, body } = await api.get('/v1/boards/test-board/metrics?period=2025-26-Q1');
    expect(status).toBe(200);
    expectHandWorkedFigures(body.metrics, expected);
  });

  it('traces each conference unit to the Kafka topic, partition and offset it came from', async () => {
    const { body } = await api.get('/v1/boards/test-board/metrics/CP-ICPC-15WD/lineage?period=2025-26-Q1');
    const items = body.items as Array<{
      events: Array<{ type: string; transport: { kind: string; topic?: string; partition?: number; offset?: string } }>;
    }>;
    expect(items).toHaveLength(4);
    for (const item of items) {
      for (const event of item.events) {
        expect(event.transport).toEqual({ kind: 'kafka', topic, partition: expect.any(Number), offset: expect.stringMatching(/^\d+$/) });
      }
    }
  });
});
