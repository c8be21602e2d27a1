import { BoardCommand } from '../../board-command';
import type { ActionAssignedData } from '../actions.events';

/** Assign an action to a partner, or correct the assignment (`ActionAssigned`). */
export class AssignActionCommand extends BoardCommand<ActionAssignedData> {}
