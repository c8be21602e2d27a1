import { BoardCommand } from '../../board-command';
import type { BoardMeetingHeldData } from '../meetings.events';

/** Record a board meeting that was held (`BoardMeetingHeld`). */
export class RecordBoardMeetingCommand extends BoardCommand<BoardMeetingHeldData> {}
