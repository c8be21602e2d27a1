import { BoardCommand } from '../../board-command';
import type { AnnualDocumentPublishedData } from '../publications.events';

/** Record that the annual report for a financial year was published (`AnnualReportPublished`). */
export class PublishAnnualReportCommand extends BoardCommand<AnnualDocumentPublishedData> {}
