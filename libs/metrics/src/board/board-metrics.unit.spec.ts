import { parsePeriod } from '@app/calendar';
import { DEFAULT_BOARD_SETTINGS } from '../facts/fact';
import { BOARD_METRIC_DEFINITIONS, computeBoardUnits } from './board-metrics';
import { fact, givenBoard } from './testing/board-facts.fixture';

const board = givenBoard(
  fact('BoardEstablished', {
    name: 'Cardiff and Vale RSCB',
    establishedOn: '2025-01-06',
    localAuthorities: ['W06000015'],
    partners: [{ partnerId: 'la', name: 'Council', kind: 'local-authority', statutory: true }],
  }),
  fact('BoardMeetingHeld', { meetingId: 'bm-1', heldOn: '2025-05-14', quorate: true, attendees: [{ partnerId: 'la', delegate: false }] }),
  fact('AuditScheduled', { auditId: 'au-1', title: 'Neglect', dueOn: '2025-06-30' }),
  fact('AuditCompleted', { auditId: 'au-1', completedOn: '2025-06-20', caseResults: [{ caseRef: 'c-1', grade: 'good' }] }),
  fact('ActionAssigned', {
    actionId: 'ac-1',
    title: 'Refresh neglect toolkit',
    ownerPartnerId: 'la',
    assignedOn: '2025-04-02',
    dueOn: '2025-06-01',
    arisingFrom: { kind: 'priority', id: 'p-1' },
  }),
  fact('ActionCompleted', { actionId: 'ac-1', on: '2025-03-30' }),
  fact('FundingContributionAgreed', {
    contributionId: 'c-1',
    partnerId: 'la',
    financialYear: '2025-26',
    amountPence: 100_000,
    dueOn: '2025-06-30',
  }),
  fact('FundingContributionReceived', {
    receiptId: 'r-1',
    contributionId: 'c-1',
    partnerId: 'la',
    amountPence: 100_000,
    receivedOn: '2025-06-01',
  }),
  fact('AnnualPlanPublished', { financialYear: '2025-26', publishedOn: '2025-03-20' }),
  fact('SubgroupFormed', { subgroupId: 'qa', name: 'QA', formedOn: '2025-02-01' }),
  fact('SubgroupMeetingScheduled', { subgroupId: 'qa', meetingId: 'sm-1', on: '2025-05-01' }),
  fact('EngagementActivityHeld', { activityId: 'e-1', on: '2025-05-20', with: 'young-people', participants: 14 }),
);

