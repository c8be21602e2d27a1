/** What the access checks need to know of the boards (governance's BoardDirectory answers it). */
export interface BoardScopeDirectory {
  /** The board's establishment, or null when no board has that id. */
  getEstablishment(boardId: string): Promise<{ boardId: string } | null>;
}

export const BOARD_SCOPE_DIRECTORY = Symbol.for('safeguarding-ledger.BoardScopeDirectory');
