import { BoardCommand } from '../../board-command';
import type { TrainingDeliveredData } from '../training.events';

/** Record a multi-agency training session that was delivered (`TrainingDelivered`). */
export class RecordTrainingSessionCommand extends BoardCommand<TrainingDeliveredData> {}
