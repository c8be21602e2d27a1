import { DomainEventClass } from '@app/ddd';

export type FundingContributionAgreedData = {
  boardId: string;
  contributionId: string;
  partnerId: string;
  financialYear: string;
  amountPence: number;
  dueOn: string;
};

export class FundingContributionAgreed extends DomainEventClass<'FundingContributionAgreed', FundingContributionAgreedData> {
  static readonly type = 'FundingContributionAgreed';
  readonly type = FundingContributionAgreed.type;
}

export type FundingContributionReceivedData = {
  boardId: string;
  receiptId: string;
  contributionId: string;
  partnerId: string;
  amountPence: number;
  receivedOn: string;
};

export class FundingContributionReceived extends DomainEventClass<'FundingContributionReceived', FundingContributionReceivedData> {
  static readonly type = 'FundingContributionReceived';
  readonly type = FundingContributionReceived.type;
}
