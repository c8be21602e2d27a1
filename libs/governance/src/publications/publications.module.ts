import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { PublicationsController } from './publications.controller';
import { PublishAnnualPlanHandler } from './publish-annual-plan/publish-annual-plan.handler';
import { PublishAnnualReportHandler } from './publish-annual-report/publish-annual-report.handler';

/** Accountability: the statutory annual plan and annual report. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [PublicationsController],
  providers: [PublishAnnualPlanHandler, PublishAnnualReportHandler],
})
export class PublicationsModule {}
