import { BoardCommand } from '../../board-command';
import type { AnnualDocumentPublishedData } from '../publications.events';

/** Record that the annual plan for a financial year was published (`AnnualPlanPublished`). */
export class PublishAnnualPlanCommand extends BoardCommand<AnnualDocumentPublishedData> {}
