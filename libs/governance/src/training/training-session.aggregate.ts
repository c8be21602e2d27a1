import { EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNoRepeats, assertNotBeforeEstablished, assertPartnerOn } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RetractableAggregate } from '../record-retracted.events';
import { TrainingDelivered, type TrainingDeliveredData } from './training.events';

/**
 * A multi-agency training session (`board-<boardId>-training-<sessionId>`); recording it again
 * corrects it. More may attend than places were offered (people share places, or stand): the
 * count is what happened, so it is not refused.
 */
export class TrainingSession extends EventSourcedAggregate<TrainingDelivered | RecordRetracted> implements RetractableAggregate {
  delivered: TrainingDeliveredData | null = null;

  constructor(
    readonly boardId: string,
    readonly sessionId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'training', this.sessionId);
  }

  record(data: TrainingDeliveredData, board: BoardView, today: string): void {
    assertHappened('on', data.on, today);
    assertNotBeforeEstablished(board, 'on', data.on);
    assertNoRepeats(
      'attendee-listed-twice',
      'attendees',
      data.attendees.map((attendee) => attendee.partnerId),
    );
    for (const attendee of data.attendees) assertPartnerOn(board, attendee.partnerId, data.on, 'training attendee');
    this.apply(new TrainingDelivered(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType !== TrainingDelivered.type || this.delivered === null) throw new NotFound(retractedType, businessId);
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onTrainingDelivered(event: { data: TrainingDeliveredData }): void {
    this.delivered = event.data;
  }

  onRecordRetracted(): void {
    this.delivered = null;
  }
}
