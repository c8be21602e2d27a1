import { DEFAULT_BOARD_SETTINGS, type BoardSettings } from './fact';

export class InvalidBoardSettings extends Error {
  constructor(readonly problem: string) {
    super(`LEDGER_BOARD_SETTINGS: ${problem}`);
    this.name = 'InvalidBoardSettings';
  }
}

/**
 * Parses board settings from configuration (JSON: board id → settings); boards not named get the
 * Welsh defaults. Throws naming the variable and the rule on a bad value.
 */
export function parseBoardSettings(json: string): (boardId: string) => BoardSettings {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new InvalidBoardSettings('must be a JSON object of board id to settings');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new InvalidBoardSettings('must be a JSON object of board id to settings');
  const settings = new Map<string, BoardSettings>();
  for (const [boardId, value] of Object.entries(parsed as Record<string, unknown>)) {
    const timescale =
      (value as { assessmentTimescale?: unknown } | null)?.assessmentTimescale ?? DEFAULT_BOARD_SETTINGS.assessmentTimescale;
    if (timescale !== 'wales' && timescale !== 'england') {
      throw new InvalidBoardSettings(`${boardId}.assessmentTimescale must be "wales" or "england"`);
    }
    settings.set(boardId, { assessmentTimescale: timescale });
  }
  return (boardId) => settings.get(boardId) ?? DEFAULT_BOARD_SETTINGS;
}
