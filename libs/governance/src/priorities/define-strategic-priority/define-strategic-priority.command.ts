import { BoardCommand } from '../../board-command';
import type { StrategicPriorityDefinedData } from '../priorities.events';

/** Define (or correct) a strategic priority of the board for a financial year (`StrategicPriorityDefined`). */
export class DefineStrategicPriorityCommand extends BoardCommand<StrategicPriorityDefinedData> {}
