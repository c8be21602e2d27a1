import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JwtService } from '@nestjs/jwt';
import { ApiKeyRing } from '@app/security/api-keys/api-key-ring';
import { SecuredApi, boardBody, conferenceEvent, personToken } from './security-test-app';

const CLOUDEVENTS_BATCH = 'application/cloudevents-batch+json';

describe('Security over HTTP: scope, read audit, revocation and limits', () => {
  let api: SecuredApi;

  beforeAll(async () => {
    api = await SecuredApi.start({ LEDGER_API_KEY_REFRESH_MS: '0' });
    await api.request('POST', '/v1/boards', api.adminKey, boardBody('own-board', ['W06000015']));
    await api.request('POST', '/v1/boards', api.adminKey, boardBody('other-board', ['W06000014']));
  });

  afterAll(() => api.stop());

  it('rejects the foreign events of a batch one by one, as if no board covered them, and stores the rest', async () => {
    const key = await api.issueKey(['ingest'], ['own-board']);
    const batch = [
      conferenceEvent(`own-${randomUUID()}`, 'W06000015'),
      conferenceEvent(`foreign-${randomUUID()}`, 'W06000014'),
      conferenceEvent(`missing-${randomUUID()}`, 'W06000099'),
    ];
    const answer = await api.request('POST', '/v1/events', key, batch, CLOUDEVENTS_BATCH);
    expect(answer.status).toBe(202);
    const body = answer.body as { accepted: number; rejected: { id: string; reason: string; errors: unknown[] }[] };
    expect(body.accepted).toBe(1);
    expect(body.rejected.map((rejection) => rejection.id)).toEqual([batch[1].id, batch[2].id]);
    expect(body.rejected[0].reason).toBe('unknown-board');
    expect(body.rejected[0].errors).toEqual(body.rejected[1].errors);
  });

  it('refuses a board event for another board as for a board that does not exist', async () => {
    const key = await api.issueKey(['ingest'], ['own-board']);
    const boardEvent = (boardId: string) => ({
      specversion: '1.0',
      id: `meeting-${randomUUID()}`,
      source: 'urn:board:test',
      type: 'safeguarding.BoardMeetingHeld.v1',
      datacontenttype: 'application/json',
      data: {
        boardId,
        meetingId: `m-${randomUUID()}`,
        heldOn: '2025-05-15',
        attendees: [{ partnerId: 'council', delegate: false }],
        quorate: true,
      },
    });
    const own = await api.request('POST', '/v1/events', key, boardEvent('own-board'), 'application/cloudevents+json');
    const foreign = await api.request('POST', '/v1/events', key, boardEvent('other-board'), 'application/cloudevents+json');
    const missing = await api.request('POST', '/v1/events', key, boardEvent('no-such-board'), 'application/cloudevents+json');
    expect(own.status).toBe(202);
    expect(foreign.status).toBe(missing.status);
    expect(foreign.text.replace('other-board', '<board>')).toBe(missing.text.replace('no-such-board', '<board>'));
  });

  it('records who read lineage and raw events before answering them', async () => {
    const token = personToken({ sub: 'auditor-alice', roles: ['auditor'], boards: ['own-board'] });
    const lineage = await api.request('GET', '/v1/boards/own-board/metrics/CP-ICPC-15WD/lineage?period=2025-26', token);
    const events = await api.request('GET', '/v1/boards/own-board/events', token);
    expect([lineage.status, events.status]).toEqual([200, 200]);
    const trail = await api.store.readStream('audit-trail-own-board');
    expect(trail.map((event) => [event.type, event.data.who, event.data.what])).toEqual(
      expect.arrayContaining([
        ['ChildLevelDataRead', 'auditor-alice', '/v1/boards/own-board/metrics/CP-ICPC-15WD/lineage?period=2025-26'],
        ['ChildLevelDataRead', 'auditor-alice', '/v1/boards/own-board/events'],
      ]),
    );
  });

  it('refuses a key revoked by another process on its next use', async () => {
    const { keyId, key } = await api.keys.issue({ roles: ['analyst'], boards: ['own-board'], issuedBy: 'e2e' });
    expect((await api.request('GET', '/v1/boards', key)).status).toBe(200);
    await new ApiKeyRing(api.store, 0).revoke(keyId, 'another process');
    expect((await api.request('GET', '/v1/boards', key)).status).toBe(401);
  });

  it('stores an API key only as its hash', async () => {
    const { key } = await api.keys.issue({ roles: ['analyst'], boards: ['own-board'], issuedBy: 'e2e' });
    const stream = JSON.stringify(await api.store.readStream('api-keys'));
    expect(stream).not.toContain(key);
    expect(stream).not.toContain(key.slice(21));
  });

  it('answers JSON nested deeper than the limit with 400 in the one error shape', async () => {
    let nested: unknown = 'x';
    for (let i = 0; i < 40; i++) nested = { deeper: nested };
    const answer = await api.request('POST', '/v1/boards/own-board/meetings', api.adminKey, {
      meetingId: 'm',
      heldOn: '2025-05-15',
      attendees: nested,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: 'The request body nests deeper than 32 levels' });
    const deepEvent = await api.request('POST', '/v1/events', api.adminKey, `${'['.repeat(5000)}${']'.repeat(5000)}`, CLOUDEVENTS_BATCH);
    expect(deepEvent.status).toBe(400);
  });

  it('answers a body over the size limit with 413 on board commands too', async () => {
    const answer = await api.request('POST', '/v1/boards/own-board/meetings', api.adminKey, {
      meetingId: 'm',
      padding: 'x'.repeat(2_000_000),
    });
    expect(answer).toMatchObject({ status: 413, body: { statusCode: 413, error: 'Payload Too Large' } });
  });
});

