import Database from 'better-sqlite3';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';
import { GovernanceApi } from '../../libs/governance/src/testing/governance-api';
import { CloudEventFactory } from './support/cloud-events';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What the board knew when it reported: Q1 figures noted at instant T stay exactly what they
 * were when asked "as known at T", after late records and corrections have changed today's figures.
 */
describe('As known at: answers from the log as it was at an instant', () => {
  let api: GovernanceApi;
  const ce = new CloudEventFactory();

  const send = async (events: unknown[]) => {
    const answer = await api.post('/v1/events', JSON.stringify(events), { 'content-type': 'application/cloudevents-batch+json' });
    expect(answer.body).toMatchObject({ rejected: [] });
    await api.projectionsCaughtUp();
  };

  const text = async (path: string) => (await fetch(`${api.url}${path}`)).text();

  beforeAll(async () => {
    process.env.LEDGER_PSEUDONYMISATION_SECRET = `hex:${'6b'.repeat(32)}`;
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
  });

  afterAll(async () => {
    await api.stop();
    delete process.env.LEDGER_PSEUDONYMISATION_SECRET;
  });

  it('keeps the Q1 figures and lineage known at T, byte for byte, after late records and corrections change today’s', async () => {
    await send([
      ce.board('BoardEstablished', {
        name: 'Test Board',
        establishedOn: '2023-01-01',
        localAuthorities: ['W06000015'],
        partners: [{ partnerId: 'council', name: 'The Council', kind: 'local-authority', statutory: true }],
      }),
      ce.case('StrategyDiscussionHeld', {
        strategyDiscussionId: 'sd-1',
        childIds: ['CHILD-A', 'CHILD-B'],
        heldOn: '2025-05-02',
        decision: 'child-protection-enquiry',
      }),
      ce.case('InitialChildProtectionConferenceHeld', {
        conferenceId: 'icpc-1',
        childIds: ['CHILD-A', 'CHILD-B'],
        heldOn: '2025-05-20',
        strategyDiscussionId: 'sd-1',
        outcomes: [
          { childId: 'CHILD-A', registered: true },
          { childId: 'CHILD-B', registered: true },
        ],
      }),
      ce.case('ReferralReceived', { referralId: 'r-1', childId: 'CHILD-A', receivedOn: '2025-04-10' }),
      ce.case('ReferralReceived', { referralId: 'r-2', childId: 'CHILD-C', receivedOn: '2025-05-10' }),
    ]);
    await sleep(20);
    const t = new Date().toISOString();
    await sleep(20);

    const metricsPath = `/v1/boards/test-board/metrics?period=2025-26-Q1&asKnownAt=${t}`;
    const lineagePath = `/v1/boards/test-board/metrics/CP-ICPC-15WD/lineage?period=2025-26-Q1&asKnownAt=${t}`;
    const current = await api.get('/v1/boards/test-board/metrics?period=2025-26-Q1');
    const knownAtT = await text(metricsPath);
    const lineageAtT = await text(lineagePath);
    const figures = (body: { metrics: Array<{ code: string; value: unknown; numerator: unknown; denominator: unknown }> }) =>
      body.metrics.map(({ code, value, numerator, denominator }) => ({ code, value, numerator, denominator }));
    expect(figures(JSON.parse(knownAtT))).toEqual(figures(current.body as never));
    expect(JSON.parse(knownAtT).metrics.find((m: { code: string }) => m.code === 'CP-ICPC-15WD')).toMatchObject({
      numerator: 2,
      denominator: 2,
    });

    // Late and corrected records for Q1: the strategy discussion was really on 2025-04-01 (so the
    // conference was late), a third child was at the conference, and a late referral arrives.
    await send([
      ce.case('StrategyDiscussionHeld', {
        strategyDiscussionId: 'sd-1',
        childIds: ['CHILD-A', 'CHILD-B', 'CHILD-C'],
        heldOn: '2025-04-01',
        decision: 'child-protection-enquiry',
      }),
      ce.case('InitialChildProtectionConferenceHeld', {
        conferenceId: 'icpc-1',
        childIds: ['CHILD-A', 'CHILD-B', 'CHILD-C'],
        heldOn: '2025-05-20',
        strategyDiscussionId: 'sd-1',
        outcomes: [
          { childId: 'CHILD-A', registered: true },
          { childId: 'CHILD-B', registered: true },
          { childId: 'CHILD-C', registered: false },
        ],
      }),
      ce.case('ReferralReceived', { referralId: 'r-3', childId: 'CHILD-C', receivedOn: '2025-06-01' }),
    ]);

    const now = await api.get('/v1/boards/test-board/metrics?period=2025-26-Q1');
    const icpcNow = (now.body.metrics as Array<{ code: string; numerator: number; denominator: number }>).find(
      (m) => m.code === 'CP-ICPC-15WD',
    );
    expect(icpcNow).toMatchObject({ numerator: 0, denominator: 3 });
    const rerefNow = (now.body.metrics as Array<{ code: string; numerator: number; denominator: number }>).find(
      (m) => m.code === 'CP-REREF-12M',
    );
    expect(rerefNow).toMatchObject({ numerator: 1, denominator: 3 });

    expect(await text(metricsPath)).toBe(knownAtT);
    expect(await text(lineagePath)).toBe(lineageAtT);
  });

  it('reports a row edited directly in the database at its position', async () => {
    const before = await api.get('/v1/audit/verification');
    expect(before.body).toMatchObject({ ok: true, firstBrokenPosition: null });
    const raw = new Database(process.env.LEDGER_SQLITE_FILE!);
    raw.prepare("UPDATE events SET data = json_set(data, '$.heldOn', '2025-05-01') WHERE position = 3").run();
    raw.close();
    const after = await api.get('/v1/audit/verification');
    expect(after.body).toMatchObject({ ok: false, firstBrokenPosition: 3 });
  });
});
