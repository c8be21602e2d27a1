import { BoardCommand } from '../../board-command';
import type { SubgroupMeetingData } from '../priorities.events';

/** Record that a subgroup meeting was held (`SubgroupMeetingHeld`). */
export class RecordSubgroupMeetingCommand extends BoardCommand<SubgroupMeetingData> {}
