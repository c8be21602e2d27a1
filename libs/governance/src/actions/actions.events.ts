import { DomainEventClass } from '@app/ddd';

export const ACTION_ORIGIN_KINDS = ['audit', 'review', 'plan', 'priority'] as const;
export type ActionOriginKind = (typeof ACTION_ORIGIN_KINDS)[number];

export type ActionAssignedData = {
  boardId: string;
  actionId: string;
  title: string;
  ownerPartnerId: string;
  assignedOn: string;
  dueOn: string;
  arisingFrom?: { kind: ActionOriginKind; id: string };
};

export class ActionAssigned extends DomainEventClass<'ActionAssigned', ActionAssignedData> {
  static readonly type = 'ActionAssigned';
  readonly type = ActionAssigned.type;
}

/** Business key `actionId/changedOn`: the due date in force on a day is that of the latest change made on or before it. */
export type ActionDueDateChangedData = { boardId: string; actionId: string; dueOn: string; changedOn: string; reason: string };

export class ActionDueDateChanged extends DomainEventClass<'ActionDueDateChanged', ActionDueDateChangedData> {
  static readonly type = 'ActionDueDateChanged';
  readonly type = ActionDueDateChanged.type;
}

/** Data of `ActionCompleted` and `ActionCancelled`. */
export type ActionClosedData = { boardId: string; actionId: string; on: string };

export class ActionCompleted extends DomainEventClass<'ActionCompleted', ActionClosedData> {
  static readonly type = 'ActionCompleted';
  readonly type = ActionCompleted.type;
}

export class ActionCancelled extends DomainEventClass<'ActionCancelled', ActionClosedData> {
  static readonly type = 'ActionCancelled';
  readonly type = ActionCancelled.type;
}
