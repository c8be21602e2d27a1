import { GovernanceApi, boardBody } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

describe('Governance over HTTP: funding', () => {
  let api: GovernanceApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    await api.post('/v1/boards', boardBody('fund-board', ['W06000002']));
  });

  afterAll(() => api.stop());

  it('records an agreed contribution and receipts against it, more than agreed included', async () => {
    const agreed = await api.post('/v1/boards/fund-board/funding/contributions', {
      contributionId: 'c-police',
      partnerId: 'police',
      financialYear: '2025-26',
      amountPence: 2500000,
      dueOn: '2025-09-30',
    });
    expect(agreed).toMatchObject({ status: 201, body: { contributionId: 'c-police', status: 'appended' } });
    const first = await api.post('/v1/boards/fund-board/funding/receipts', {
      receiptId: 'r-1',
      contributionId: 'c-police',
      partnerId: 'police',
      amountPence: 2000000,
      receivedOn: '2025-06-01',
    });
    const second = await api.post('/v1/boards/fund-board/funding/receipts', {
      receiptId: 'r-2',
      contributionId: 'c-police',
      partnerId: 'police',
      amountPence: 1000000,
      receivedOn: '2025-06-20',
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body).toMatchObject({ receiptId: 'r-2', contributionId: 'c-police' });
    expect((await api.stream('board-fund-board-contribution-c-police')).map((event) => event.type)).toEqual([
      'FundingContributionAgreed',
      'FundingContributionReceived',
      'FundingContributionReceived',
    ]);
  });

  it('refuses a receipt from another partner, or for a contribution never agreed, storing nothing', async () => {
    const before = await api.head();
    const mismatch = await api.post('/v1/boards/fund-board/funding/receipts', {
      receiptId: 'r-3',
      contributionId: 'c-police',
      partnerId: 'council',
      amountPence: 1,
      receivedOn: '2025-06-20',
    });
    expect(mismatch).toMatchObject({ status: 409, body: { rule: 'receipt-partner-mismatch', values: { agreedPartnerId: 'police' } } });
    const unknown = await api.post('/v1/boards/fund-board/funding/receipts', {
      receiptId: 'r-4',
      contributionId: 'c-none',
      partnerId: 'police',
      amountPence: 1,
      receivedOn: '2025-06-20',
    });
    expect(unknown).toMatchObject({ status: 409, body: { rule: 'contribution-not-agreed' } });
    const negative = await api.post('/v1/boards/fund-board/funding/receipts', {
      receiptId: 'r-5',
      contributionId: 'c-police',
      partnerId: 'police',
      amountPence: -5,
      receivedOn: '2025-06-20',
    });
    expect(negative).toMatchObject({ status: 422, body: { details: [{ path: 'amountPence' }] } });
    expect(await api.head()).toBe(before);
  });
});
