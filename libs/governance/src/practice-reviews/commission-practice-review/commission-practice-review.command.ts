import { BoardCommand } from '../../board-command';
import type { PracticeReviewMilestoneData } from '../practice-reviews.events';

/** Record that a child practice review was commissioned, or correct it (`PracticeReviewCommissioned`). */
export class CommissionPracticeReviewCommand extends BoardCommand<PracticeReviewMilestoneData> {}
