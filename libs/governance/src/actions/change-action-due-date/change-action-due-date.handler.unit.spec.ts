import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import { ACT_7 } from '../action.fixtures';
import type { ActionDueDateChangedData } from '../actions.events';
import { ChangeActionDueDateCommand } from './change-action-due-date.command';

describe('ChangeActionDueDateCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'action', 'act-7');
  const change: ActionDueDateChangedData = {
    boardId: BOARD_ID,
    actionId: 'act-7',
    dueOn: '2025-09-30',
    changedOn: '2025-06-20',
    reason: 'Waiting for national guidance',
  };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const changeDueDate = (data: ActionDueDateChangedData) => bed.commands.execute(new ChangeActionDueDateCommand(data, commandContext()));

  it('records a new due date with its reason', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    await changeDueDate(change);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'ActionDueDateChanged', data: change });
  });

  it('refuses a change without a reason', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    await expect(changeDueDate({ ...change, reason: '   ' })).rejects.toMatchObject({
      rule: 'due-date-change-reason-required',
      values: { actionId: 'act-7' },
    });
  });

  it('refuses a change made before the action was assigned, or in the future', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    await expect(changeDueDate({ ...change, changedOn: '2025-04-30' })).rejects.toMatchObject({
      rule: 'due-date-changed-before-assigned',
      values: { actionId: 'act-7', changedOn: '2025-04-30', assignedOn: '2025-05-01' },
    });
    await expect(changeDueDate({ ...change, changedOn: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
    expect(await bed.head()).toBe(2);
  });

  it('refuses a change after the action was closed', async () => {
    await bed.given(
      stream,
      { type: 'ActionAssigned', data: ACT_7 },
      { type: 'ActionCancelled', data: { boardId: BOARD_ID, actionId: 'act-7', on: '2025-06-01' } },
    );
    await expect(changeDueDate(change)).rejects.toMatchObject({
      rule: 'due-date-changed-after-action-closed',
      values: { actionId: 'act-7', changedOn: '2025-06-20', closedOn: '2025-06-01' },
    });
  });

  it('refuses a change to an action never assigned', async () => {
    await expect(changeDueDate(change)).rejects.toBeInstanceOf(NotFound);
  });
});