describe('computeBoardUnits', () => {
  it("gives the units of every board metric for a financial year, then the board's DQ-SEQUENCE units", () => {
    const units = computeBoardUnits(board, parsePeriod('2025-26'), DEFAULT_BOARD_SETTINGS);

    expect(units.map((u) => [u.metricCode, u.unitKey, u.counted])).toEqual([
      ['QA-AUDIT-DELIVERY', 'audit:au-1', 'numerator'],
      ['QA-AUDIT-GOOD', 'audit:au-1/case:c-1', 'numerator'],
      // Completed on 30 March, before it was assigned on 2 April: flagged, denominator only.
      ['QA-ACTIONS-ON-TIME', 'action:ac-1', 'denominator-only'],
      ['LEAD-ATTENDANCE', 'meeting:bm-1/partner:la', 'numerator'],
      ['ACC-STATUTORY-PUBLICATION', 'plan:2025-26', 'numerator'],
      ['ACC-STATUTORY-PUBLICATION', 'report:2024-25', 'denominator-only'],
      ['FUND-CONTRIB-RECEIVED', 'contribution:c-1', 'numerator'],
      ['FUND-CONCENTRATION', 'receipt:r-1', 'numerator'],
      ['STRAT-PLAN-DELIVERY', 'action:ac-1', 'denominator-only'],
      ['STRUCT-SUBGROUP-CADENCE', 'meeting:sm-1', 'denominator-only'],
      ['ENG-PARTICIPATION', 'activity:e-1', 'numerator'],
    ]);
  });

  it("counts the DQ-SEQUENCE flag in the period of the flagged fact's date", () => {
    // The flagged completion is dated 30 March 2025, in 2024-25.
    const units = computeBoardUnits(board, parsePeriod('2024-25'), DEFAULT_BOARD_SETTINGS);

    expect(units.filter((u) => u.metricCode === 'DQ-SEQUENCE').map((u) => u.unitKey)).toEqual([
      'fact:ActionCompleted/ac-1/action-completed-before-assigned',
    ]);
  });

  it('gives no ACC-STATUTORY-PUBLICATION units for a quarter', () => {
    const units = computeBoardUnits(board, parsePeriod('2025-26-Q1'), DEFAULT_BOARD_SETTINGS);

    expect(units.some((u) => u.metricCode === 'ACC-STATUTORY-PUBLICATION')).toBe(false);
    expect(units.some((u) => u.metricCode === 'FUND-CONTRIB-RECEIVED')).toBe(true);
  });

  it('gives the same units whatever order the facts come in', () => {
    const reversed = { ...board, facts: [...board.facts].reverse() };
    const period = parsePeriod('2025-26');

    expect(computeBoardUnits(reversed, period, DEFAULT_BOARD_SETTINGS)).toEqual(computeBoardUnits(board, period, DEFAULT_BOARD_SETTINGS));
  });

  it('leaves out a fact missing a field its metric needs instead of failing the board', () => {
    const withBrokenFacts = givenBoard(
      ...board.facts,
      fact('ActionAssigned', { actionId: 'no-due-date', title: 'x', ownerPartnerId: 'la', assignedOn: '2025-04-02' }),
      fact('BoardMeetingHeld', { meetingId: 'bm-2', heldOn: 'not-a-date', quorate: true, attendees: [] }),
      fact('EngagementActivityHeld', { activityId: 'e-2', on: '2025-05-21', with: 'carers', participants: 'many' }),
    );
    const period = parsePeriod('2025-26');

    expect(computeBoardUnits(withBrokenFacts, period, DEFAULT_BOARD_SETTINGS)).toEqual(
      computeBoardUnits(board, period, DEFAULT_BOARD_SETTINGS),
    );
  });

  it('gives only the statutory duties when the board has no facts', () => {
    const units = computeBoardUnits(givenBoard(), parsePeriod('2025-26'), DEFAULT_BOARD_SETTINGS);

    expect(units.map((u) => u.reason)).toEqual(['plan-not-published', 'report-not-published']);
  });
});

describe('BOARD_METRIC_DEFINITIONS', () => {
  it('lists each board metric of metrics.md once, with its direction and aggregation', () => {
    expect(BOARD_METRIC_DEFINITIONS.map((d) => [d.code, d.direction, d.aggregation])).toEqual([
      ['QA-AUDIT-DELIVERY', 'higher-is-better', 'rate'],
      ['QA-AUDIT-GOOD', 'higher-is-better', 'rate'],
      ['QA-ACTIONS-ON-TIME', 'higher-is-better', 'rate'],
      ['QA-ACTIONS-OVERDUE', 'lower-is-better', 'rate'],
      ['LEAD-ATTENDANCE', 'higher-is-better', 'rate'],
      ['ACC-STATUTORY-PUBLICATION', 'higher-is-better', 'rate'],
      ['FUND-CONTRIB-RECEIVED', 'higher-is-better', 'amount-rate'],
      ['FUND-CONCENTRATION', 'lower-is-better', 'largest-share'],
      ['STRAT-PLAN-DELIVERY', 'higher-is-better', 'rate'],
      ['STRUCT-SUBGROUP-CADENCE', 'higher-is-better', 'rate'],
      ['ENG-PARTICIPATION', 'higher-is-better', 'count'],
    ]);
  });

  it('scopes every entry to the board and restricts ACC-STATUTORY-PUBLICATION to financial years', () => {
    expect(BOARD_METRIC_DEFINITIONS.every((d) => d.scope === 'board')).toBe(true);
    expect(BOARD_METRIC_DEFINITIONS.filter((d) => d.periodKinds).map((d) => [d.code, d.periodKinds])).toEqual([
      ['ACC-STATUTORY-PUBLICATION', ['financial-year']],
    ]);
  });
});
