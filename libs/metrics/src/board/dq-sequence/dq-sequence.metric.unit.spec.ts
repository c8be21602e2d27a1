import { parsePeriod } from '@app/calendar';
import { readBoardLedger } from '../board-ledger';
import { fact, givenBoard } from '../testing/board-facts.fixture';
import { boardDqSequenceUnits } from './dq-sequence.metric';

const Q1 = parsePeriod('2025-26-Q1');
const LEGACY = 'urn:legacy:minutes-system';

describe('DQ-SEQUENCE for board facts', () => {
  it("flags each impossible sequence once, on the flagged fact's own date, broken down by reason and source", () => {
    const board = givenBoard(
      fact('ActionAssigned', {
        actionId: 'a-1',
        title: 'Audit follow-up',
        ownerPartnerId: 'la',
        assignedOn: '2025-05-10',
        dueOn: '2025-06-01',
      }),
      fact('ActionCompleted', { actionId: 'a-1', on: '2025-05-01' }, LEGACY),
      fact('ActionCancelled', { actionId: 'never-assigned', on: '2025-05-02' }, LEGACY),
      fact('FundingContributionReceived', {
        receiptId: 'r-1',
        contributionId: 'c-unknown',
        partnerId: 'la',
        amountPence: 100,
        receivedOn: '2025-06-30',
      }),
    );

    expect(boardDqSequenceUnits(readBoardLedger(board), Q1)).toEqual([
      {
        metricCode: 'DQ-SEQUENCE',
        unitKey: 'fact:ActionCompleted/a-1/action-completed-before-assigned',
        unitDate: '2025-05-01',
        counted: 'numerator',
        reason: 'action-completed-before-assigned',
        dataQuality: true,
        breakdown: `action-completed-before-assigned|${LEGACY}`,
        positions: [2],
      },
      {
        metricCode: 'DQ-SEQUENCE',
        unitKey: 'fact:ActionCancelled/never-assigned/action-not-assigned',
        unitDate: '2025-05-02',
        counted: 'numerator',
        reason: 'action-not-assigned',
        dataQuality: true,
        breakdown: `action-not-assigned|${LEGACY}`,
        positions: [3],
      },
      {
        metricCode: 'DQ-SEQUENCE',
        unitKey: 'fact:FundingContributionReceived/r-1/receipt-for-unknown-contribution',
        unitDate: '2025-06-30',
        counted: 'numerator',
        reason: 'receipt-for-unknown-contribution',
        dataQuality: true,
        breakdown: 'receipt-for-unknown-contribution|urn:board:cardiff-vale',
        positions: [4],
      },
    ]);
  });

  it('counts a flagged fact in the period of its own date only', () => {
    // The completion is dated 1 July (Q2) although the action it closes is due in Q1.
    const board = givenBoard(
      fact('ActionAssigned', { actionId: 'a-1', title: 'x', ownerPartnerId: 'la', assignedOn: '2025-07-02', dueOn: '2025-07-10' }),
      fact('ActionCompleted', { actionId: 'a-1', on: '2025-07-01' }),
    );
    const ledger = readBoardLedger(board);

    expect(boardDqSequenceUnits(ledger, Q1)).toEqual([]);
    expect(boardDqSequenceUnits(ledger, parsePeriod('2025-26-Q2')).map((u) => u.unitKey)).toEqual([
      'fact:ActionCompleted/a-1/action-completed-before-assigned',
    ]);
  });

  it('flags nothing in a board whose facts are in order', () => {
    const board = givenBoard(
      fact('ActionAssigned', { actionId: 'a-1', title: 'x', ownerPartnerId: 'la', assignedOn: '2025-04-02', dueOn: '2025-05-10' }),
      fact('ActionDueDateChanged', { actionId: 'a-1', changedOn: '2025-04-02', dueOn: '2025-06-10', reason: 'capacity' }),
      fact('ActionCompleted', { actionId: 'a-1', on: '2025-04-02' }),
      fact('AuditScheduled', { auditId: 'au-1', title: 'x', dueOn: '2025-05-01' }),
      fact('AuditCompleted', { auditId: 'au-1', completedOn: '2025-04-20', caseResults: [] }),
      fact('FundingContributionAgreed', {
        contributionId: 'c-1',
        partnerId: 'la',
        financialYear: '2025-26',
        amountPence: 100,
        dueOn: '2025-06-30',
      }),
      fact('FundingContributionReceived', {
        receiptId: 'r-1',
        contributionId: 'c-1',
        partnerId: 'la',
        amountPence: 100,
        receivedOn: '2025-06-30',
      }),
      fact('SubgroupFormed', { subgroupId: 'qa', name: 'QA', formedOn: '2025-04-01' }),
      fact('SubgroupMeetingScheduled', { subgroupId: 'qa', meetingId: 'm-1', on: '2025-04-01' }),
      fact('AnnualReportPublished', { financialYear: '2024-25', publishedOn: '2025-04-01' }),
    );

    expect(boardDqSequenceUnits(readBoardLedger(board), Q1)).toEqual([]);
  });

  it("flags a receipt from a partner other than the contribution's and a meeting of a subgroup never formed", () => {
    const board = givenBoard(
      fact('FundingContributionAgreed', {
        contributionId: 'c-1',
        partnerId: 'la',
        financialYear: '2025-26',
        amountPence: 100,
        dueOn: '2025-06-30',
      }),
      fact('FundingContributionReceived', {
        receiptId: 'r-1',
        contributionId: 'c-1',
        partnerId: 'police',
        amountPence: 100,
        receivedOn: '2025-06-01',
      }),
      fact('SubgroupMeetingScheduled', { subgroupId: 'ghost', meetingId: 'm-1', on: '2025-05-01' }),
    );

    expect(boardDqSequenceUnits(readBoardLedger(board), Q1).map((u) => u.unitKey)).toEqual([
      'fact:SubgroupMeetingScheduled/m-1/subgroup-not-formed',
      'fact:FundingContributionReceived/r-1/receipt-partner-mismatch',
    ]);
  });
});
