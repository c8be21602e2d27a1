import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: the audit programme', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('audit-board', ['W06000005']));
  });

  afterAll(() => api.stop());

  it('schedules audits, completes one and shows the programme with its grades', async () => {
    expect((await api.post('/v1/boards/audit-board/audits', { auditId: 'a1', title: 'Neglect', dueOn: '2025-06-30' })).status).toBe(201);
    expect((await api.post('/v1/boards/audit-board/audits', { auditId: 'a2', title: 'Exploitation', dueOn: '2099-03-31' })).status).toBe(
      201,
    );
    const completed = await api.post('/v1/boards/audit-board/audits/a1/completion', {
      completedOn: '2025-06-12',
      caseResults: [
        { caseRef: 'c1', grade: 'good' },
        { caseRef: 'c2', grade: 'inadequate', agency: 'police' },
      ],
    });
    expect(completed).toMatchObject({ status: 201, body: { auditId: 'a1', status: 'appended' } });
    const programme = await api.get('/v1/boards/audit-board/audits');
    expect(programme.status).toBe(200);
    expect(programme.body).toMatchObject({
      boardId: 'audit-board',
      audits: [
        { auditId: 'a1', state: 'completed', completedOn: '2025-06-12', completedOnTime: true },
        { auditId: 'a2', state: 'due', completedOn: null },
      ],
      summary: {
        scheduled: 2,
        completed: 1,
        completedOnTime: 1,
        due: 1,
        overdue: 0,
        grades: { good: 1, inadequate: 1, outstanding: 0, 'requires-improvement': 0 },
      },
    });
  });

  it('refuses completing an audit never scheduled with 404, and without case results with 422, storing nothing', async () => {
    const before = await api.head();
    const unscheduled = await api.post('/v1/boards/audit-board/audits/a9/completion', {
      completedOn: '2025-06-12',
      caseResults: [{ caseRef: 'c1', grade: 'good' }],
    });
    expect(unscheduled.status).toBe(404);
    const empty = await api.post('/v1/boards/audit-board/audits/a2/completion', { completedOn: '2025-06-12', caseResults: [] });
    expect(empty).toMatchObject({ status: 422, body: { rule: 'audit-without-case-results' } });
    const badGrade = await api.post('/v1/boards/audit-board/audits/a2/completion', {
      completedOn: '2025-06-12',
      caseResults: [{ caseRef: 'c1', grade: 'fine' }],
    });
    expect(badGrade).toMatchObject({ status: 422, body: { details: [{ path: 'caseResults[0].grade' }] } });
    expect(await api.head()).toBe(before);
  });

  it('answers 404 for the programme of an unknown board', async () => {
    expect((await api.get('/v1/boards/nowhere/audits')).status).toBe(404);
  });
});
