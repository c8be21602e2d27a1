import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertFinancialYear } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import { isKnownMetricCode } from '@app/ingestion/catalogue/metric-codes';
import { RecordRetracted, type RetractableAggregate } from '../record-retracted.events';
import { MetricTargetSet, type MetricTargetSetData } from './targets.events';

/** The board's target for one metric in one financial year (`board-<boardId>-target-<metricCode>-<financialYear>`). */
export class MetricTarget extends EventSourcedAggregate<MetricTargetSet | RecordRetracted> implements RetractableAggregate {
  target: MetricTargetSetData | null = null;

  constructor(
    readonly boardId: string,
    readonly metricCode: string,
    readonly financialYear: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'target', `${this.metricCode}-${this.financialYear}`);
  }

  set(data: MetricTargetSetData): void {
    if (!isKnownMetricCode(data.metricCode)) {
      throw new DomainRuleViolation(
        'unknown-metric-code',
        `Metric code ${data.metricCode} is not in the metric catalogue`,
        { metricCodes: [data.metricCode] },
        'unprocessable',
      );
    }
    assertFinancialYear(data.financialYear);
    if (data.amberWithin !== undefined && !(data.amberWithin >= 0)) {
      throw new DomainRuleViolation(
        'amber-within-negative',
        `amberWithin ${data.amberWithin} must be 0 or more`,
        { amberWithin: data.amberWithin },
        'unprocessable',
      );
    }
    this.apply(new MetricTargetSet(data));
  }

  /** `businessId` is `metricCode/financialYear`, e.g. `CP-ICPC-15WD/2025-26`. */
  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType !== MetricTargetSet.type || this.target === null || businessId !== `${this.metricCode}/${this.financialYear}`) {
      throw new NotFound(retractedType, businessId);
    }
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onMetricTargetSet(event: { data: MetricTargetSetData }): void {
    this.target = event.data;
  }

  onRecordRetracted(): void {
    this.target = null;
  }
}
