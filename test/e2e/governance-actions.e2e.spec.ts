import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: actions', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('act-board', ['W06000006']));
  });

  afterAll(() => api.stop());

  const assign = (actionId: string, dueOn: string) =>
    api.post('/v1/boards/act-board/actions', {
      actionId,
      title: `Action ${actionId}`,
      ownerPartnerId: 'council',
      assignedOn: '2025-05-01',
      dueOn,
      arisingFrom: { kind: 'audit', id: 'a1' },
    });

  it('assigns actions, moves a due date and lists the open ones with the due dates in force', async () => {
    expect((await assign('act-1', '2099-07-31')).status).toBe(201);
    expect((await assign('act-2', '2025-06-30')).status).toBe(201);
    const moved = await api.post('/v1/boards/act-board/actions/act-1/due-date-changes', {
      dueOn: '2099-09-30',
      changedOn: '2025-06-01',
      reason: 'Waiting for guidance',
    });
    expect(moved).toMatchObject({ status: 201, body: { actionId: 'act-1', changedOn: '2025-06-01' } });
    expect((await api.post('/v1/boards/act-board/actions/act-2/completion', { on: '2025-06-20' })).status).toBe(201);
    const open = await api.get('/v1/boards/act-board/actions?state=open');
    expect(open.status).toBe(200);
    expect(open.body.actions).toEqual([
      expect.objectContaining({
        actionId: 'act-1',
        owner: { partnerId: 'council', name: 'The Council' },
        originalDueOn: '2099-07-31',
        dueOn: '2099-09-30',
        state: 'open',
        overdue: false,
      }),
    ]);
    const all = await api.get('/v1/boards/act-board/actions?state=all');
    expect((all.body.actions as unknown[]).length).toBe(2);
  });

  it('refuses completing twice, cancelling a completed action and a change without a reason, storing nothing', async () => {
    const before = await api.head();
    const twice = await api.post('/v1/boards/act-board/actions/act-2/completion', { on: '2025-06-21' });
    expect(twice).toMatchObject({
      status: 409,
      body: { rule: 'action-already-completed', values: { actionId: 'act-2', completedOn: '2025-06-20' } },
    });
    const cancel = await api.post('/v1/boards/act-board/actions/act-2/cancellation', { on: '2025-06-21' });
    expect(cancel).toMatchObject({ status: 409, body: { rule: 'action-already-completed' } });
    const noReason = await api.post('/v1/boards/act-board/actions/act-1/due-date-changes', {
      dueOn: '2099-10-31',
      changedOn: '2025-06-02',
      reason: '',
    });
    expect(noReason).toMatchObject({ status: 422, body: { details: [{ path: 'reason' }] } });
    const early = await api.post('/v1/boards/act-board/actions/act-1/completion', { on: '2025-04-01' });
    expect(early).toMatchObject({ status: 422, body: { rule: 'action-completed-before-assigned' } });
    expect((await api.post('/v1/boards/act-board/actions/act-none/completion', { on: '2025-06-01' })).status).toBe(404);
    expect(await api.head()).toBe(before);
  });

  it('cancels an open action and answers 422 for an unknown state filter', async () => {
    expect((await api.post('/v1/boards/act-board/actions/act-1/cancellation', { on: '2025-06-30' })).status).toBe(201);
    expect(((await api.get('/v1/boards/act-board/actions')).body.actions as unknown[]).length).toBe(0);
    expect(await api.get('/v1/boards/act-board/actions?state=late')).toMatchObject({ status: 422, body: { details: [{ path: 'state' }] } });
  });
});
