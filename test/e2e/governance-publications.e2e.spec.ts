import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: annual plans and reports', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('pub-board', ['W06000003']));
  });

  afterAll(() => api.stop());

  it('records the plan for a year and the report on it in the year’s publication stream', async () => {
    const plan = await api.post('/v1/boards/pub-board/annual-plans', { financialYear: '2024-25', publishedOn: '2024-03-20' });
    const report = await api.post('/v1/boards/pub-board/annual-reports', { financialYear: '2024-25', publishedOn: '2025-07-15' });
    expect(plan).toMatchObject({ status: 201, body: { financialYear: '2024-25', status: 'appended' } });
    expect(report.status).toBe(201);
    expect((await api.stream('board-pub-board-publication-2024-25')).map((event) => event.type)).toEqual([
      'AnnualPlanPublished',
      'AnnualReportPublished',
    ]);
  });

  it('refuses a report before its year began with 422, and a malformed year, storing nothing', async () => {
    const before = await api.head();
    const early = await api.post('/v1/boards/pub-board/annual-reports', { financialYear: '2025-26', publishedOn: '2025-03-01' });
    expect(early).toMatchObject({ status: 422, body: { rule: 'annual-report-before-year-start' } });
    const malformed = await api.post('/v1/boards/pub-board/annual-plans', { financialYear: '2025-27', publishedOn: '2025-03-01' });
    expect(malformed).toMatchObject({ status: 422, body: { details: [{ path: 'financialYear' }] } });
    expect(await api.head()).toBe(before);
  });
});
