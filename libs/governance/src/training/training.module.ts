import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { RecordEngagementActivityHandler } from './record-engagement-activity/record-engagement-activity.handler';
import { RecordTrainingSessionHandler } from './record-training-session/record-training-session.handler';
import { TrainingController } from './training.controller';

/** Training delivered to partners and engagement with children, families and communities. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [TrainingController],
  providers: [RecordTrainingSessionHandler, RecordEngagementActivityHandler],
})
export class TrainingModule {}
