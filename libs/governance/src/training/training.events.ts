import { DomainEventClass } from '@app/ddd';

export type TrainingAttendance = { partnerId: string; count: number };

export type TrainingDeliveredData = {
  boardId: string;
  sessionId: string;
  on: string;
  placesOffered: number;
  attendees: TrainingAttendance[];
};

export class TrainingDelivered extends DomainEventClass<'TrainingDelivered', TrainingDeliveredData> {
  static readonly type = 'TrainingDelivered';
  readonly type = TrainingDelivered.type;
}

export const ENGAGEMENT_AUDIENCES = ['children', 'young-people', 'parents', 'carers', 'communities'] as const;
export type EngagementAudience = (typeof ENGAGEMENT_AUDIENCES)[number];

export type EngagementActivityHeldData = {
  boardId: string;
  activityId: string;
  on: string;
  with: EngagementAudience;
  participants: number;
  summary?: string;
};

export class EngagementActivityHeld extends DomainEventClass<'EngagementActivityHeld', EngagementActivityHeldData> {
  static readonly type = 'EngagementActivityHeld';
  readonly type = EngagementActivityHeld.type;
}
