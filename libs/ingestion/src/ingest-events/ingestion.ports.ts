import type { CommandContext, HandledCommand } from '@app/ddd';

/** Which board covers a local authority (from `BoardEstablished`); governance answers it. */
export interface BoardLookup {
  boardForLocalAuthority(localAuthority: string): Promise<string | null>;
}

/**
 * Board facts arriving as CloudEvents go through the board's own rules (governance), not
 * straight into the log: the same facts, the same checks as the HTTP commands.
 */
export interface BoardEventHandler {
  dispatch(eventName: string, data: Record<string, unknown>, context: CommandContext): Promise<HandledCommand>;
}

export const BOARD_LOOKUP = Symbol.for('safeguarding-ledger.BoardLookup');
export const BOARD_EVENT_HANDLER = Symbol.for('safeguarding-ledger.BoardEventHandler');