describe('Security over HTTP: RS256 tokens from a JWKS file, and rate limits per identity', () => {
  let api: SecuredApi;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const sign = (claims: object, key = privateKey, kid = 'key-1') =>
    new JwtService().sign(
      { ...claims, exp: Math.floor(Date.now() / 1000) + 600 },
      {
        privateKey: key.export({ type: 'pkcs8', format: 'pem' }).toString(),
        algorithm: 'RS256',
        keyid: kid,
        issuer: 'https://idp.test',
        audience: 'ledger',
      },
    );

  beforeAll(async () => {
    const directory = mkdtempSync(join(tmpdir(), 'jwks-'));
    const jwks = join(directory, 'jwks.json');
    writeFileSync(jwks, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'key-1', use: 'sig', alg: 'RS256' }] }));
    api = await SecuredApi.start({
      LEDGER_JWT_SECRET: '',
      LEDGER_JWT_JWKS_FILE: jwks,
      LEDGER_JWT_ISSUER: 'https://idp.test',
      LEDGER_JWT_AUDIENCE: 'ledger',
      LEDGER_RATE_LIMIT_PER_MINUTE: '20',
    });
  });

  afterAll(() => api.stop());

  it('accepts an RS256 token signed by a key of the JWKS and refuses one signed by another key or as HS256', async () => {
    const claims = { sub: 'bob', roles: ['operator'], boards: ['own-board'] };
    expect((await api.request('GET', '/v1/projections', sign(claims))).status).toBe(200);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    expect((await api.request('GET', '/v1/projections', sign(claims, stranger))).status).toBe(401);
    expect(
      (await api.request('GET', '/v1/projections', personToken(claims, { issuer: 'https://idp.test', audience: 'ledger' }))).status,
    ).toBe(401);
  });

  it('answers 429 to an identity over its rate, while another identity is still served', async () => {
    const busy = sign({ sub: 'busy', roles: ['operator'], boards: ['own-board'] });
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await api.request('GET', '/v1/projections', busy)).status);
    expect(statuses.slice(0, 15).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(-1)).toEqual([429]);
    const other = await api.request('GET', '/v1/projections', sign({ sub: 'calm', roles: ['operator'], boards: ['own-board'] }));
    expect(other.status).toBe(200);
  });
});
