import { DomainEventClass } from '@app/ddd';

/** Business key `metricCode/financialYear`; setting it again corrects the target. */
export type MetricTargetSetData = { boardId: string; metricCode: string; financialYear: string; target: number; amberWithin?: number };

export class MetricTargetSet extends DomainEventClass<'MetricTargetSet', MetricTargetSetData> {
  static readonly type = 'MetricTargetSet';
  readonly type = MetricTargetSet.type;
}
