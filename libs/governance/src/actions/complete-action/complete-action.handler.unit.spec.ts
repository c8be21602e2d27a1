import { NotFound } from '@app/ddd';
import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed, commandContext } from '../../testing/governance-test-bed';
import { ACT_7 } from '../action.fixtures';
import type { ActionClosedData } from '../actions.events';
import { CompleteActionCommand } from './complete-action.command';

describe('CompleteActionCommand', () => {
  let bed: GovernanceTestBed;
  const stream = boardFactStream(BOARD_ID, 'action', 'act-7');
  const completion: ActionClosedData = { boardId: BOARD_ID, actionId: 'act-7', on: '2025-06-20' };

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
  });

  afterEach(() => bed.stop());

  const complete = (data: ActionClosedData, eventId?: string) =>
    bed.commands.execute(new CompleteActionCommand(data, commandContext(eventId)));

  it('completes an assigned action', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    await complete(completion);
    expect((await bed.facts(stream)).at(-1)).toEqual({ type: 'ActionCompleted', data: completion });
  });

  it('refuses completing an action twice, even with another date', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 }, { type: 'ActionCompleted', data: completion });
    await expect(complete({ ...completion, on: '2025-06-25' })).rejects.toMatchObject({
      rule: 'action-already-completed',
      values: { actionId: 'act-7', completedOn: '2025-06-20' },
      kind: 'conflict',
    });
    expect(await bed.head()).toBe(3);
  });

  it('completes again after the first completion was retracted', async () => {
    await bed.given(
      stream,
      { type: 'ActionAssigned', data: ACT_7 },
      { type: 'ActionCompleted', data: completion },
      { type: 'RecordRetracted', data: { boardId: BOARD_ID, retractedType: 'ActionCompleted', businessId: 'act-7', reason: 'wrong date' } },
    );
    await expect(complete({ ...completion, on: '2025-06-25' })).resolves.toMatchObject({ status: 'appended' });
  });

  it('answers a redelivered completion as a duplicate, not as a second completion', async () => {
    await bed.given(stream, { type: 'ActionAssigned', data: ACT_7 });
    const first = await complete(completion, 'ce-42');
    await expect(complete(completion, 'ce-42')).resolves.toEqual({ status: 'duplicate', position: first.position, version: 2 });
  });

  it('refuses completing a cancelled action', async () => {
    await bed.given(
      stream,
      { type: 'ActionAssigned', data: ACT_7 },
      { type: 'ActionCancelled', data: { ...completion, on: '2025-06-01' } },
    );
    await expect(complete(completion)).rejects.toMatchObject({
      rule: 'action-already-cancelled',
      values: { actionId: 'act-7', cancelledOn: '2025-06-01' },
    });
  });

  it('refuses a completion before the assignment, before a due date change, or in the future', async () => {
    await bed.given(
      stream,
      { type: 'ActionAssigned', data: ACT_7 },
      {
        type: 'ActionDueDateChanged',
        data: { boardId: BOARD_ID, actionId: 'act-7', dueOn: '2025-09-30', changedOn: '2025-06-10', reason: 'r' },
      },
    );
    await expect(complete({ ...completion, on: '2025-04-30' })).rejects.toMatchObject({
      rule: 'action-completed-before-assigned',
      values: { actionId: 'act-7', on: '2025-04-30', assignedOn: '2025-05-01' },
    });
    await expect(complete({ ...completion, on: '2025-06-09' })).rejects.toMatchObject({ rule: 'action-closed-before-due-date-change' });
    await expect(complete({ ...completion, on: '2025-07-02' })).rejects.toMatchObject({ rule: 'date-in-future' });
  });

  it('refuses completing an action never assigned', async () => {
    await expect(complete(completion)).rejects.toBeInstanceOf(NotFound);
  });
});
