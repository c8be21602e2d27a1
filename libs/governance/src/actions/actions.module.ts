import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { ActionsController } from './actions.controller';
import { AssignActionHandler } from './assign-action/assign-action.handler';
import { BoardActionsHandler } from './board-actions/board-actions.handler';
import { CancelActionHandler } from './cancel-action/cancel-action.handler';
import { ChangeActionDueDateHandler } from './change-action-due-date/change-action-due-date.handler';
import { CompleteActionHandler } from './complete-action/complete-action.handler';

/** Quality assurance and strategic direction: actions and their delivery. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [ActionsController],
  providers: [AssignActionHandler, ChangeActionDueDateHandler, CompleteActionHandler, CancelActionHandler, BoardActionsHandler],
})
export class ActionsModule {}
