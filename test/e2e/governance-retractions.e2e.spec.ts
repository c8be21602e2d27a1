import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: retractions', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('retract-board', ['W06000010']));
    await api.post('/v1/boards/retract-board/audits', { auditId: 'a1', title: 'Neglect', dueOn: '2025-06-30' });
    await api.post('/v1/boards/retract-board/audits/a1/completion', {
      completedOn: '2025-06-12',
      caseResults: [{ caseRef: 'c1', grade: 'good' }],
    });
  });

  afterAll(() => api.stop());

  it('refuses withdrawing a fact others depend on, and one never recorded, storing nothing', async () => {
    const before = await api.head();
    const dependent = await api.post('/v1/boards/retract-board/retractions', {
      retractedType: 'AuditScheduled',
      businessId: 'a1',
      reason: 'wrong board',
    });
    expect(dependent).toMatchObject({ status: 409, body: { rule: 'retraction-leaves-dependent-facts' } });
    expect(
      (await api.post('/v1/boards/retract-board/retractions', { retractedType: 'AuditCompleted', businessId: 'a9', reason: 'x' })).status,
    ).toBe(404);
    expect(
      (await api.post('/v1/boards/retract-board/retractions', { retractedType: 'ReferralReceived', businessId: 'r', reason: 'x' })).status,
    ).toBe(422);
    expect(await api.head()).toBe(before);
  });

  it('withdraws a completion, so the audit is no longer completed in the programme', async () => {
    const answer = await api.post('/v1/boards/retract-board/retractions', {
      retractedType: 'AuditCompleted',
      businessId: 'a1',
      reason: 'recorded against the wrong audit',
    });
    expect(answer).toMatchObject({ status: 201, body: { retractedType: 'AuditCompleted', businessId: 'a1', status: 'appended' } });
    const programme = await api.get('/v1/boards/retract-board/audits');
    expect(programme.body.audits).toEqual([expect.objectContaining({ auditId: 'a1', completedOn: null })]);
    expect((await api.stream('board-retract-board-audit-a1')).at(-1)).toMatchObject({
      type: 'RecordRetracted',
      data: { boardId: 'retract-board', retractedType: 'AuditCompleted', businessId: 'a1', reason: 'recorded against the wrong audit' },
    });
  });
});
