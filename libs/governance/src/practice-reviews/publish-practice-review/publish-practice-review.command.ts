import { BoardCommand } from '../../board-command';
import type { PracticeReviewMilestoneData } from '../practice-reviews.events';

/** Record that a commissioned practice review was published (`PracticeReviewPublished`). */
export class PublishPracticeReviewCommand extends BoardCommand<PracticeReviewMilestoneData> {}
