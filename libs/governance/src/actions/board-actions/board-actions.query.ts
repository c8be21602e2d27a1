import { Query } from '@nestjs/cqrs';
import type { ActionStateFilter, BoardActions } from './board-actions.dto';

/** The board's actions in a state (open ones by default) with owners and the due dates in force today. */
export class BoardActionsQuery extends Query<BoardActions> {
  constructor(
    readonly boardId: string,
    readonly state: ActionStateFilter,
  ) {
    super();
  }
}
