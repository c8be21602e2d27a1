import { BoardCommand } from '../../board-command';
import type { ActionClosedData } from '../actions.events';

/** Record that an action was completed (`ActionCompleted`). */
export class CompleteActionCommand extends BoardCommand<ActionClosedData> {}
