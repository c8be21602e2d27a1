import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { DefineStrategicPriorityHandler } from './define-strategic-priority/define-strategic-priority.handler';
import { FormSubgroupHandler } from './form-subgroup/form-subgroup.handler';
import { PrioritiesController } from './priorities.controller';
import { RecordSubgroupMeetingHandler } from './record-subgroup-meeting/record-subgroup-meeting.handler';
import { ScheduleSubgroupMeetingHandler } from './schedule-subgroup-meeting/schedule-subgroup-meeting.handler';

/** Strategic direction and structures: priorities, subgroups and their meetings. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [PrioritiesController],
  providers: [DefineStrategicPriorityHandler, FormSubgroupHandler, ScheduleSubgroupMeetingHandler, RecordSubgroupMeetingHandler],
})
export class PrioritiesModule {}
