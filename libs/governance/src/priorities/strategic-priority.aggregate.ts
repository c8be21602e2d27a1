import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertFinancialYear } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import { isKnownMetricCode } from '@app/ingestion/catalogue/metric-codes';
import { RecordRetracted, type RetractableAggregate } from '../record-retracted.events';
import { StrategicPriorityDefined, type StrategicPriorityDefinedData } from './priorities.events';

/** One strategic priority (`board-<boardId>-priority-<priorityId>`); defining it again corrects it. */
export class StrategicPriority extends EventSourcedAggregate<StrategicPriorityDefined | RecordRetracted> implements RetractableAggregate {
  defined: StrategicPriorityDefinedData | null = null;

  constructor(
    readonly boardId: string,
    readonly priorityId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'priority', this.priorityId);
  }

  define(data: StrategicPriorityDefinedData): void {
    assertFinancialYear(data.financialYear);
    const unknown = (data.metricCodes ?? []).filter((code) => !isKnownMetricCode(code));
    if (unknown.length > 0) {
      throw new DomainRuleViolation(
        'unknown-metric-code',
        `Priority ${data.priorityId} names metric codes that are not in the catalogue: ${unknown.join(', ')}`,
        { metricCodes: unknown },
        'unprocessable',
      );
    }
    this.apply(new StrategicPriorityDefined(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType !== StrategicPriorityDefined.type || this.defined === null) throw new NotFound(retractedType, businessId);
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onStrategicPriorityDefined(event: { data: StrategicPriorityDefinedData }): void {
    this.defined = event.data;
  }

  onRecordRetracted(): void {
    this.defined = null;
  }
}
