import { BoardCommand } from '../../board-command';
import type { ActionClosedData } from '../actions.events';

/** Record that an action was cancelled (`ActionCancelled`). */
export class CancelActionCommand extends BoardCommand<ActionClosedData> {}
