import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { leadAttendanceUnits } from './lead-attendance.metric';

const Q1 = parsePeriod('2025-26-Q1');

const established = fact('BoardEstablished', {
  name: 'Cardiff and Vale RSCB',
  establishedOn: '2025-01-06',
  localAuthorities: ['W06000015'],
  partners: [
    { partnerId: 'la', name: 'Council', kind: 'local-authority', statutory: true },
    { partnerId: 'police', name: 'Police', kind: 'police', statutory: true },
    { partnerId: 'health', name: 'Health board', kind: 'health-board', statutory: true },
    { partnerId: 'charity', name: 'Charity', kind: 'third-sector', statutory: false },
  ],
});
const meeting = (meetingId: string, heldOn: string, attendees: Array<[string, boolean]>) =>
  fact('BoardMeetingHeld', {
    meetingId,
    heldOn,
    quorate: true,
    attendees: attendees.map(([partnerId, delegate]) => ({ partnerId, delegate })),
  });

describe('LEAD-ATTENDANCE', () => {
  it('gives a seat to each statutory partner, counts a delegate as attending and an absent partner as a miss', () => {
    const board = givenBoard(
      established,
      meeting('m-1', '2025-05-14', [
        ['la', true],
        ['police', false],
        ['charity', false],
      ]),
    );

    const units = leadAttendanceUnits(readBoardLedger(board), Q1);

    // 3 statutory seats (the charity is not statutory), 2 attended: 2 / 3.
    expect(units).toEqual([
      {
        metricCode: 'LEAD-ATTENDANCE',
        unitKey: 'meeting:m-1/partner:health',
        unitDate: '2025-05-14',
        counted: 'denominator-only',
        reason: 'partner-absent',
        breakdown: 'health',
        positions: [1, 2],
      },
      {
        metricCode: 'LEAD-ATTENDANCE',
        unitKey: 'meeting:m-1/partner:la',
        unitDate: '2025-05-14',
        counted: 'numerator',
        reason: null,
        breakdown: 'la',
        positions: [1, 2],
      },
      {
        metricCode: 'LEAD-ATTENDANCE',
        unitKey: 'meeting:m-1/partner:police',
        unitDate: '2025-05-14',
        counted: 'numerator',
        reason: null,
        breakdown: 'police',
        positions: [1, 2],
      },
    ]);
  });

  it('gives no seat to a partner that left the day before the meeting and a seat to one that left on the meeting day', () => {
    const board = givenBoard(
      established,
      fact('PartnerLeft', { partnerId: 'police', on: '2025-05-13' }),
      fact('PartnerLeft', { partnerId: 'health', on: '2025-05-14' }),
      meeting('m-1', '2025-05-14', [['la', false]]),
    );

    const units = leadAttendanceUnits(readBoardLedger(board), Q1);

    expect(units.map((u) => [u.unitKey, u.counted])).toEqual([
      ['meeting:m-1/partner:health', 'denominator-only'],
      ['meeting:m-1/partner:la', 'numerator'],
    ]);
  });

  it('gives a seat to a partner that joined on the meeting day and none to one joining the day after', () => {
    const board = givenBoard(
      fact('PartnerJoined', { partnerId: 'probation', name: 'Probation', kind: 'probation', statutory: true, on: '2025-05-14' }),
      fact('PartnerJoined', { partnerId: 'youth', name: 'Youth justice', kind: 'youth-justice', statutory: true, on: '2025-05-15' }),
      meeting('m-1', '2025-05-14', [['probation', false]]),
    );

    expect(leadAttendanceUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'LEAD-ATTENDANCE',
        unitKey: 'meeting:m-1/partner:probation',
        unitDate: '2025-05-14',
        counted: 'numerator',
        reason: null,
        breakdown: 'probation',
        positions: [1, 3],
      },
    ]);
  });

  it('gives a seat again to a partner that left and rejoined before the meeting', () => {
    const board = givenBoard(
      established,
      fact('PartnerLeft', { partnerId: 'police', on: '2025-04-30' }),
      fact('PartnerJoined', { partnerId: 'police', on: '2025-06-01' }),
      meeting('m-may', '2025-05-14', []),
      meeting('m-june', '2025-06-11', []),
    );

    const police = leadAttendanceUnits(readBoardLedger(board), Q1).filter((u) => u.breakdown === 'police');

    // The seat at the June meeting is decided by the rejoining (position 3) and the founding
    // record, the latest that states the police are statutory (position 1).
    expect(police).toMatchObject([{ unitKey: 'meeting:m-june/partner:police', positions: [1, 3, 5] }]);
  });

  it('takes whether a partner is statutory from its latest partner record', () => {
    const board = givenBoard(
      established,
      fact('PartnerLeft', { partnerId: 'charity', on: '2025-04-30' }),
      fact('PartnerJoined', { partnerId: 'charity', statutory: true, on: '2025-05-01' }),
      fact('PartnerLeft', { partnerId: 'la', on: '2025-04-30' }),
      fact('PartnerJoined', { partnerId: 'la', statutory: false, on: '2025-05-01' }),
      meeting('m-1', '2025-05-14', []),
    );

    const partners = leadAttendanceUnits(readBoardLedger(board), Q1).map((u) => u.breakdown);

    expect(partners).toEqual(['charity', 'health', 'police']);
  });

  it('takes only meetings held in the period', () => {
    const board = givenBoard(established, meeting('before', '2025-03-31', []), meeting('after', '2025-07-01', []));

    expect(leadAttendanceUnits(readBoardLedger(board), Q1)).toEqual([]);
  });
});
