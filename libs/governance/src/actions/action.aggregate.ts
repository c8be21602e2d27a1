import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertPartnerOn } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import {
  ActionAssigned,
  ActionCancelled,
  ActionCompleted,
  ActionDueDateChanged,
  type ActionAssignedData,
  type ActionClosedData,
  type ActionDueDateChangedData,
} from './actions.events';

type ActionEvent = ActionAssigned | ActionDueDateChanged | ActionCompleted | ActionCancelled | RecordRetracted;

/**
 * An action the board assigned to a partner (`board-<boardId>-action-<actionId>`).
 *
 * An action closes once: completed or cancelled, never both, never twice. To correct a completion
 * or cancellation date, retract the ActionCompleted (or ActionCancelled) and record it again: a
 * second completion is refused rather than taken as a correction, because a completion sent twice
 * with two dates is more often a mistake than a correction.
 */
export class Action extends EventSourcedAggregate<ActionEvent> implements RetractableAggregate {
  assigned: ActionAssignedData | null = null;
  /** Due date changes in force, by `changedOn`. */
  readonly dueDateChanges = new Map<string, ActionDueDateChangedData>();
  completed: ActionClosedData | null = null;
  cancelled: ActionClosedData | null = null;

  constructor(
    readonly boardId: string,
    readonly actionId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'action', this.actionId);
  }

  /** Assign the action, or correct the assignment; not to a day after the action's recorded progress. */
  assign(data: ActionAssignedData, board: BoardView, today: string): void {
    assertHappened('assignedOn', data.assignedOn, today);
    assertPartnerOn(board, data.ownerPartnerId, data.assignedOn, 'owner');
    this.assertDueNotBeforeAssigned(data.dueOn, data.assignedOn);
    const progress = this.progressDates();
    const earliest = progress.sort((a, b) => (a.on < b.on ? -1 : 1))[0];
    if (earliest !== undefined && earliest.on < data.assignedOn) {
      throw new DomainRuleViolation(
        'action-assigned-after-its-progress',
        `Action ${data.actionId} cannot be assigned on ${data.assignedOn}: it has ${earliest.type} on ${earliest.on}`,
        { actionId: data.actionId, assignedOn: data.assignedOn, progress: earliest },
        'unprocessable',
      );
    }
    this.apply(new ActionAssigned(data));
  }

  /** A new due date with its reason; a change on the same `changedOn` corrects that change. */
  changeDueDate(data: ActionDueDateChangedData, today: string): void {
    const assigned = this.requireAssigned();
    assertHappened('changedOn', data.changedOn, today);
    if (data.reason.trim().length === 0) {
      throw new DomainRuleViolation(
        'due-date-change-reason-required',
        `A due date change of action ${data.actionId} needs a reason`,
        { actionId: data.actionId },
        'unprocessable',
      );
    }
    this.assertNotBeforeAssigned('due-date-changed-before-assigned', 'changedOn', data.changedOn, assigned);
    this.assertDueNotBeforeAssigned(data.dueOn, assigned.assignedOn);
    const closed = this.completed ?? this.cancelled;
    if (closed !== null && data.changedOn > closed.on) {
      throw new DomainRuleViolation(
        'due-date-changed-after-action-closed',
        `Action ${data.actionId} was ${this.completed !== null ? 'completed' : 'cancelled'} on ${closed.on}; its due date cannot change on ${data.changedOn}`,
        { actionId: data.actionId, changedOn: data.changedOn, closedOn: closed.on },
      );
    }
    this.apply(new ActionDueDateChanged(data));
  }

  complete(data: ActionClosedData, today: string): void {
    const assigned = this.requireAssigned();
    this.assertOpen();
    assertHappened('on', data.on, today);
    this.assertNotBeforeAssigned('action-completed-before-assigned', 'on', data.on, assigned);
    this.assertNoDueDateChangeAfter(data.on);
    this.apply(new ActionCompleted(data));
  }

  cancel(data: ActionClosedData, today: string): void {
    const assigned = this.requireAssigned();
    this.assertOpen();
    assertHappened('on', data.on, today);
    this.assertNotBeforeAssigned('action-cancelled-before-assigned', 'on', data.on, assigned);
    this.assertNoDueDateChangeAfter(data.on);
    this.apply(new ActionCancelled(data));
  }

  /** The due date in force on `day`: that of the latest change made on or before it, else the original. */
  dueOnAsOf(day: string): string | null {
    if (this.assigned === null) return null;
    let dueOn = this.assigned.dueOn;
    let latest = '';
    for (const change of this.dueDateChanges.values()) {
      if (change.changedOn <= day && change.changedOn >= latest) {
        latest = change.changedOn;
        dueOn = change.dueOn;
      }
    }
    return dueOn;
  }

  /** `businessId` is the action id, or `actionId/changedOn` for a due date change. */
  retract(retractedType: string, businessId: string, reason: string): void {
    switch (retractedType) {
      case ActionAssigned.type:
        if (this.assigned === null) break;
        if (this.progressDates().length > 0) {
          throw new DomainRuleViolation(
            'retraction-leaves-dependent-facts',
            `Action ${businessId} has due date changes, a completion or a cancellation in force; retract them first`,
            { retractedType, businessId, dependents: this.progressDates() },
          );
        }
        return this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
      case ActionDueDateChanged.type:
        if (!this.dueDateChanges.has(businessId.slice(this.actionId.length + 1)) || !businessId.startsWith(`${this.actionId}/`)) break;
        return this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
      case ActionCompleted.type:
      case ActionCancelled.type:
        if ((retractedType === ActionCompleted.type ? this.completed : this.cancelled) === null) break;
        return this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
    }
    throw new NotFound(retractedType, businessId);
  }

  onActionAssigned(event: { data: ActionAssignedData }): void {
    this.assigned = event.data;
  }

  onActionDueDateChanged(event: { data: ActionDueDateChangedData }): void {
    this.dueDateChanges.set(event.data.changedOn, event.data);
  }

  onActionCompleted(event: { data: ActionClosedData }): void {
    this.completed = event.data;
  }

  onActionCancelled(event: { data: ActionClosedData }): void {
    this.cancelled = event.data;
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    switch (event.data.retractedType) {
      case ActionAssigned.type:
        this.assigned = null;
        break;
      case ActionDueDateChanged.type:
        this.dueDateChanges.delete(event.data.businessId.slice(this.actionId.length + 1));
        break;
      case ActionCompleted.type:
        this.completed = null;
        break;
      case ActionCancelled.type:
        this.cancelled = null;
        break;
    }
  }

  private requireAssigned(): ActionAssignedData {
    if (this.assigned === null) throw new NotFound('Action', this.actionId);
    return this.assigned;
  }

  private assertOpen(): void {
    if (this.completed !== null) {
      throw new DomainRuleViolation('action-already-completed', `Action ${this.actionId} was already completed on ${this.completed.on}`, {
        actionId: this.actionId,
        completedOn: this.completed.on,
      });
    }
    if (this.cancelled !== null) {
      throw new DomainRuleViolation('action-already-cancelled', `Action ${this.actionId} was already cancelled on ${this.cancelled.on}`, {
        actionId: this.actionId,
        cancelledOn: this.cancelled.on,
      });
    }
  }

  private assertNotBeforeAssigned(rule: string, field: string, date: string, assigned: ActionAssignedData): void {
    if (date < assigned.assignedOn) {
      throw new DomainRuleViolation(
        rule,
        `${field} ${date} of action ${this.actionId} is before it was assigned on ${assigned.assignedOn}`,
        { actionId: this.actionId, [field]: date, assignedOn: assigned.assignedOn },
        'unprocessable',
      );
    }
  }

  private assertDueNotBeforeAssigned(dueOn: string, assignedOn: string): void {
    if (dueOn < assignedOn) {
      throw new DomainRuleViolation(
        'action-due-before-assigned',
        `Action ${this.actionId} cannot be due on ${dueOn}, before it was assigned on ${assignedOn}`,
        { actionId: this.actionId, dueOn, assignedOn },
        'unprocessable',
      );
    }
  }

  /** An action cannot close before a due date change recorded for it. */
  private assertNoDueDateChangeAfter(on: string): void {
    const later = [...this.dueDateChanges.values()].find((change) => change.changedOn > on);
    if (later !== undefined) {
      throw new DomainRuleViolation(
        'action-closed-before-due-date-change',
        `Action ${this.actionId} cannot close on ${on}: its due date was changed on ${later.changedOn}`,
        { actionId: this.actionId, on, changedOn: later.changedOn },
        'unprocessable',
      );
    }
  }

  private progressDates(): { type: string; on: string }[] {
    return [
      ...[...this.dueDateChanges.values()].map((change) => ({ type: ActionDueDateChanged.type, on: change.changedOn })),
      ...(this.completed === null ? [] : [{ type: ActionCompleted.type, on: this.completed.on }]),
      ...(this.cancelled === null ? [] : [{ type: ActionCancelled.type, on: this.cancelled.on }]),
    ];
  }
}
