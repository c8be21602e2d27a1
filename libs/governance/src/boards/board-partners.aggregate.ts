import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened } from '../board-fact.rules';
import { partnersStream } from '../board-streams';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import type { BoardPartnerView, PartnerMembership } from './board-view';
import { PartnerJoined, PartnerLeft, type BoardEstablishedData, type PartnerMembershipChangedData } from './boards.events';

type PartnersEvent = PartnerJoined | PartnerLeft | RecordRetracted;

interface MembershipChange {
  type: 'PartnerJoined' | 'PartnerLeft';
  data: PartnerMembershipChangedData;
  /** Recording order, to order two changes of the same partner on the same day. */
  seq: number;
}

/** What the partners stream needs of the board's establishment: its date and founding partners. */
export type BoardFounding = Pick<BoardEstablishedData, 'boardId' | 'establishedOn' | 'partners'>;

/**
 * Partner membership of one board over time (`board-<boardId>-partners`). The partners listed in
 * BoardEstablished are members from `establishedOn`; PartnerJoined and PartnerLeft open and close
 * later periods. Every partner's changes, in date order, must alternate join, leave, join, ...
 * A change with the same business key (`partnerId/on`) and type as a recorded one corrects it.
 */
export class BoardPartners extends EventSourcedAggregate<PartnersEvent> implements RetractableAggregate {
  private changes: MembershipChange[] = [];
  private seq = 0;

  constructor(readonly boardId: string) {
    super();
  }

  get stream(): string {
    return partnersStream(this.boardId);
  }

  join(data: PartnerMembershipChangedData, founding: BoardFounding, today: string): void {
    this.decideChange('PartnerJoined', data, founding, today);
    this.apply(new PartnerJoined(data));
  }

  leave(data: PartnerMembershipChangedData, founding: BoardFounding, today: string): void {
    this.decideChange('PartnerLeft', data, founding, today);
    this.apply(new PartnerLeft(data));
  }

  /** `businessId` is `partnerId/on`, e.g. `police-sw/2025-05-01`. */
  retract(retractedType: string, businessId: string, reason: string, founding?: BoardFounding): void {
    const slash = businessId.lastIndexOf('/');
    const partnerId = businessId.slice(0, slash);
    const on = businessId.slice(slash + 1);
    const index = this.changes.findIndex(
      (change) => change.type === retractedType && change.data.partnerId === partnerId && change.data.on === on,
    );
    if (slash < 0 || index < 0) throw new NotFound(retractedType, businessId);
    if (founding !== undefined) {
      const remaining = this.changes.filter((_, i) => i !== index);
      const broken = walk(founding, remaining, partnerId).broken;
      if (broken !== null) {
        throw new DomainRuleViolation(
          'retraction-leaves-dependent-facts',
          `Retracting ${retractedType} ${businessId} would leave ${broken.type} of ${partnerId} on ${broken.on} without the membership it changes`,
          { retractedType, businessId, dependent: { type: broken.type, on: broken.on } },
        );
      }
    }
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  /** Every partner, founding or joined later, with its membership periods. */
  partners(founding: BoardFounding): BoardPartnerView[] {
    const ids = [
      ...new Set([...founding.partners.map((partner) => partner.partnerId), ...this.changes.map((change) => change.data.partnerId)]),
    ];
    return ids.map((partnerId) => {
      const listed = founding.partners.find((partner) => partner.partnerId === partnerId);
      const view: BoardPartnerView = {
        partnerId,
        name: listed?.name ?? null,
        kind: listed?.kind ?? null,
        statutory: listed?.statutory ?? false,
        founding: listed !== undefined,
        memberships: walk(founding, this.changes, partnerId).memberships,
      };
      for (const change of this.ordered(partnerId)) {
        view.name = change.data.name ?? view.name;
        view.kind = change.data.kind ?? view.kind;
        view.statutory = change.data.statutory ?? view.statutory;
      }
      return view;
    });
  }

  onPartnerJoined(event: { data: PartnerMembershipChangedData }): void {
    this.record('PartnerJoined', event.data);
  }

  onPartnerLeft(event: { data: PartnerMembershipChangedData }): void {
    this.record('PartnerLeft', event.data);
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    const { retractedType, businessId } = event.data;
    this.changes = this.changes.filter(
      (change) => !(change.type === retractedType && `${change.data.partnerId}/${change.data.on}` === businessId),
    );
  }

  private decideChange(type: MembershipChange['type'], data: PartnerMembershipChangedData, founding: BoardFounding, today: string): void {
    assertHappened('on', data.on, today);
    if (data.on < founding.establishedOn) {
      throw new DomainRuleViolation(
        'before-board-established',
        `on ${data.on} is before board ${this.boardId} was established on ${founding.establishedOn}`,
        { boardId: this.boardId, field: 'on', date: data.on, establishedOn: founding.establishedOn },
        'unprocessable',
      );
    }
    if (this.findChange(type, data) !== undefined) return;
    const candidate = [...this.changes, { type, data, seq: this.seq + 1 }];
    if (walk(founding, candidate, data.partnerId).broken === null) return;
    if (type === 'PartnerJoined') {
      throw new DomainRuleViolation(
        'partner-already-member',
        `Partner ${data.partnerId} is already a partner of board ${this.boardId} on ${data.on}`,
        { boardId: this.boardId, partnerId: data.partnerId, on: data.on },
      );
    }
    throw new DomainRuleViolation(
      'partner-not-member',
      `Partner ${data.partnerId} is not a partner of board ${this.boardId} on ${data.on}, so it cannot leave`,
      { boardId: this.boardId, partnerId: data.partnerId, on: data.on },
    );
  }

  private record(type: MembershipChange['type'], data: PartnerMembershipChangedData): void {
    this.seq += 1;
    const earlier = this.findChange(type, data);
    if (earlier !== undefined) earlier.data = data;
    else this.changes.push({ type, data, seq: this.seq });
  }

  private findChange(type: MembershipChange['type'], data: PartnerMembershipChangedData): MembershipChange | undefined {
    return this.changes.find((change) => change.type === type && change.data.partnerId === data.partnerId && change.data.on === data.on);
  }

  private ordered(partnerId: string): MembershipChange[] {
    return this.changes.filter((change) => change.data.partnerId === partnerId).sort((a, b) => a.seq - b.seq);
  }
}

interface Step {
  type: MembershipChange['type'];
  on: string;
  seq: number;
}

/**
 * One partner's membership periods from its changes in date order (same day: recording order,
 * founding first). `broken` is the first change that does not alternate (a join while a member,
 * a leave while not one); it and what it would have changed are left out of the periods.
 */
function walk(
  founding: BoardFounding,
  changes: readonly MembershipChange[],
  partnerId: string,
): { memberships: PartnerMembership[]; broken: Step | null } {
  const steps: Step[] = changes
    .filter((change) => change.data.partnerId === partnerId)
    .map((change) => ({ type: change.type, on: change.data.on, seq: change.seq }));
  if (founding.partners.some((partner) => partner.partnerId === partnerId))
    steps.push({ type: 'PartnerJoined', on: founding.establishedOn, seq: -1 });
  steps.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : a.seq - b.seq));
  const memberships: PartnerMembership[] = [];
  let broken: Step | null = null;
  for (const step of steps) {
    const open = memberships.at(-1)?.to === null;
    if (step.type === 'PartnerJoined' && !open) memberships.push({ from: step.on, to: null });
    else if (step.type === 'PartnerLeft' && open) memberships[memberships.length - 1].to = step.on;
    else broken ??= step;
  }
  return { memberships, broken };
}
