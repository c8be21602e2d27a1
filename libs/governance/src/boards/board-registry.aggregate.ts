import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNoRepeats } from '../board-fact.rules';
import { BOARDS_STREAM } from '../board-streams';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import { BoardEstablished, type BoardEstablishedData } from './boards.events';

/** Board ids name streams and URLs: lower-case words joined by single hyphens (`cardiff-vale`). */
const BOARD_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

type RegistryEvent = BoardEstablished | RecordRetracted;

/**
 * Every board, from the one `boards` stream. Holding them all in one stream is what makes
 * "a local authority belongs to at most one board" safe: two boards claiming the same local
 * authority at once both load the same version, and the second save is refused as stale.
 */
export class BoardRegistry extends EventSourcedAggregate<RegistryEvent> implements RetractableAggregate {
  private readonly boards = new Map<string, BoardEstablishedData>();
  private readonly boardOfLocalAuthority = new Map<string, string>();

  get stream(): string {
    return BOARDS_STREAM;
  }

  /** The board as last established (corrections applied), or undefined when none is in force. */
  board(boardId: string): BoardEstablishedData | undefined {
    return this.boards.get(boardId);
  }

  boardIds(): string[] {
    return [...this.boards.keys()];
  }

  boardForLocalAuthority(gss: string): string | null {
    return this.boardOfLocalAuthority.get(gss) ?? null;
  }

  /**
   * Establishes a board, or corrects its establishment (a later BoardEstablished for the same
   * board id replaces the earlier one: a new name, other partners, other local authorities).
   */
  establish(data: BoardEstablishedData, today: string): void {
    if (!BOARD_ID.test(data.boardId)) {
      throw new DomainRuleViolation(
        'board-id-format',
        `Board id ${data.boardId} must be lower-case letters and digits in words joined by single hyphens, e.g. cardiff-vale`,
        { boardId: data.boardId },
        'unprocessable',
      );
    }
    assertHappened('establishedOn', data.establishedOn, today);
    if (data.localAuthorities.length === 0) {
      throw new DomainRuleViolation(
        'board-without-local-authority',
        `Board ${data.boardId} must cover at least one local authority`,
        { boardId: data.boardId },
        'unprocessable',
      );
    }
    assertNoRepeats('local-authority-listed-twice', 'localAuthorities', data.localAuthorities);
    assertNoRepeats(
      'partner-listed-twice',
      'partners',
      data.partners.map((partner) => partner.partnerId),
    );
    for (const localAuthority of data.localAuthorities) {
      const owner = this.boardOfLocalAuthority.get(localAuthority);
      if (owner !== undefined && owner !== data.boardId) {
        throw new DomainRuleViolation(
          'local-authority-belongs-to-another-board',
          `Local authority ${localAuthority} already belongs to board ${owner}`,
          { localAuthority, boardId: data.boardId, otherBoardId: owner },
        );
      }
    }
    this.apply(new BoardEstablished(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType !== BoardEstablished.type || !this.boards.has(businessId)) throw new NotFound(retractedType, businessId);
    this.apply(new RecordRetracted({ boardId: businessId, retractedType, businessId, reason }));
  }

  onBoardEstablished(event: { data: BoardEstablishedData }): void {
    this.forget(event.data.boardId);
    this.boards.set(event.data.boardId, event.data);
    for (const localAuthority of event.data.localAuthorities) this.boardOfLocalAuthority.set(localAuthority, event.data.boardId);
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    if (event.data.retractedType === BoardEstablished.type) this.forget(event.data.businessId);
  }

  private forget(boardId: string): void {
    const earlier = this.boards.get(boardId);
    if (earlier === undefined) return;
    for (const localAuthority of earlier.localAuthorities) {
      if (this.boardOfLocalAuthority.get(localAuthority) === boardId) this.boardOfLocalAuthority.delete(localAuthority);
    }
    this.boards.delete(boardId);
  }
}
