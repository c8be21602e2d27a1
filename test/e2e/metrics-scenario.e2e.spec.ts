import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';
import { GovernanceApi } from '../../libs/governance/src/testing/governance-api';
import { CloudEventFactory } from './support/cloud-events';
import { expectHandWorkedFigures, handWorkedQuarter } from './support/hand-worked-quarter';

/** The hand-worked quarter (support/hand-worked-quarter.ts), ingested as CloudEvents over HTTP. */
describe('Core metrics of a hand-worked scenario, ingested over HTTP', () => {
  let api: GovernanceApi;
  const ce = new CloudEventFactory();

  const { board, cases, expected, sd2Corrected, referralToRetract } = handWorkedQuarter(ce);

  beforeAll(async () => {
    process.env.LEDGER_PSEUDONYMISATION_SECRET = `hex:${'5a'.repeat(32)}`;
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    const answer = await api.post('/v1/events', JSON.stringify([...board, ...cases]), {
      'content-type': 'application/cloudevents-batch+json',
    });
    expect(answer.body).toEqual({ accepted: board.length + cases.length, duplicates: 0, rejected: [] });
    await api.projectionsCaughtUp();
  }, 60_000);

  afterAll(async () => {
    await api.stop();
    delete process.env.LEDGER_PSEUDONYMISATION_SECRET;
  });

  it('answers every core metric for the quarter with the hand-worked value, numerator and denominator', async () => {
    const { status, body } = await api.get('/v1/boards/test-board/metrics?period=2025-26-Q1');
    expect(status).toBe(200);
    const metrics = body.metrics as Array<{ code: string }>;
    expectHandWorkedFigures(metrics, expected);
    expect(metrics.map((m) => m.code)).not.toContain('ACC-STATUTORY-PUBLICATION');
  });

  it('gives the target status against the target set for the year: 0.5 misses 0.8 by more than 0.1, so red', async () => {
    const { body } = await api.get('/v1/boards/test-board/metrics/CP-ICPC-15WD?period=2025-26-Q1');
    expect(body.target).toEqual({ value: 0.8, amberWithin: 0.1, status: 'red' });
  });

  it('lists the units behind CP-ICPC-15WD with how each was counted and its source events', async () => {
    const { body } = await api.get('/v1/boards/test-board/metrics/CP-ICPC-15WD/lineage?period=2025-26-Q1');
    const items = body.items as Array<{
      unitKey: string;
      counted: string;
      reason: string | null;
      events: Array<{ sourceEventId: string; type: string }>;
    }>;
    expect(items).toHaveLength(4);
    const summary = items
      .map((item) => [
        item.counted,
        item.reason,
        item.events
          .map((e) => e.type)
          .sort()
          .join('+'),
      ])
      .sort();
    expect(summary).toEqual(
      [
        ['denominator-only', 'conference-after-deadline', 'InitialChildProtectionConferenceHeld+StrategyDiscussionHeld'],
        ['denominator-only', 'no-anchor-strategy-discussion', 'InitialChildProtectionConferenceHeld'],
        ['numerator', null, 'InitialChildProtectionConferenceHeld+StrategyDiscussionHeld'],
        ['numerator', null, 'InitialChildProtectionConferenceHeld+StrategyDiscussionHeld'],
      ].sort(),
    );
    const late = items.find((item) => item.reason === 'conference-after-deadline')!;
    // The anchor is the corrected version of sd-2: its lineage points at the correcting CloudEvent.
    expect(late.events.map((e) => e.sourceEventId)).toContain(sd2Corrected.id);
    for (const item of items) expect(JSON.stringify(item)).not.toMatch(/CHILD-[A-F]/);
  });

  it('pages lineage with a cursor without losing or repeating a unit', async () => {
    const first = await api.get('/v1/boards/test-board/metrics/CP-ICPC-15WD/lineage?period=2025-26-Q1&limit=3');
    expect(first.body.items).toHaveLength(3);
    const second = await api.get(
      `/v1/boards/test-board/metrics/CP-ICPC-15WD/lineage?period=2025-26-Q1&limit=3&cursor=${String(first.body.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const keys = [...(first.body.items as Array<{ unitKey: string }>), ...(second.body.items as Array<{ unitKey: string }>)].map(
      (i) => i.unitKey,
    );
    expect(new Set(keys).size).toBe(4);
  });

  it('counts nowhere a retracted referral, while the log keeps it', async () => {
    const { body } = await api.get('/v1/boards/test-board/metrics/CP-REREF-12M/lineage?period=2025-26-Q1');
    const sources = (body.items as Array<{ events: Array<{ sourceEventId: string }> }>).flatMap((item) =>
      item.events.map((e) => e.sourceEventId),
    );
    expect(sources).not.toContain(referralToRetract.id);
    const stream = await api.stream('la-W06000015-referral-r-6');
    expect(stream.map((e) => e.type)).toEqual(['ReferralReceived', 'RecordRetracted']);
  });

  it('serves the evidence pack as JSON, CSV and HTML with the seven factors', async () => {
    const json = await api.get('/v1/boards/test-board/evidence-pack?period=2025-26-Q1');
    expect((json.body.factors as Array<{ factor: string }>).map((f) => f.factor)).toEqual([
      'leadership',
      'accountability',
      'funding',
      'strategic-direction',
      'structures',
      'performance-management',
      'quality-assurance',
    ]);
    const csv = await fetch(`${api.url}/v1/boards/test-board/evidence-pack?period=2025-26-Q1&format=csv`);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(await csv.text()).toContain('performance-management,CP-ICPC-15WD,');
    const html = await fetch(`${api.url}/v1/boards/test-board/evidence-pack?period=2025-26-Q1&format=html`);
    expect(await html.text()).toContain('<h2>Quality assurance</h2>');
  });
});
