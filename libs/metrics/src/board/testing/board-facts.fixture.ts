import type { JsonObject } from '@app/event-store';
import { businessKeyOf } from '@app/ingestion/business-keys/business-key';
import type { EventName } from '@app/ingestion/catalogue/event-names';
import type { BoardFacts, Fact } from '../../facts/fact';

export const BOARD_ID = 'cardiff-vale';
export const BOARD_SOURCE = 'urn:board:cardiff-vale';

/** A current board fact as the projections give it, keyed per events.md; `givenBoard` numbers it. */
export function fact(type: string, data: JsonObject, source = BOARD_SOURCE): Fact {
  const withBoard = { boardId: BOARD_ID, ...data };
  return { type, key: businessKeyOf(type as EventName, withBoard), data: withBoard, position: 0, positions: [], source };
}

/** The board's facts, recorded at positions 1, 2, 3... in the order given. */
export function givenBoard(...facts: Fact[]): BoardFacts {
  return {
    boardId: BOARD_ID,
    facts: facts.map((f, index) => ({ ...f, position: index + 1, positions: [index + 1] })),
  };
}
