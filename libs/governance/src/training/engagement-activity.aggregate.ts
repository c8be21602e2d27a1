import { EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNotBeforeEstablished } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RetractableAggregate } from '../record-retracted.events';
import { EngagementActivityHeld, type EngagementActivityHeldData } from './training.events';

/** An engagement activity with children, young people, parents, carers or communities (`board-<boardId>-engagement-<activityId>`). */
export class EngagementActivity extends EventSourcedAggregate<EngagementActivityHeld | RecordRetracted> implements RetractableAggregate {
  held: EngagementActivityHeldData | null = null;

  constructor(
    readonly boardId: string,
    readonly activityId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'engagement', this.activityId);
  }

  record(data: EngagementActivityHeldData, board: BoardView, today: string): void {
    assertHappened('on', data.on, today);
    assertNotBeforeEstablished(board, 'on', data.on);
    this.apply(new EngagementActivityHeld(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType !== EngagementActivityHeld.type || this.held === null) throw new NotFound(retractedType, businessId);
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onEngagementActivityHeld(event: { data: EngagementActivityHeldData }): void {
    this.held = event.data;
  }

  onRecordRetracted(): void {
    this.held = null;
  }
}
