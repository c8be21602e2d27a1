import { boardFactStream } from '../../board-streams';
import { BOARD_ID, GovernanceTestBed } from '../../testing/governance-test-bed';
import { ACT_7 } from '../action.fixtures';
import { BoardActionsQuery } from './board-actions.query';

describe('BoardActionsQuery', () => {
  let bed: GovernanceTestBed;

  beforeEach(async () => {
    bed = await GovernanceTestBed.start();
    await bed.givenBoard();
    await bed.given(
      boardFactStream(BOARD_ID, 'action', 'act-7'),
      { type: 'ActionAssigned', data: ACT_7 },
      {
        type: 'ActionDueDateChanged',
        data: { boardId: BOARD_ID, actionId: 'act-7', dueOn: '2025-06-15', changedOn: '2025-05-10', reason: 'brought forward' },
      },
      {
        type: 'ActionDueDateChanged',
        data: { boardId: BOARD_ID, actionId: 'act-7', dueOn: '2025-08-31', changedOn: '2025-07-01', reason: 'agreed delay' },
      },
    );
    await bed.given(boardFactStream(BOARD_ID, 'action', 'act-8'), {
      type: 'ActionAssigned',
      data: { ...ACT_7, actionId: 'act-8', dueOn: '2025-06-30', ownerPartnerId: 'police-sw' },
    });
    await bed.given(
      boardFactStream(BOARD_ID, 'action', 'act-9'),
      { type: 'ActionAssigned', data: { ...ACT_7, actionId: 'act-9' } },
      { type: 'ActionCompleted', data: { boardId: BOARD_ID, actionId: 'act-9', on: '2025-06-01' } },
    );
  });

  afterEach(() => bed.stop());

  it('lists open actions with their owners and the due dates in force today', async () => {
    const { actions } = await bed.queries.execute(new BoardActionsQuery(BOARD_ID, 'open'));
    expect(actions.map((action) => [action.actionId, action.owner.name, action.originalDueOn, action.dueOn, action.overdue])).toEqual([
      ['act-8', 'South Wales Police', '2025-06-30', '2025-06-30', true],
      ['act-7', 'Cardiff Council', '2025-07-31', '2025-08-31', false],
    ]);
  });

  it('lists completed actions when asked, and every action for all', async () => {
    const completed = await bed.queries.execute(new BoardActionsQuery(BOARD_ID, 'completed'));
    expect(completed.actions.map((action) => [action.actionId, action.closedOn])).toEqual([['act-9', '2025-06-01']]);
    const all = await bed.queries.execute(new BoardActionsQuery(BOARD_ID, 'all'));
    expect(all.actions).toHaveLength(3);
  });
});
