import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: board meetings', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('meet-board', ['W06000001']));
  });

  afterAll(() => api.stop());

  it('records a meeting held with partners attending', async () => {
    const answer = await api.post('/v1/boards/meet-board/meetings', {
      meetingId: 'bm-1',
      heldOn: '2025-06-12',
      attendees: [
        { partnerId: 'council', delegate: false },
        { partnerId: 'police', delegate: true },
      ],
      quorate: true,
    });
    expect(answer).toMatchObject({ status: 201, body: { meetingId: 'bm-1', status: 'appended' } });
    expect((await api.stream('board-meet-board-meeting-bm-1')).map((event) => event.data)).toEqual([
      {
        boardId: 'meet-board',
        meetingId: 'bm-1',
        heldOn: '2025-06-12',
        attendees: [
          { partnerId: 'council', delegate: false },
          { partnerId: 'police', delegate: true },
        ],
        quorate: true,
      },
    ]);
  });

  it('refuses an attendee that is not a partner with 409, and a future meeting with 422, storing nothing', async () => {
    const before = await api.head();
    const stranger = await api.post('/v1/boards/meet-board/meetings', {
      meetingId: 'bm-2',
      heldOn: '2025-06-12',
      attendees: [{ partnerId: 'fire', delegate: false }],
      quorate: false,
    });
    expect(stranger).toMatchObject({
      status: 409,
      body: { rule: 'not-a-partner-on-date', values: { partnerId: 'fire', role: 'attendee' } },
    });
    const future = await api.post('/v1/boards/meet-board/meetings', {
      meetingId: 'bm-3',
      heldOn: '2099-01-01',
      attendees: [],
      quorate: false,
    });
    expect(future).toMatchObject({ status: 422, body: { details: [{ path: 'heldOn' }] } });
    const invalid = await api.post('/v1/boards/meet-board/meetings', {
      meetingId: 'bm-4',
      heldOn: '2025-06-12',
      attendees: [{ delegate: 'yes' }],
    });
    expect(invalid.status).toBe(422);
    expect((invalid.body.details as { path: string }[]).map((detail) => detail.path).sort()).toEqual([
      'attendees[0].delegate',
      'attendees[0].partnerId',
      'quorate',
    ]);
    expect(await api.head()).toBe(before);
  });

  it('answers 404 for a meeting of an unknown board', async () => {
    expect(
      (await api.post('/v1/boards/nowhere/meetings', { meetingId: 'bm-1', heldOn: '2025-06-12', attendees: [], quorate: true })).status,
    ).toBe(404);
  });
});
