import { BOARD_EVENT_NAMES } from '@app/ingestion/catalogue/event-names';
import { nameOf } from './demo-calibration';
import { generateDemo } from './generate-demo';
import type { CloudEvent } from './demo-scheduler';

type Data = Record<string, unknown>;

interface Membership {
  from: string;
  to: string | null;
}

/** A board's facts as seen so far in the stream, to check each new fact against. */
class BoardState {
  readonly memberships = new Map<string, Membership[]>();
  readonly contributions = new Map<string, Data>();
  readonly audits = new Map<string, string>();
  readonly actions = new Map<string, { assignedOn: string; closed: string | null }>();
  readonly subgroups = new Map<string, string>();
  readonly violations: string[] = [];

  isPartnerOn(partnerId: string, day: string): boolean {
    return (this.memberships.get(partnerId) ?? []).some((m) => m.from <= day && (m.to === null || m.to >= day));
  }

  requirePartner(partnerId: string, day: string, role: string): void {
    if (!this.isPartnerOn(partnerId, day)) this.violations.push(`${role} ${partnerId} not a partner on ${day}`);
  }
}

function checkBoardRules(events: Iterable<CloudEvent>, today: string): Map<string, BoardState> {
  const boards = new Map<string, BoardState>();
  for (const event of events) {
    const data = event.data;
    if (typeof data.boardId !== 'string') continue;
    const name = nameOf(event);
    if (name === 'BoardEstablished') {
      const state = new BoardState();
      for (const partner of data.partners as Data[])
        state.memberships.set(partner.partnerId as string, [{ from: data.establishedOn as string, to: null }]);
      boards.set(data.boardId, state);
      continue;
    }
    const board = boards.get(data.boardId);
    if (board === undefined) throw new Error(`${name} ${event.id} before its board was established`);
    for (const field of ['heldOn', 'completedOn', 'receivedOn', 'publishedOn', 'formedOn', 'assignedOn', 'changedOn']) {
      if (typeof data[field] === 'string' && (data[field] as string) > today) board.violations.push(`${name} ${field} after today`);
    }
    switch (name) {
      case 'PartnerJoined': {
        const periods = board.memberships.get(data.partnerId as string) ?? [];
        if (periods.some((m) => m.to === null)) board.violations.push(`${data.partnerId as string} joined while a member`);
        board.memberships.set(data.partnerId as string, [...periods, { from: data.on as string, to: null }]);
        break;
      }
      case 'PartnerLeft': {
        const open = (board.memberships.get(data.partnerId as string) ?? []).find((m) => m.to === null);
        if (open === undefined) board.violations.push(`${data.partnerId as string} left without being a member`);
        else open.to = data.on as string;
        break;
      }
      case 'BoardMeetingHeld':
        for (const attendee of data.attendees as Data[])
          board.requirePartner(attendee.partnerId as string, data.heldOn as string, 'attendee');
        break;
      case 'TrainingDelivered':
        for (const attendee of data.attendees as Data[])
          board.requirePartner(attendee.partnerId as string, data.on as string, 'training attendee');
        break;
      case 'FundingContributionAgreed':
        board.requirePartner(data.partnerId as string, `${(data.financialYear as string).slice(0, 4)}-04-01`, 'contributor');
        board.contributions.set(data.contributionId as string, data);
        break;
      case 'FundingContributionReceived': {
        const agreed = board.contributions.get(data.contributionId as string);
        if (agreed === undefined || agreed.partnerId !== data.partnerId)
          board.violations.push(`receipt ${data.receiptId as string} of no agreed contribution of its partner`);
        board.requirePartner(data.partnerId as string, data.receivedOn as string, 'contributor');
        break;
      }
      case 'AuditScheduled':
        board.audits.set(data.auditId as string, event.time.slice(0, 10));
        break;
      case 'AuditCompleted': {
        const scheduled = board.audits.get(data.auditId as string);
        if (scheduled === undefined || (data.completedOn as string) < scheduled)
          board.violations.push(`audit ${data.auditId as string} completed before it was scheduled`);
        break;
      }
      case 'ActionAssigned':
        board.requirePartner(data.ownerPartnerId as string, data.assignedOn as string, 'owner');
        if ((data.dueOn as string) < (data.assignedOn as string))
          board.violations.push(`action ${data.actionId as string} due before assigned`);
        board.actions.set(data.actionId as string, { assignedOn: data.assignedOn as string, closed: null });
        break;
      case 'ActionDueDateChanged':
      case 'ActionCompleted':
      case 'ActionCancelled': {
        const action = board.actions.get(data.actionId as string);
        const on = (data.on ?? data.changedOn) as string;
        if (action === undefined) board.violations.push(`${name} of unassigned action ${data.actionId as string}`);
        else if (action.closed !== null) board.violations.push(`${name} of action ${data.actionId as string} already ${action.closed}`);
        else if (on < action.assignedOn) board.violations.push(`${name} of action ${data.actionId as string} before it was assigned`);
        else if (name !== 'ActionDueDateChanged') action.closed = name;
        break;
      }
      case 'SubgroupFormed':
        board.subgroups.set(data.subgroupId as string, data.formedOn as string);
        break;
      case 'SubgroupMeetingScheduled':
      case 'SubgroupMeetingHeld': {
        const formedOn = board.subgroups.get(data.subgroupId as string);
        if (formedOn === undefined || (data.on as string) < formedOn)
          board.violations.push(`meeting ${data.meetingId as string} of a subgroup not formed`);
        break;
      }
    }
  }
  return boards;
}

