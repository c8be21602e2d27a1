import { BoardCommand } from '../../board-command';
import type { EngagementActivityHeldData } from '../training.events';

/** Record an engagement activity that was held (`EngagementActivityHeld`). */
export class RecordEngagementActivityCommand extends BoardCommand<EngagementActivityHeldData> {}
