import { contains, type BusinessDate, type Period } from '@app/calendar';
import type { MetricDefinition } from '../../catalogue/metric-definition';
import type { MetricUnit } from '../../metric-unit';
import type { BoardLedger, PartnerRecord } from '../board-ledger';
import { boardUnit, inUnitOrder } from '../board-unit';

export const LEAD_ATTENDANCE: MetricDefinition = {
  code: 'LEAD-ATTENDANCE',
  title: 'Statutory partner attendance at board meetings',
  factor: 'leadership',
  unit: 'partner seat',
  direction: 'higher-is-better',
  aggregation: 'rate',
  definition:
    'For each `BoardMeetingHeld` in the period, each statutory partner that had joined the board on or before the meeting and had not left before it holds a seat; the share of seats whose partner is among the attendees (a delegate counts). Membership runs from `BoardEstablished.establishedOn` for founding partners and from `PartnerJoined.on`, until `PartnerLeft.on` (a partner leaving on the meeting day still holds its seat); whether a partner is statutory is as its latest partner record states.',
  numerator: 'seats whose partner attended, in person or by delegate',
  denominator: 'statutory partner seats at board meetings held in the period',
  settings: {},
  scope: 'board',
};

/** One unit per (meeting held in the period, statutory partner holding a seat), broken down by partner. */
export function leadAttendanceUnits(ledger: BoardLedger, period: Period): MetricUnit[] {
  const partners = partnersOf(ledger.partnerRecords);
  const units: MetricUnit[] = [];
  for (const meeting of ledger.boardMeetings) {
    if (!contains(period, meeting.heldOn)) continue;
    for (const [partnerId, records] of partners) {
      const statement = statutoryStatement(records);
      if (statement?.statutory !== true) continue;
      const joining = joiningInForce(records, meeting.heldOn);
      if (joining === null) continue;
      units.push(
        boardUnit({
          metricCode: LEAD_ATTENDANCE.code,
          unitKey: `meeting:${meeting.meetingId}/partner:${partnerId}`,
          unitDate: meeting.heldOn,
          miss: meeting.attendeePartnerIds.has(partnerId) ? null : 'partner-absent',
          facts: [meeting.fact, joining.fact, statement.fact],
          breakdown: partnerId,
        }),
      );
    }
  }
  return inUnitOrder(units);
}

/** Each partner's records (already in date, then log, order), partners in id order. */
function partnersOf(records: readonly PartnerRecord[]): Map<string, PartnerRecord[]> {
  const byPartner = new Map<string, PartnerRecord[]>();
  for (const id of [...new Set(records.map((r) => r.partnerId))].sort()) byPartner.set(id, []);
  for (const record of records) byPartner.get(record.partnerId)?.push(record);
  return byPartner;
}

/** The latest record that states whether the partner is statutory; null when none does. */
function statutoryStatement(records: readonly PartnerRecord[]): PartnerRecord | null {
  return records.filter((r) => r.statutory !== null).at(-1) ?? null;
}

/**
 * The joining that gives the partner a seat on the day, or null: joinings count from their own
 * day, leavings only from the day after (a partner is a member on the day it leaves).
 */
function joiningInForce(records: readonly PartnerRecord[], day: BusinessDate): PartnerRecord | null {
  let joining: PartnerRecord | null = null;
  for (const record of records) {
    if (record.change === 'joined' && record.on <= day) joining = record;
    else if (record.change === 'left' && record.on < day) joining = null;
  }
  return joining;
}