describe('the board facts of the demo', () => {
  const TODAY = '2026-03-31';
  let boards: Map<string, BoardState>;
  let boardEvents: CloudEvent[];

  beforeAll(() => {
    boardEvents = [...generateDemo({ boards: 6, years: 2, seed: 1 })].filter((event) => event.source.startsWith('urn:board:'));
    boards = checkBoardRules(boardEvents, TODAY);
  });

  it('keep every board rule: partners on the day, receipts of agreed contributions, audits and actions in order', () => {
    expect(
      [...boards.entries()]
        .filter(([, state]) => state.violations.length > 0)
        .map(([boardId, state]) => [boardId, state.violations.slice(0, 5)]),
    ).toEqual([]);
    expect([...boards.keys()].sort()).toEqual([
      'cardiff-and-vale',
      'cwm-taf-morgannwg',
      'gwent',
      'mid-and-west-wales',
      'north-wales',
      'west-glamorgan',
    ]);
  });

  it('catch a broken rule when one is planted', () => {
    const planted = boardEvents.map((event) =>
      nameOf(event) === 'BoardMeetingHeld'
        ? { ...event, data: { ...event.data, attendees: [{ partnerId: 'not-a-partner', delegate: false }] } }
        : event,
    );
    const violations = [...checkBoardRules(planted, TODAY).values()].flatMap((state) => state.violations);
    expect(violations.length).toBeGreaterThan(0);
  });

  it('cover all seven factors with every kind of board fact', () => {
    const names = new Set(boardEvents.map(nameOf));
    for (const name of BOARD_EVENT_NAMES) {
      expect([name, names.has(name)]).toEqual([name, true]);
    }
  });

  it('include absences, delegates, late and partial funding, late publications and meetings not held', () => {
    const of = (name: string): Data[] => boardEvents.filter((event) => nameOf(event) === name).map((event) => event.data);
    const attendees = of('BoardMeetingHeld').flatMap((meeting) => meeting.attendees as Data[]);
    expect(attendees.some((attendee) => attendee.delegate === true)).toBe(true);
    expect(of('BoardMeetingHeld').some((meeting) => (meeting.attendees as Data[]).length < 12)).toBe(true);

    const agreed = new Map(of('FundingContributionAgreed').map((data) => [data.contributionId as string, data]));
    const receipts = of('FundingContributionReceived');
    expect(
      receipts.some((receipt) => (receipt.receivedOn as string) > (agreed.get(receipt.contributionId as string)?.dueOn as string)),
    ).toBe(true);
    expect(
      receipts.some((receipt) => (receipt.amountPence as number) < (agreed.get(receipt.contributionId as string)?.amountPence as number)),
    ).toBe(true);

    expect(
      of('AnnualPlanPublished').some((plan) => (plan.publishedOn as string) >= `${(plan.financialYear as string).slice(0, 4)}-04-01`),
    ).toBe(true);
    const held = new Set(of('SubgroupMeetingHeld').map((data) => `${data.boardId as string}|${data.meetingId as string}`));
    expect(
      of('SubgroupMeetingScheduled').some(
        (data) => (data.on as string) <= TODAY && !held.has(`${data.boardId as string}|${data.meetingId as string}`),
      ),
    ).toBe(true);
    expect(new Set(of('EngagementActivityHeld').map((data) => data.with))).toEqual(
      new Set(['children', 'young-people', 'parents', 'carers', 'communities']),
    );
  });
});
