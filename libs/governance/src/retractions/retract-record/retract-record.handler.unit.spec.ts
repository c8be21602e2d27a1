import { NotFound } from '@app/ddd';
import { ACT_7 } from '../../actions/action.fixtures';
import { BOARDS_STREAM, boardFactStream, partnersStream } from '../../board-streams';
import type { RecordRetractedData } from '../../record-retracted.events';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import { RetractRecordCommand } from './retract-record.command';

describe('RetractRecordCommand', () => {
  let bed: GovernanceTestBed;

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const retract = (retractedType: string, businessId: string) =>
    bed.commands.execute(
      new RetractRecordCommand({ boardId: BOARD_ID, retractedType, businessId, reason: 'recorded in error' }, commandContext()),
    );
  const retraction = (retractedType: string, businessId: string): { type: string; data: RecordRetractedData } => ({
    type: 'RecordRetracted',
    data: { boardId: BOARD_ID, retractedType, businessId, reason: 'recorded in error' },
  });

  it('appends the retraction to the stream of the fact it withdraws', async () => {
    const stream = boardFactStream(BOARD_ID, 'meeting', 'bm-1');
    await bed.given(stream, {
      type: 'BoardMeetingHeld',
      data: { boardId: BOARD_ID, meetingId: 'bm-1', heldOn: '2025-06-01', attendees: [], quorate: false },
    });
    await retract('BoardMeetingHeld', 'bm-1');
    expect((await bed.facts(stream)).at(-1)).toEqual(retraction('BoardMeetingHeld', 'bm-1'));
  });

  it('refuses retracting a fact never recorded, or already retracted', async () => {
    await expect(retract('AuditCompleted', 'a1')).rejects.toBeInstanceOf(NotFound);
    const stream = boardFactStream(BOARD_ID, 'engagement', 'eng-1');
    await bed.given(stream, {
      type: 'EngagementActivityHeld',
      data: { boardId: BOARD_ID, activityId: 'eng-1', on: '2025-05-22', with: 'parents', participants: 4 },
    });
    await retract('EngagementActivityHeld', 'eng-1');
    await expect(retract('EngagementActivityHeld', 'eng-1')).rejects.toBeInstanceOf(NotFound);
    expect(await bed.head()).toBe(3);
  });

  it('refuses withdrawing a fact that others still depend on', async () => {
    const stream = boardFactStream(BOARD_ID, 'audit', 'a1');
    await bed.given(
      stream,
      { type: 'AuditScheduled', data: { boardId: BOARD_ID, auditId: 'a1', title: 'Neglect', dueOn: '2025-06-30' } },
      {
        type: 'AuditCompleted',
        data: { boardId: BOARD_ID, auditId: 'a1', completedOn: '2025-06-12', caseResults: [{ caseRef: 'c1', grade: 'good' }] },
      },
    );
    await expect(retract('AuditScheduled', 'a1')).rejects.toMatchObject({
      rule: 'retraction-leaves-dependent-facts',
      values: { retractedType: 'AuditScheduled', businessId: 'a1', dependents: [{ type: 'AuditCompleted', businessId: 'a1' }] },
    });
    await retract('AuditCompleted', 'a1');
    await retract('AuditScheduled', 'a1');
    expect((await bed.facts(stream)).map((fact) => fact.type)).toEqual([
      'AuditScheduled',
      'AuditCompleted',
      'RecordRetracted',
      'RecordRetracted',
    ]);
  });

  it('finds a receipt and a subgroup meeting in the stream of the fact they belong to', async () => {
    const contribution = boardFactStream(BOARD_ID, 'contribution', 'c-1');
    await bed.given(
      contribution,
      {
        type: 'FundingContributionAgreed',
        data: {
          boardId: BOARD_ID,
          contributionId: 'c-1',
          partnerId: 'police-sw',
          financialYear: '2025-26',
          amountPence: 100,
          dueOn: '2025-09-30',
        },
      },
      {
        type: 'FundingContributionReceived',
        data: {
          boardId: BOARD_ID,
          receiptId: 'r-1',
          contributionId: 'c-1',
          partnerId: 'police-sw',
          amountPence: 100,
          receivedOn: '2025-06-01',
        },
      },
    );
    const subgroup = boardFactStream(BOARD_ID, 'subgroup', 'sg-qa');
    await bed.given(
      subgroup,
      { type: 'SubgroupFormed', data: { boardId: BOARD_ID, subgroupId: 'sg-qa', name: 'QA', formedOn: '2024-09-01' } },
      { type: 'SubgroupMeetingScheduled', data: { boardId: BOARD_ID, subgroupId: 'sg-qa', meetingId: 'm-1', on: '2025-09-10' } },
    );
    await retract('FundingContributionReceived', 'r-1');
    await retract('SubgroupMeetingScheduled', 'm-1');
    expect((await bed.facts(contribution)).at(-1)).toEqual(retraction('FundingContributionReceived', 'r-1'));
    expect((await bed.facts(subgroup)).at(-1)).toEqual(retraction('SubgroupMeetingScheduled', 'm-1'));
    await expect(retract('SubgroupMeetingHeld', 'm-1')).rejects.toBeInstanceOf(NotFound);
  });

  it('names composite keys with a slash: a due date change, a partner change, a target', async () => {
    const action = boardFactStream(BOARD_ID, 'action', 'act-7');
    await bed.given(
      action,
      { type: 'ActionAssigned', data: ACT_7 },
      {
        type: 'ActionDueDateChanged',
        data: { boardId: BOARD_ID, actionId: 'act-7', dueOn: '2025-09-30', changedOn: '2025-05-10', reason: 'r' },
      },
    );
    await bed.given(partnersStream(BOARD_ID), { type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'cvuhb', on: '2025-03-31' } });
    await bed.given(boardFactStream(BOARD_ID, 'target', 'CP-PLAN-2Y-2025-26'), {
      type: 'MetricTargetSet',
      data: { boardId: BOARD_ID, metricCode: 'CP-PLAN-2Y', financialYear: '2025-26', target: 0.05 },
    });
    await expect(retract('ActionDueDateChanged', 'act-7/2025-05-11')).rejects.toBeInstanceOf(NotFound);
    await retract('ActionDueDateChanged', 'act-7/2025-05-10');
    await retract('PartnerLeft', 'cvuhb/2025-03-31');
    await retract('MetricTargetSet', 'CP-PLAN-2Y/2025-26');
    expect((await bed.facts(action)).at(-1)).toEqual(retraction('ActionDueDateChanged', 'act-7/2025-05-10'));
    expect((await bed.facts(partnersStream(BOARD_ID))).at(-1)).toEqual(retraction('PartnerLeft', 'cvuhb/2025-03-31'));
  });

  it('refuses withdrawing a partner joining that a later departure depends on', async () => {
    await bed.given(
      partnersStream(BOARD_ID),
      { type: 'PartnerJoined', data: { boardId: BOARD_ID, partnerId: 'probation', on: '2024-04-01' } },
      { type: 'PartnerLeft', data: { boardId: BOARD_ID, partnerId: 'probation', on: '2025-03-31' } },
    );
    await expect(retract('PartnerJoined', 'probation/2024-04-01')).rejects.toMatchObject({ rule: 'retraction-leaves-dependent-facts' });
  });

  it('withdraws the board’s own establishment, freeing its local authorities', async () => {
    await retract('BoardEstablished', BOARD_ID);
    expect((await bed.facts(BOARDS_STREAM)).at(-1)).toEqual(retraction('BoardEstablished', BOARD_ID));
    await expect(retract('AuditScheduled', 'a1')).rejects.toMatchObject({ what: 'Board', id: BOARD_ID });
  });

  it('refuses retracting another board’s establishment or an unknown type', async () => {
    await expect(retract('BoardEstablished', 'gwent')).rejects.toMatchObject({ rule: 'retraction-outside-board' });
    await expect(retract('ReferralReceived', 'ref-1')).rejects.toMatchObject({ rule: 'not-a-retractable-board-fact' });
    expect(await bed.head()).toBe(1);
  });
});
