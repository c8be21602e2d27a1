import type { BusinessDate } from '@app/calendar';
import type { JsonObject } from '@app/event-store';
import type { BoardFacts, Fact } from '../facts/fact';
import { readBoolean, readDate, readNumber, readObject, readObjects, readText } from './board-fact-data';
import { findSequenceFlags, type SequenceFlags } from './sequence-flags';

/** One change to a partner's membership: founding (BoardEstablished), joining or leaving. */
export interface PartnerRecord {
  fact: Fact;
  partnerId: string;
  change: 'joined' | 'left';
  on: BusinessDate;
  /** As stated by this record (founding entries and `PartnerJoined.statutory?`); null when not stated. */
  statutory: boolean | null;
}

export interface BoardMeetingRecord {
  fact: Fact;
  meetingId: string;
  heldOn: BusinessDate;
  attendeePartnerIds: ReadonlySet<string>;
}

export interface ContributionRecord {
  fact: Fact;
  contributionId: string;
  partnerId: string;
  financialYear: string;
  amountPence: number;
  dueOn: BusinessDate;
}

export interface ReceiptRecord {
  fact: Fact;
  receiptId: string;
  contributionId: string;
  partnerId: string;
  amountPence: number;
  receivedOn: BusinessDate;
}

export interface PublicationRecord {
  fact: Fact;
  financialYear: string;
  publishedOn: BusinessDate;
}

export interface SubgroupRecord {
  fact: Fact;
  subgroupId: string;
  formedOn: BusinessDate;
}

export interface SubgroupMeetingRecord {
  fact: Fact;
  subgroupId: string;
  meetingId: string;
  on: BusinessDate;
}

export interface AuditScheduledRecord {
  fact: Fact;
  auditId: string;
  dueOn: BusinessDate;
}

export interface CaseResultRecord {
  caseRef: string | null;
  grade: string | null;
  agency: string | null;
}

export interface AuditCompletedRecord {
  fact: Fact;
  auditId: string;
  completedOn: BusinessDate;
  caseResults: CaseResultRecord[];
}

export interface ActionRecord {
  fact: Fact;
  actionId: string;
  ownerPartnerId: string | null;
  assignedOn: BusinessDate;
  /** The original due date, as assigned. */
  dueOn: BusinessDate;
  arisingFrom: { kind: string; id: string | null } | null;
}

export interface DueDateChangeRecord {
  fact: Fact;
  actionId: string;
  dueOn: BusinessDate;
  changedOn: BusinessDate;
}

/** An `ActionCompleted` or `ActionCancelled`. */
export interface ActionClosureRecord {
  fact: Fact;
  actionId: string;
  on: BusinessDate;
}

export interface EngagementRecord {
  fact: Fact;
  activityId: string;
  on: BusinessDate;
  with: string;
  participants: number;
}

export interface TargetRecord {
  fact: Fact;
  metricCode: string;
  financialYear: string;
  target: number;
  amberWithin: number | null;
}

/**
 * The current board facts of one board read into typed records, indexed the way the board
 * metrics look them up, with the data-quality flags of impossible sequences. A fact missing a
 * field its metric needs is left out of that index (ingestion rejects such facts).
 */
export interface BoardLedger {
  /** The date the board was established, when known. */
  establishedOn: BusinessDate | null;
  /** Membership changes in date order, then log order. */
  partnerRecords: PartnerRecord[];
  boardMeetings: BoardMeetingRecord[];
  contributions: Map<string, ContributionRecord>;
  receipts: ReceiptRecord[];
  /** By financial year. */
  annualPlans: Map<string, PublicationRecord>;
  /** By the financial year reported on. */
  annualReports: Map<string, PublicationRecord>;
  subgroups: Map<string, SubgroupRecord>;
  subgroupMeetingsScheduled: SubgroupMeetingRecord[];
  subgroupMeetingsHeld: Map<string, SubgroupMeetingRecord>;
  auditsScheduled: Map<string, AuditScheduledRecord>;
  auditsCompleted: Map<string, AuditCompletedRecord>;
  actions: Map<string, ActionRecord>;
  /** Per action, in `changedOn` order. */
  dueDateChanges: Map<string, DueDateChangeRecord[]>;
  actionCompletions: Map<string, ActionClosureRecord>;
  actionCancellations: Map<string, ActionClosureRecord>;
  engagements: EngagementRecord[];
  targets: TargetRecord[];
  flags: SequenceFlags;
}

