import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import { ACT_7 } from '../action.fixtures';
import type { ActionClosedData } from '../actions.events';
import { CancelActionCommand } from './cancel-action.command';

describe('CancelActionCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'action', 'act-7');
  const cancellation: ActionClosedData = { boardId: BOARD_ID, actionId: 'act-7', on: '2025-06-02' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const cancel = (data: ActionClosedData) => bed.commands.execute(new CancelActionCommand(data, commandContext()));

  it('cancels an open action', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    await cancel(cancellation);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'ActionCancelled', data: cancellation });
  });

  it('refuses cancelling a completed action', async () => {
    await bed.given(
      stream,
      { type: 'ActionAssigned', data: ACT_7 },
      { type: 'ActionCompleted', data: { ...cancellation, on: '2025-06-01' } },
    );
    await expect(cancel(cancellation)).rejects.toMatchObject({
      rule: 'action-already-completed',
      values: { actionId: 'act-7', completedOn: '2025-06-01' },
    });
    expect(await bed.head()).toBe(3);
  });

  it('refuses cancelling twice', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 }, { type: 'ActionCancelled', data: cancellation });
    await expect(cancel({ ...cancellation, on: '2025-06-03' })).rejects.toMatchObject({ rule: 'action-already-cancelled' });
  });

  it('refuses a cancellation before the assignment, and of an action never assigned', async () => {
    await expect(cancel(cancellation)).rejects.toBeInstanceOf(NotFound);
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    await expect(cancel({ ...cancellation, on: '2025-04-01' })).rejects.toMatchObject({ rule: 'action-cancelled-before-assigned' });
  });
});
