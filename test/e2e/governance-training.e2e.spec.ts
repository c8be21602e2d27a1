import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: training and engagement', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('train-board', ['W06000008']));
  });

  afterAll(() => api.stop());

  it('records a training session and an engagement activity', async () => {
    const training = await api.post('/v1/boards/train-board/training-sessions', {
      sessionId: 'tr-1',
      on: '2025-06-18',
      placesOffered: 30,
      attendees: [{ partnerId: 'police', count: 6 }],
    });
    expect(training).toMatchObject({ status: 201, body: { sessionId: 'tr-1' } });
    const engagement = await api.post('/v1/boards/train-board/engagement-activities', {
      activityId: 'eng-1',
      on: '2025-05-22',
      with: 'young-people',
      participants: 24,
    });
    expect(engagement).toMatchObject({ status: 201, body: { activityId: 'eng-1' } });
  });

  it('refuses attendance from a non-partner and an unknown audience, storing nothing', async () => {
    const before = await api.head();
    const stranger = await api.post('/v1/boards/train-board/training-sessions', {
      sessionId: 'tr-2',
      on: '2025-06-18',
      placesOffered: 30,
      attendees: [{ partnerId: 'fire', count: 1 }],
    });
    expect(stranger).toMatchObject({ status: 409, body: { rule: 'not-a-partner-on-date' } });
    const audience = await api.post('/v1/boards/train-board/engagement-activities', {
      activityId: 'eng-2',
      on: '2025-05-22',
      with: 'pets',
      participants: 2,
    });
    expect(audience).toMatchObject({ status: 422, body: { details: [{ path: 'with' }] } });
    expect(await api.head()).toBe(before);
  });
});
