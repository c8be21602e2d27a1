import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { SetMetricTargetHandler } from './set-metric-target/set-metric-target.handler';
import { TargetsController } from './targets.controller';

/** Performance management: targets per metric and financial year. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [TargetsController],
  providers: [SetMetricTargetHandler],
})
export class TargetsModule {}
