import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { AgreeFundingContributionHandler } from './agree-funding-contribution/agree-funding-contribution.handler';
import { FundingController } from './funding.controller';
import { ReceiveFundingContributionHandler } from './receive-funding-contribution/receive-funding-contribution.handler';

/** Funding: contributions agreed with partners and the money received. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [FundingController],
  providers: [AgreeFundingContributionHandler, ReceiveFundingContributionHandler],
})
export class FundingModule {}
