import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertFinancialYear, assertHappened, assertNotBeforeEstablished, financialYearDates } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import { AnnualPlanPublished, AnnualReportPublished, type AnnualDocumentPublishedData } from './publications.events';

type PublicationEvent = AnnualPlanPublished | AnnualReportPublished | RecordRetracted;

/**
 * The statutory publications of one financial year (`board-<boardId>-publication-<financialYear>`):
 * the annual plan for the year and the annual report on it. Publishing again corrects the date.
 */
export class AnnualPublications extends EventSourcedAggregate<PublicationEvent> implements RetractableAggregate {
  plan: AnnualDocumentPublishedData | null = null;
  report: AnnualDocumentPublishedData | null = null;

  constructor(
    readonly boardId: string,
    readonly financialYear: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'publication', this.financialYear);
  }

  publishPlan(data: AnnualDocumentPublishedData, board: BoardView, today: string): void {
    this.assertPublication(data, board, today);
    this.apply(new AnnualPlanPublished(data));
  }

  /** A report on a year cannot be published before that year has begun. */
  publishReport(data: AnnualDocumentPublishedData, board: BoardView, today: string): void {
    this.assertPublication(data, board, today);
    const { from } = financialYearDates(data.financialYear);
    if (data.publishedOn < from) {
      throw new DomainRuleViolation(
        'annual-report-before-year-start',
        `The annual report on ${data.financialYear} cannot be published on ${data.publishedOn}, before the year starts on ${from}`,
        { financialYear: data.financialYear, publishedOn: data.publishedOn, yearStartsOn: from },
        'unprocessable',
      );
    }
    this.apply(new AnnualReportPublished(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    const inForce =
      retractedType === AnnualPlanPublished.type ? this.plan : retractedType === AnnualReportPublished.type ? this.report : null;
    if (inForce === null) throw new NotFound(retractedType, businessId);
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onAnnualPlanPublished(event: { data: AnnualDocumentPublishedData }): void {
    this.plan = event.data;
  }

  onAnnualReportPublished(event: { data: AnnualDocumentPublishedData }): void {
    this.report = event.data;
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    if (event.data.retractedType === AnnualPlanPublished.type) this.plan = null;
    if (event.data.retractedType === AnnualReportPublished.type) this.report = null;
  }

  private assertPublication(data: AnnualDocumentPublishedData, board: BoardView, today: string): void {
    assertFinancialYear(data.financialYear);
    assertHappened('publishedOn', data.publishedOn, today);
    assertNotBeforeEstablished(board, 'publishedOn', data.publishedOn);
  }
}
