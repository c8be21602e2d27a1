import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { RetractRecordHandler } from './retract-record/retract-record.handler';
import { RetractionsController } from './retractions.controller';

/** Withdrawing board facts recorded in error, in every area. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [RetractionsController],
  providers: [RetractRecordHandler],
})
export class RetractionsModule {}
