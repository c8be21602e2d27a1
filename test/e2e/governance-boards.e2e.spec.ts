import { BOARDS_STREAM, partnersStream } from '@app/governance';
import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: boards and partners', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
  });

  afterAll(() => api.stop());

  it('establishes a board and answers the stored event with the board id', async () => {
    const answer = await api.post('/v1/boards', boardBody('cardiff-vale', ['W06000015', 'W06000014']), { 'x-request-id': 'req-board-1' });
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ boardId: 'cardiff-vale', status: 'appended', position: await api.head() });
    const [stored] = await api.stream(BOARDS_STREAM);
    expect(stored).toMatchObject({
      eventId: answer.body.eventId,
      type: 'BoardEstablished',
      metadata: { correlationId: 'req-board-1', transport: { kind: 'http', requestId: 'req-board-1' } },
    });
  });

  it('lists the boards and shows one with its partners and their membership periods', async () => {
    const list = await api.get('/v1/boards');
    expect(list.status).toBe(200);
    expect((list.body.boards as { boardId: string }[]).map((board) => board.boardId)).toContain('cardiff-vale');
    const board = await api.get('/v1/boards/cardiff-vale');
    expect(board.status).toBe(200);
    expect(board.body).toMatchObject({
      boardId: 'cardiff-vale',
      localAuthorities: ['W06000015', 'W06000014'],
      partners: expect.arrayContaining([
        expect.objectContaining({ partnerId: 'police', founding: true, memberships: [{ from: '2016-04-06', to: null }] }),
      ]),
    });
  });

  it('answers 404 for a board that does not exist', async () => {
    const answer = await api.get('/v1/boards/nowhere');
    expect(answer).toMatchObject({ status: 404, body: { statusCode: 404, error: 'Not Found' } });
  });

  it('refuses a local authority that belongs to another board with 409, storing nothing', async () => {
    const before = await api.head();
    const answer = await api.post('/v1/boards', boardBody('vale', ['W06000014']));
    expect(answer.status).toBe(409);
    expect(answer.body).toMatchObject({
      rule: 'local-authority-belongs-to-another-board',
      values: { localAuthority: 'W06000014', boardId: 'vale', otherBoardId: 'cardiff-vale' },
    });
    expect(await api.head()).toBe(before);
  });

  it('refuses an invalid body with 422 naming every failing field, storing nothing', async () => {
    const before = await api.head();
    const answer = await api.post('/v1/boards', {
      boardId: 'gwent',
      establishedOn: '2025-02-30',
      localAuthorities: ['w06000021'],
      partners: [{ partnerId: 'p' }],
      colour: 'red',
    });
    expect(answer.status).toBe(422);
    const paths = (answer.body.details as { path: string }[]).map((detail) => detail.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'name',
        'establishedOn',
        'localAuthorities',
        'partners[0].name',
        'partners[0].kind',
        'partners[0].statutory',
        'colour',
      ]),
    );
    expect(await api.head()).toBe(before);
  });

  it('answers 422 for a body that is not JSON object, and 400 for malformed JSON', async () => {
    expect((await api.post('/v1/boards', [1, 2])).status).toBe(422);
    expect((await api.post('/v1/boards', '{"boardId": ')).status).toBe(400);
  });

  it('records a partner joining and leaving, and refuses a second departure', async () => {
    const joined = await api.post('/v1/boards/cardiff-vale/partners', {
      partnerId: 'probation',
      name: 'Probation',
      kind: 'probation',
      statutory: true,
      on: '2024-04-01',
    });
    expect(joined).toMatchObject({ status: 201, body: { partnerId: 'probation', on: '2024-04-01', status: 'appended' } });
    const left = await api.post('/v1/boards/cardiff-vale/partners/probation/departures', { on: '2025-03-31' });
    expect(left).toMatchObject({ status: 201, body: { partnerId: 'probation' } });
    const before = await api.head();
    const again = await api.post('/v1/boards/cardiff-vale/partners/probation/departures', { on: '2025-04-30' });
    expect(again).toMatchObject({
      status: 409,
      body: { rule: 'partner-not-member', values: { partnerId: 'probation', on: '2025-04-30' } },
    });
    expect(await api.head()).toBe(before);
    expect((await api.stream(partnersStream('cardiff-vale'))).map((event) => event.type)).toEqual(['PartnerJoined', 'PartnerLeft']);
    const board = await api.get('/v1/boards/cardiff-vale');
    expect(
      (board.body.partners as { partnerId: string; memberships: unknown }[]).find((partner) => partner.partnerId === 'probation')
        ?.memberships,
    ).toEqual([{ from: '2024-04-01', to: '2025-03-31' }]);
  });

  it('refuses a board id in the body of a board path, and a partner of an unknown board', async () => {
    const inBody = await api.post('/v1/boards/cardiff-vale/partners', { boardId: 'gwent', partnerId: 'x', on: '2024-04-01' });
    expect(inBody).toMatchObject({ status: 422, body: { details: [{ path: 'boardId' }] } });
    expect((await api.post('/v1/boards/nowhere/partners', { partnerId: 'x', on: '2024-04-01' })).status).toBe(404);
  });

  it('records a request sent twice with the same Idempotency-Key once', async () => {
    const body = { partnerId: 'youth-justice', on: '2024-05-01' };
    const first = await api.post('/v1/boards/cardiff-vale/partners', body, { 'idempotency-key': 'k-1' });
    const again = await api.post('/v1/boards/cardiff-vale/partners', body, { 'idempotency-key': 'k-1' });
    expect(first.body.status).toBe('appended');
    expect(again).toMatchObject({ status: 201, body: { status: 'duplicate', eventId: first.body.eventId, position: first.body.position } });
  });
});
