import { financialYear, type BusinessDate } from '@app/calendar';
import type { Fact } from '../facts/fact';
import type { BoardRecords } from './board-ledger';

/**
 * A board fact that is well-formed but impossible in sequence (metrics.md "Data quality"): it
 * stays in the denominator where its metric puts it, never in the numerator, and DQ-SEQUENCE
 * counts it on `on`, the fact's own business date.
 */
export interface SequenceFlag {
  fact: Fact;
  reason: SequenceFlagReason;
  on: BusinessDate;
}

export type SequenceFlagReason =
  | 'action-due-before-assigned'
  | 'action-not-assigned'
  | 'action-completed-before-assigned'
  | 'action-cancelled-before-assigned'
  | 'due-date-changed-before-assigned'
  | 'audit-not-scheduled'
  | 'receipt-for-unknown-contribution'
  | 'receipt-partner-mismatch'
  | 'subgroup-not-formed'
  | 'subgroup-meeting-before-formed'
  | 'report-before-year-end';

export type SequenceFlags = ReadonlyMap<Fact, readonly SequenceFlag[]>;

/** The first flag on any of the facts, in the order given; null when none is flagged. */
export function firstFlag(flags: SequenceFlags, ...facts: Array<Fact | null | undefined>): SequenceFlag | null {
  for (const fact of facts) {
    const flagged = fact ? flags.get(fact) : undefined;
    if (flagged && flagged.length > 0) return flagged[0];
  }
  return null;
}

/** Every impossible sequence among a board's facts. */
export function findSequenceFlags(records: BoardRecords): SequenceFlags {
  const flags = new Map<Fact, SequenceFlag[]>();
  const flag = (fact: Fact, reason: SequenceFlagReason, on: BusinessDate): void => {
    flags.set(fact, [...(flags.get(fact) ?? []), { fact, reason, on }]);
  };

  for (const action of records.actions.values()) {
    if (action.dueOn < action.assignedOn) flag(action.fact, 'action-due-before-assigned', action.assignedOn);
  }
  const closures = [
    { byAction: records.actionCompletions, early: 'action-completed-before-assigned' as const },
    { byAction: records.actionCancellations, early: 'action-cancelled-before-assigned' as const },
  ];
  for (const { byAction, early } of closures) {
    for (const closure of byAction.values()) {
      const action = records.actions.get(closure.actionId);
      if (!action) flag(closure.fact, 'action-not-assigned', closure.on);
      else if (closure.on < action.assignedOn) flag(closure.fact, early, closure.on);
    }
  }
  for (const [actionId, changes] of records.dueDateChanges) {
    const action = records.actions.get(actionId);
    for (const change of changes) {
      if (!action) flag(change.fact, 'action-not-assigned', change.changedOn);
      else if (change.changedOn < action.assignedOn) flag(change.fact, 'due-date-changed-before-assigned', change.changedOn);
    }
  }

  for (const audit of records.auditsCompleted.values()) {
    if (!records.auditsScheduled.has(audit.auditId)) flag(audit.fact, 'audit-not-scheduled', audit.completedOn);
  }

  for (const receipt of records.receipts) {
    const contribution = records.contributions.get(receipt.contributionId);
    if (!contribution) flag(receipt.fact, 'receipt-for-unknown-contribution', receipt.receivedOn);
    else if (contribution.partnerId !== receipt.partnerId) flag(receipt.fact, 'receipt-partner-mismatch', receipt.receivedOn);
  }

  for (const meeting of records.subgroupMeetingsScheduled) {
    const subgroup = records.subgroups.get(meeting.subgroupId);
    if (!subgroup) flag(meeting.fact, 'subgroup-not-formed', meeting.on);
    else if (meeting.on < subgroup.formedOn) flag(meeting.fact, 'subgroup-meeting-before-formed', meeting.on);
  }

  for (const report of records.annualReports.values()) {
    const yearEnd = financialYearEnd(report.financialYear);
    if (yearEnd !== null && report.publishedOn <= yearEnd) flag(report.fact, 'report-before-year-end', report.publishedOn);
  }
  return flags;
}

/** 31 March closing a financial year written `2024-25`; null for any other label. */
function financialYearEnd(label: string): BusinessDate | null {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (match === null || (Number(match[1]) + 1) % 100 !== Number(match[2])) return null;
  return financialYear(Number(match[1])).to;
}
