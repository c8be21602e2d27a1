import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: practice reviews', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('review-board', ['W06000007']));
  });

  afterAll(() => api.stop());

  it('records a review commissioned and then published', async () => {
    expect(
      (await api.post('/v1/boards/review-board/practice-reviews', { reviewId: 'cpr-1', kind: 'concise', on: '2025-03-14' })).status,
    ).toBe(201);
    const published = await api.post('/v1/boards/review-board/practice-reviews/cpr-1/publication', { kind: 'concise', on: '2025-06-30' });
    expect(published).toMatchObject({ status: 201, body: { reviewId: 'cpr-1', status: 'appended' } });
  });

  it('refuses publishing a review never commissioned, or before it was commissioned, storing nothing', async () => {
    await api.post('/v1/boards/review-board/practice-reviews', { reviewId: 'cpr-2', kind: 'extended', on: '2025-05-01' });
    const before = await api.head();
    expect(
      (await api.post('/v1/boards/review-board/practice-reviews/cpr-9/publication', { kind: 'concise', on: '2025-06-30' })).status,
    ).toBe(404);
    const early = await api.post('/v1/boards/review-board/practice-reviews/cpr-2/publication', { kind: 'extended', on: '2025-04-30' });
    expect(early).toMatchObject({
      status: 422,
      body: { rule: 'review-published-before-commissioned', values: { commissionedOn: '2025-05-01' } },
    });
    const kind = await api.post('/v1/boards/review-board/practice-reviews/cpr-2/publication', { kind: 'concise', on: '2025-06-01' });
    expect(kind).toMatchObject({ status: 409, body: { rule: 'review-kind-mismatch' } });
    expect(await api.head()).toBe(before);
  });
});