export type BoardRecords = Omit<BoardLedger, 'flags'>;

/** Reads every current fact of a board once; metrics then work on the ledger. */
export function readBoardLedger(board: BoardFacts): BoardLedger {
  const records: BoardRecords = {
    establishedOn: null,
    partnerRecords: [],
    boardMeetings: [],
    contributions: new Map(),
    receipts: [],
    annualPlans: new Map(),
    annualReports: new Map(),
    subgroups: new Map(),
    subgroupMeetingsScheduled: [],
    subgroupMeetingsHeld: new Map(),
    auditsScheduled: new Map(),
    auditsCompleted: new Map(),
    actions: new Map(),
    dueDateChanges: new Map(),
    actionCompletions: new Map(),
    actionCancellations: new Map(),
    engagements: [],
    targets: [],
  };
  const inLogOrder = [...board.facts].sort((a, b) => a.position - b.position);
  for (const fact of inLogOrder) read(records, fact);
  records.partnerRecords.sort((a, b) => (a.on === b.on ? a.fact.position - b.fact.position : a.on < b.on ? -1 : 1));
  for (const changes of records.dueDateChanges.values())
    changes.sort((a, b) => (a.changedOn < b.changedOn ? -1 : a.changedOn > b.changedOn ? 1 : 0));
  return { ...records, flags: findSequenceFlags(records) };
}

// Facts are read in log order, so when two current facts share a business key (which the
// projections prevent) the later one wins in every map.
function read(records: BoardRecords, fact: Fact): void {
  const data = fact.data;
  switch (fact.type) {
    case 'BoardEstablished':
      return readEstablished(records, fact);
    case 'PartnerJoined':
    case 'PartnerLeft': {
      const partnerId = readText(data, 'partnerId');
      const on = readDate(data, 'on');
      if (partnerId === null || on === null) return;
      const change = fact.type === 'PartnerJoined' ? 'joined' : 'left';
      records.partnerRecords.push({ fact, partnerId, change, on, statutory: change === 'joined' ? readBoolean(data, 'statutory') : null });
      return;
    }
    case 'BoardMeetingHeld': {
      const meetingId = readText(data, 'meetingId');
      const heldOn = readDate(data, 'heldOn');
      if (meetingId === null || heldOn === null) return;
      const attendeePartnerIds = new Set(readObjects(data, 'attendees').flatMap((a) => readText(a, 'partnerId') ?? []));
      records.boardMeetings.push({ fact, meetingId, heldOn, attendeePartnerIds });
      return;
    }
    case 'FundingContributionAgreed': {
      const contributionId = readText(data, 'contributionId');
      const partnerId = readText(data, 'partnerId');
      const financialYear = readText(data, 'financialYear');
      const amountPence = readNumber(data, 'amountPence');
      const dueOn = readDate(data, 'dueOn');
      if (contributionId === null || partnerId === null || financialYear === null || amountPence === null || dueOn === null) return;
      records.contributions.set(contributionId, { fact, contributionId, partnerId, financialYear, amountPence, dueOn });
      return;
    }
    case 'FundingContributionReceived': {
      const receiptId = readText(data, 'receiptId');
      const contributionId = readText(data, 'contributionId');
      const partnerId = readText(data, 'partnerId');
      const amountPence = readNumber(data, 'amountPence');
      const receivedOn = readDate(data, 'receivedOn');
      if (receiptId === null || contributionId === null || partnerId === null || amountPence === null || receivedOn === null) return;
      records.receipts.push({ fact, receiptId, contributionId, partnerId, amountPence, receivedOn });
      return;
    }
    case 'AnnualPlanPublished':
    case 'AnnualReportPublished': {
      const financialYear = readText(data, 'financialYear');
      const publishedOn = readDate(data, 'publishedOn');
      if (financialYear === null || publishedOn === null) return;
      const publications = fact.type === 'AnnualPlanPublished' ? records.annualPlans : records.annualReports;
      publications.set(financialYear, { fact, financialYear, publishedOn });
      return;
    }
    case 'SubgroupFormed': {
      const subgroupId = readText(data, 'subgroupId');
      const formedOn = readDate(data, 'formedOn');
      if (subgroupId === null || formedOn === null) return;
      records.subgroups.set(subgroupId, { fact, subgroupId, formedOn });
      return;
    }
    case 'SubgroupMeetingScheduled':
    case 'SubgroupMeetingHeld': {
      const subgroupId = readText(data, 'subgroupId');
      const meetingId = readText(data, 'meetingId');
      const on = readDate(data, 'on');
      if (subgroupId === null || meetingId === null || on === null) return;
      const meeting = { fact, subgroupId, meetingId, on };
      if (fact.type === 'SubgroupMeetingScheduled') records.subgroupMeetingsScheduled.push(meeting);
      else records.subgroupMeetingsHeld.set(meetingId, meeting);
      return;
    }
    case 'AuditScheduled': {
      const auditId = readText(data, 'auditId');
      const dueOn = readDate(data, 'dueOn');
      if (auditId === null || dueOn === null) return;
      records.auditsScheduled.set(auditId, { fact, auditId, dueOn });
      return;
    }
    case 'AuditCompleted': {
      const auditId = readText(data, 'auditId');
      const completedOn = readDate(data, 'completedOn');
      if (auditId === null || completedOn === null) return;
      const caseResults = readObjects(data, 'caseResults').map((result) => ({
        caseRef: readText(result, 'caseRef'),
        grade: readText(result, 'grade'),
        agency: readText(result, 'agency'),
      }));
      records.auditsCompleted.set(auditId, { fact, auditId, completedOn, caseResults });
      return;
    }
    case 'ActionAssigned':
      return readActionAssigned(records, fact);
    case 'ActionDueDateChanged': {
      const actionId = readText(data, 'actionId');
      const dueOn = readDate(data, 'dueOn');
      const changedOn = readDate(data, 'changedOn');
      if (actionId === null || dueOn === null || changedOn === null) return;
      const changes = records.dueDateChanges.get(actionId) ?? [];
      records.dueDateChanges.set(actionId, [...changes.filter((c) => c.changedOn !== changedOn), { fact, actionId, dueOn, changedOn }]);
      return;
    }
    case 'ActionCompleted':
    case 'ActionCancelled': {
      const actionId = readText(data, 'actionId');
      const on = readDate(data, 'on');
      if (actionId === null || on === null) return;
      const closures = fact.type === 'ActionCompleted' ? records.actionCompletions : records.actionCancellations;
      closures.set(actionId, { fact, actionId, on });
      return;
    }
    case 'EngagementActivityHeld': {
      const activityId = readText(data, 'activityId');
      const on = readDate(data, 'on');
      const withWhom = readText(data, 'with');
      const participants = readNumber(data, 'participants');
      if (activityId === null || on === null || withWhom === null || participants === null) return;
      records.engagements.push({ fact, activityId, on, with: withWhom, participants });
      return;
    }
    case 'MetricTargetSet': {
      const metricCode = readText(data, 'metricCode');
      const financialYear = readText(data, 'financialYear');
      const target = readNumber(data, 'target');
      if (metricCode === null || financialYear === null || target === null) return;
      records.targets.push({ fact, metricCode, financialYear, target, amberWithin: readNumber(data, 'amberWithin') });
      return;
    }
    default:
      return;
  }
}

