import { boardFactStream, partnersStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import { ACT_7 } from '../action.fixtures';
import type { ActionAssignedData } from '../actions.events';
import { AssignActionCommand } from './assign-action.command';

describe('AssignActionCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'action', 'act-7');

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const assign = (data: ActionAssignedData) => bed.commands.execute(new AssignActionCommand(data, commandContext()));

  it('assigns an action to a partner in the action stream', async () => {
    await assign(ACT_7);
    expect(await bed.facts(stream)).toEqual([{ type: 'ActionAssigned', data: ACT_7 }]);
  });

  it('refuses an owner that was not a partner on the day of assignment', async () => {
    await bed.given(partnersStream(BOARD_ID), {
      type: 'PartnerLeft',
      data: { boardId: BOARD_ID, partnerId: 'cardiff-council', on: '2025-04-30' },
    });
    await expect(assign(ACT_7)).rejects.toMatchObject({
      rule: 'not-a-partner-on-date',
      values: { boardId: BOARD_ID, partnerId: 'cardiff-council', on: '2025-05-01', role: 'owner' },
    });
    expect(await bed.head()).toBe(2);
  });

  it('refuses a due date before the assignment, and an assignment in the future', async () => {
    await expect(assign({ ...ACT_7, dueOn: '2025-04-30' })).rejects.toMatchObject({
      rule: 'action-due-before-assigned',
      values: { actionId: 'act-7', dueOn: '2025-04-30', assignedOn: '2025-05-01' },
    });
    await expect(assign({ ...ACT_7, assignedOn: '2025-07-02', dueOn: '2025-08-01' })).rejects.toMatchObject({ rule: 'date-in-future' });
  });

  it('takes a later assignment as a correction, but not one dated after the action’s progress', async () => {
    await bed.given(
      stream,
      { type: 'ActionAssigned', data: ACT_7 },
      { type: 'ActionCompleted', data: { boardId: BOARD_ID, actionId: 'act-7', on: '2025-06-01' } },
    );
    await expect(assign({ ...ACT_7, ownerPartnerId: 'police-sw' })).resolves.toMatchObject({ status: 'appended' });
    await expect(assign({ ...ACT_7, assignedOn: '2025-06-02' })).rejects.toMatchObject({
      rule: 'action-assigned-after-its-progress',
      values: { actionId: 'act-7', assignedOn: '2025-06-02', progress: { type: 'ActionCompleted', on: '2025-06-01' } },
    });
  });
});
