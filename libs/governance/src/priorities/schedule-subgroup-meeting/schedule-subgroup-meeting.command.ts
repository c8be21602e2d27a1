import { BoardCommand } from '../../board-command';
import type { SubgroupMeetingData } from '../priorities.events';

/** Schedule a meeting of a subgroup, or correct its date (`SubgroupMeetingScheduled`). */
export class ScheduleSubgroupMeetingCommand extends BoardCommand<SubgroupMeetingData> {}