function readEstablished(records: BoardRecords, fact: Fact): void {
  const establishedOn = readDate(fact.data, 'establishedOn');
  if (establishedOn === null) return;
  records.establishedOn = establishedOn;
  records.partnerRecords = records.partnerRecords.filter((record) => record.fact.type !== 'BoardEstablished');
  for (const partner of readObjects(fact.data, 'partners')) {
    const partnerId = readText(partner, 'partnerId');
    if (partnerId === null) continue;
    records.partnerRecords.push({ fact, partnerId, change: 'joined', on: establishedOn, statutory: readBoolean(partner, 'statutory') });
  }
}

function readActionAssigned(records: BoardRecords, fact: Fact): void {
  const data = fact.data;
  const actionId = readText(data, 'actionId');
  const assignedOn = readDate(data, 'assignedOn');
  const dueOn = readDate(data, 'dueOn');
  if (actionId === null || assignedOn === null || dueOn === null) return;
  records.actions.set(actionId, {
    fact,
    actionId,
    ownerPartnerId: readText(data, 'ownerPartnerId'),
    assignedOn,
    dueOn,
    arisingFrom: arisingFromOf(readObject(data, 'arisingFrom')),
  });
}

function arisingFromOf(arisingFrom: JsonObject | null): ActionRecord['arisingFrom'] {
  if (arisingFrom === null) return null;
  const kind = readText(arisingFrom, 'kind');
  return kind === null ? null : { kind, id: readText(arisingFrom, 'id') };
}
