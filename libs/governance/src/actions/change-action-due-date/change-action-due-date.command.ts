import { BoardCommand } from '../../board-command';
import type { ActionDueDateChangedData } from '../actions.events';

/** Change the due date of an action, with the reason (`ActionDueDateChanged`). */
export class ChangeActionDueDateCommand extends BoardCommand<ActionDueDateChangedData> {}
