import { DomainEventClass } from '@app/ddd';

/** Data of `AnnualPlanPublished` and `AnnualReportPublished`; business key `financialYear`. */
export type AnnualDocumentPublishedData = {
  boardId: string;
  financialYear: string;
  publishedOn: string;
};

/** The board's annual plan for `financialYear` was published. */
export class AnnualPlanPublished extends DomainEventClass<'AnnualPlanPublished', AnnualDocumentPublishedData> {
  static readonly type = 'AnnualPlanPublished';
  readonly type = AnnualPlanPublished.type;
}

/** The board's annual report on `financialYear` was published. */
export class AnnualReportPublished extends DomainEventClass<'AnnualReportPublished', AnnualDocumentPublishedData> {
  static readonly type = 'AnnualReportPublished';
  readonly type = AnnualReportPublished.type;
}
