import { Inject, Injectable } from '@nestjs/common';
import { NotFound, type EventSourcedAggregate } from '@app/ddd';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';
import { BOARDS_STREAM, partnersStream } from '../board-streams';
import { BoardPartners } from './board-partners.aggregate';
import { BoardRegistry } from './board-registry.aggregate';
import type { BoardView } from './board-view';
import type { BoardEstablishedData } from './boards.events';

interface Folded<A> {
  aggregate: A;
  version: number;
}

/**
 * Who the boards are: the `boards` stream and each board's partners stream, folded with the same
 * aggregates that decide board commands, held in memory and caught up on every call by reading
 * only the events after the cached version (one indexed read per stream). Ingestion asks it once
 * per batch which board covers a local authority, so a call that finds nothing new costs one
 * empty read.
 */
@Injectable()
export class BoardDirectory {
  private readonly registry: Folded<BoardRegistry> = { aggregate: new BoardRegistry(), version: 0 };
  private readonly partners = new Map<string, Folded<BoardPartners>>();

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** The board that covers the local authority (GSS code), or null when none does. */
  async boardForLocalAuthority(gss: string): Promise<string | null> {
    await this.catchUpRegistry();
    return this.registry.aggregate.boardForLocalAuthority(gss);
  }

  /** The board with its partners and their membership periods, or null when no board has that id. */
  async getBoard(boardId: string): Promise<BoardView | null> {
    await this.catchUpRegistry();
    const established = this.registry.aggregate.board(boardId);
    if (established === undefined) return null;
    return this.view(established, await this.catchUpPartners(boardId));
  }

  /** Like {@link getBoard}, for commands: a board fact needs its board. @throws NotFound when there is no such board. */
  async requireBoard(boardId: string): Promise<BoardView> {
    const board = await this.getBoard(boardId);
    if (board === null) throw new NotFound('Board', boardId);
    return board;
  }

  /** The board's establishment as last recorded (corrections applied), or null. */
  async getEstablishment(boardId: string): Promise<BoardEstablishedData | null> {
    await this.catchUpRegistry();
    return this.registry.aggregate.board(boardId) ?? null;
  }

  /** Every board in force, ordered by id. */
  async listBoards(): Promise<BoardView[]> {
    await this.catchUpRegistry();
    const boards = this.registry.aggregate
      .boardIds()
      .sort()
      .flatMap((boardId) => this.registry.aggregate.board(boardId) ?? []);
    const partners = await Promise.all(boards.map((board) => this.catchUpPartners(board.boardId)));
    return boards.map((board, index) => this.view(board, partners[index]));
  }

  private view(established: BoardEstablishedData, partners: BoardPartners): BoardView {
    return {
      boardId: established.boardId,
      name: established.name,
      establishedOn: established.establishedOn,
      localAuthorities: [...established.localAuthorities],
      partners: partners.partners(established),
    };
  }

  private async catchUpRegistry(): Promise<void> {
    await this.catchUp(BOARDS_STREAM, this.registry);
  }

  private async catchUpPartners(boardId: string): Promise<BoardPartners> {
    let folded = this.partners.get(boardId);
    if (folded === undefined) {
      folded = { aggregate: new BoardPartners(boardId), version: 0 };
      this.partners.set(boardId, folded);
    }
    await this.catchUp(partnersStream(boardId), folded);
    return folded.aggregate;
  }

  /**
   * Applies the events after the cached version. Two calls may read the same new events at once;
   * applying is synchronous and takes only the next version each time, so none is applied twice.
   */
  private async catchUp(stream: string, folded: Folded<EventSourcedAggregate>): Promise<void> {
    const events: RecordedEvent[] = await this.store.readStream(stream, { fromVersion: folded.version + 1 });
    for (const event of events) {
      if (event.version !== folded.version + 1) continue;
      folded.aggregate.rehydrate([{ type: event.type, data: event.data }], event.version);
      folded.version = event.version;
    }
  }
}
