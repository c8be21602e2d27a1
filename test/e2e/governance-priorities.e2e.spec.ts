import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: priorities and subgroups', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('prio-board', ['W06000004']));
  });

  afterAll(() => api.stop());

  it('defines a priority and refuses one naming an unknown metric', async () => {
    const defined = await api.post('/v1/boards/prio-board/priorities', {
      priorityId: 'p-1',
      title: 'Neglect',
      financialYear: '2025-26',
      metricCodes: ['CP-REREG-12M'],
    });
    expect(defined).toMatchObject({ status: 201, body: { priorityId: 'p-1' } });
    const before = await api.head();
    const unknown = await api.post('/v1/boards/prio-board/priorities', {
      priorityId: 'p-2',
      title: 'X',
      financialYear: '2025-26',
      metricCodes: ['NOPE'],
    });
    expect(unknown).toMatchObject({ status: 422, body: { rule: 'unknown-metric-code', values: { metricCodes: ['NOPE'] } } });
    expect(await api.head()).toBe(before);
  });

  it('forms a subgroup, schedules its meetings and records one held', async () => {
    expect((await api.post('/v1/boards/prio-board/subgroups', { subgroupId: 'sg-qa', name: 'QA', formedOn: '2024-09-01' })).status).toBe(
      201,
    );
    const scheduled = await api.post('/v1/boards/prio-board/subgroups/sg-qa/scheduled-meetings', { meetingId: 'm-1', on: '2099-01-10' });
    expect(scheduled).toMatchObject({ status: 201, body: { subgroupId: 'sg-qa', meetingId: 'm-1' } });
    const held = await api.post('/v1/boards/prio-board/subgroups/sg-qa/held-meetings', { meetingId: 'm-0', on: '2025-06-10' });
    expect(held.status).toBe(201);
    expect((await api.stream('board-prio-board-subgroup-sg-qa')).map((event) => event.type)).toEqual([
      'SubgroupFormed',
      'SubgroupMeetingScheduled',
      'SubgroupMeetingHeld',
    ]);
  });

  it('refuses a meeting of a subgroup never formed with 404, storing nothing', async () => {
    const before = await api.head();
    expect((await api.post('/v1/boards/prio-board/subgroups/sg-none/held-meetings', { meetingId: 'm-9', on: '2025-06-10' })).status).toBe(
      404,
    );
    const early = await api.post('/v1/boards/prio-board/subgroups/sg-qa/held-meetings', { meetingId: 'm-8', on: '2024-08-01' });
    expect(early).toMatchObject({ status: 422, body: { rule: 'subgroup-meeting-before-formed' } });
    expect(await api.head()).toBe(before);
  });
});
