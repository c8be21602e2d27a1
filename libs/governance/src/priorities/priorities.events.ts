import { DomainEventClass } from '@app/ddd';

export type StrategicPriorityDefinedData = {
  boardId: string;
  priorityId: string;
  title: string;
  financialYear: string;
  /** Codes of the metrics that evidence the priority. */
  metricCodes?: string[];
};

export class StrategicPriorityDefined extends DomainEventClass<'StrategicPriorityDefined', StrategicPriorityDefinedData> {
  static readonly type = 'StrategicPriorityDefined';
  readonly type = StrategicPriorityDefined.type;
}

export type SubgroupFormedData = { boardId: string; subgroupId: string; name: string; formedOn: string };

export class SubgroupFormed extends DomainEventClass<'SubgroupFormed', SubgroupFormedData> {
  static readonly type = 'SubgroupFormed';
  readonly type = SubgroupFormed.type;
}

/** Data of `SubgroupMeetingScheduled` and `SubgroupMeetingHeld`; business key `meetingId`. */
export type SubgroupMeetingData = { boardId: string; subgroupId: string; meetingId: string; on: string };

export class SubgroupMeetingScheduled extends DomainEventClass<'SubgroupMeetingScheduled', SubgroupMeetingData> {
  static readonly type = 'SubgroupMeetingScheduled';
  readonly type = SubgroupMeetingScheduled.type;
}

export class SubgroupMeetingHeld extends DomainEventClass<'SubgroupMeetingHeld', SubgroupMeetingData> {
  static readonly type = 'SubgroupMeetingHeld';
  readonly type = SubgroupMeetingHeld.type;
}
