import { Injectable, Module } from '@nestjs/common';
import { NotFound, type CommandContext, type HandledCommand } from '@app/ddd';
import { BoardDirectory, BoardEventDispatcher, GovernanceModule } from '@app/governance';
import { BOARD_EVENT_HANDLER, BOARD_LOOKUP, type BoardEventHandler, type BoardLookup } from '@app/ingestion';
import { IdentityContext } from '../identity/identity-context';
import { coversBoard } from '../identity/identity';

/**
 * Which board covers a local authority, as the caller may know it: a local authority of a board
 * the caller is not bound to is answered exactly like one no board covers, so ingestion rejects
 * that event with `unknown-board` ("is not covered by any board") and reveals nothing more.
 * Outside a request (no identity) nothing is covered.
 */
@Injectable()
export class ScopedBoardLookup implements BoardLookup {
  constructor(private readonly directory: BoardDirectory) {}

  async boardForLocalAuthority(localAuthority: string): Promise<string | null> {
    const identity = IdentityContext.current();
    const boardId = await this.directory.boardForLocalAuthority(localAuthority);
    return boardId !== null && identity !== undefined && coversBoard(identity, boardId) ? boardId : null;
  }
}

/**
 * Board events through the board's own rules, for the caller's boards only: any other board is
 * answered as a board that does not exist (`NotFound`, so ingestion rejects the event with the
 * rule `not-found`, "Board <id> was not found").
 */
@Injectable()
export class ScopedBoardEventHandler implements BoardEventHandler {
  constructor(private readonly dispatcher: BoardEventDispatcher) {}

  dispatch(eventName: string, data: Record<string, unknown>, context: CommandContext): Promise<HandledCommand> {
    const identity = IdentityContext.current();
    const boardId = String(data.boardId);
    if (identity === undefined || !coversBoard(identity, boardId)) return Promise.reject(new NotFound('Board', boardId));
    return this.dispatcher.dispatch(eventName, data, context);
  }
}

/**
 * Ingestion's board ports bound to governance and scoped to the identity the request (or the
 * Kafka topic) runs as: import it into `IngestionModule.register` instead of the unscoped
 * bindings wherever callers are not trusted with every board.
 */
@Module({
  imports: [GovernanceModule],
  providers: [
    ScopedBoardLookup,
    ScopedBoardEventHandler,
    { provide: BOARD_LOOKUP, useExisting: ScopedBoardLookup },
    { provide: BOARD_EVENT_HANDLER, useExisting: ScopedBoardEventHandler },
  ],
  exports: [BOARD_LOOKUP, BOARD_EVENT_HANDLER],
})
export class ScopedIngestionBoardsModule {}
