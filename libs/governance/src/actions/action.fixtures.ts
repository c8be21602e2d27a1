import { BOARD_ID } from '../testing/governance-test-bed';
import type { ActionAssignedData } from './actions.events';

/** An action assigned on 2025-05-01 to Cardiff Council, due 2025-07-31. */
export const ACT_7: ActionAssignedData = {
  boardId: BOARD_ID,
  actionId: 'act-7',
  title: 'Refresh the neglect toolkit',
  ownerPartnerId: 'cardiff-council',
  assignedOn: '2025-05-01',
  dueOn: '2025-07-31',
  arisingFrom: { kind: 'audit', id: 'a1' },
};
