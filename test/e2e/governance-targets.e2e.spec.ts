import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: targets', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('target-board', ['W06000009']));
  });

  afterAll(() => api.stop());

  it('sets a target with PUT and answers 200 with the metric and year', async () => {
    const answer = await api.put('/v1/boards/target-board/targets/CP-ICPC-15WD/2025-26', { target: 0.9, amberWithin: 0.05 });
    expect(answer).toMatchObject({ status: 200, body: { metricCode: 'CP-ICPC-15WD', financialYear: '2025-26', status: 'appended' } });
    expect((await api.stream('board-target-board-target-CP-ICPC-15WD-2025-26')).map((event) => event.data)).toEqual([
      { boardId: 'target-board', metricCode: 'CP-ICPC-15WD', financialYear: '2025-26', target: 0.9, amberWithin: 0.05 },
    ]);
  });

  it('refuses an unknown metric code, a malformed year and a metric code in the body, storing nothing', async () => {
    const before = await api.head();
    expect(await api.put('/v1/boards/target-board/targets/CP-NOPE/2025-26', { target: 1 })).toMatchObject({
      status: 422,
      body: { rule: 'unknown-metric-code' },
    });
    expect(await api.put('/v1/boards/target-board/targets/CP-PLAN-2Y/2025', { target: 1 })).toMatchObject({
      status: 422,
      body: { details: [{ path: 'financialYear' }] },
    });
    expect(await api.put('/v1/boards/target-board/targets/CP-PLAN-2Y/2025-26', { target: 1, metricCode: 'X' })).toMatchObject({
      status: 422,
      body: { details: [{ path: 'metricCode' }] },
    });
    expect(await api.head()).toBe(before);
  });
});
