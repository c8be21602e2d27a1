import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNotBeforeEstablished } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import {
  SubgroupFormed,
  SubgroupMeetingHeld,
  SubgroupMeetingScheduled,
  type SubgroupFormedData,
  type SubgroupMeetingData,
} from './priorities.events';

type SubgroupEvent = SubgroupFormed | SubgroupMeetingScheduled | SubgroupMeetingHeld | RecordRetracted;

/**
 * A subgroup of the board and its meetings, scheduled and held (`board-<boardId>-subgroup-<subgroupId>`).
 * A meeting may be held without having been scheduled (an extra meeting); each meeting id is a
 * business key, so scheduling or holding it again corrects the date.
 */
export class Subgroup extends EventSourcedAggregate<SubgroupEvent> implements RetractableAggregate {
  formed: SubgroupFormedData | null = null;
  readonly scheduled = new Map<string, SubgroupMeetingData>();
  readonly held = new Map<string, SubgroupMeetingData>();

  constructor(
    readonly boardId: string,
    readonly subgroupId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'subgroup', this.subgroupId);
  }

  /** Form the subgroup, or correct its name or date (not to after one of its meetings). */
  form(data: SubgroupFormedData, board: BoardView, today: string): void {
    assertHappened('formedOn', data.formedOn, today);
    assertNotBeforeEstablished(board, 'formedOn', data.formedOn);
    const earlier = [...this.scheduled.values(), ...this.held.values()].find((meeting) => meeting.on < data.formedOn);
    if (earlier !== undefined) {
      throw new DomainRuleViolation(
        'subgroup-formed-after-its-meetings',
        `Subgroup ${data.subgroupId} cannot be formed on ${data.formedOn}: its meeting ${earlier.meetingId} is on ${earlier.on}`,
        { subgroupId: data.subgroupId, formedOn: data.formedOn, meetingId: earlier.meetingId, meetingOn: earlier.on },
        'unprocessable',
      );
    }
    this.apply(new SubgroupFormed(data));
  }

  /** Schedule a meeting; the day may be in the future. */
  schedule(data: SubgroupMeetingData): void {
    this.assertMeetingOfFormedSubgroup(data);
    this.apply(new SubgroupMeetingScheduled(data));
  }

  hold(data: SubgroupMeetingData, today: string): void {
    this.assertMeetingOfFormedSubgroup(data);
    assertHappened('on', data.on, today);
    this.apply(new SubgroupMeetingHeld(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType === SubgroupFormed.type && this.formed !== null) {
      const meetings = [...this.scheduled.values(), ...this.held.values()];
      if (meetings.length > 0) {
        throw new DomainRuleViolation(
          'retraction-leaves-dependent-facts',
          `Subgroup ${businessId} has meetings in force; retract them first`,
          { retractedType, businessId, dependents: meetings.map((meeting) => meeting.meetingId) },
        );
      }
    } else if (!this.meetingsOf(retractedType)?.has(businessId)) {
      throw new NotFound(retractedType, businessId);
    }
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onSubgroupFormed(event: { data: SubgroupFormedData }): void {
    this.formed = event.data;
  }

  onSubgroupMeetingScheduled(event: { data: SubgroupMeetingData }): void {
    this.scheduled.set(event.data.meetingId, event.data);
  }

  onSubgroupMeetingHeld(event: { data: SubgroupMeetingData }): void {
    this.held.set(event.data.meetingId, event.data);
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    if (event.data.retractedType === SubgroupFormed.type) this.formed = null;
    else this.meetingsOf(event.data.retractedType)?.delete(event.data.businessId);
  }

  private meetingsOf(type: string): Map<string, SubgroupMeetingData> | undefined {
    if (type === SubgroupMeetingScheduled.type) return this.scheduled;
    if (type === SubgroupMeetingHeld.type) return this.held;
    return undefined;
  }

  private assertMeetingOfFormedSubgroup(data: SubgroupMeetingData): void {
    if (this.formed === null) throw new NotFound('Subgroup', data.subgroupId);
    if (data.on < this.formed.formedOn) {
      throw new DomainRuleViolation(
        'subgroup-meeting-before-formed',
        `Meeting ${data.meetingId} on ${data.on} is before subgroup ${data.subgroupId} was formed on ${this.formed.formedOn}`,
        { subgroupId: data.subgroupId, meetingId: data.meetingId, on: data.on, formedOn: this.formed.formedOn },
        'unprocessable',
      );
    }
  }
}
