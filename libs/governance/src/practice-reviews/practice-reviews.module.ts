import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { CommissionPracticeReviewHandler } from './commission-practice-review/commission-practice-review.handler';
import { PracticeReviewsController } from './practice-reviews.controller';
import { PublishPracticeReviewHandler } from './publish-practice-review/publish-practice-review.handler';

/** Quality assurance: child practice reviews, commissioned and published. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [PracticeReviewsController],
  providers: [CommissionPracticeReviewHandler, PublishPracticeReviewHandler],
})
export class PracticeReviewsModule {}
