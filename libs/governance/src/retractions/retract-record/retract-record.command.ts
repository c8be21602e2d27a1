import { BoardCommand } from '../../board-command';
import type { RecordRetractedData } from '../../record-retracted.events';

/** Withdraw a board fact recorded in error, named by its type and business key (`RecordRetracted`). */
export class RetractRecordCommand extends BoardCommand<RecordRetractedData> {}
