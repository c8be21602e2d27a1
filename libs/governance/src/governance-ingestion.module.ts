import { Module } from '@nestjs/common';
import { BOARD_EVENT_HANDLER, BOARD_LOOKUP } from '@app/ingestion';
import { BoardEventDispatcher } from './board-event-dispatcher';
import { BoardDirectory } from './boards/board-directory';
import { GovernanceModule } from './governance.module';

/** Governance as ingestion's board ports: which board covers a local authority, and the board's rules for board CloudEvents. */
@Module({
  imports: [GovernanceModule],
  providers: [
    { provide: BOARD_LOOKUP, useExisting: BoardDirectory },
    { provide: BOARD_EVENT_HANDLER, useExisting: BoardEventDispatcher },
  ],
  exports: [BOARD_LOOKUP, BOARD_EVENT_HANDLER],
})
export class GovernanceIngestionModule {}
