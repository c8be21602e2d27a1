import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNotBeforeEstablished } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import { PracticeReviewCommissioned, PracticeReviewPublished, type PracticeReviewMilestoneData } from './practice-reviews.events';

type PracticeReviewEvent = PracticeReviewCommissioned | PracticeReviewPublished | RecordRetracted;

/**
 * A child practice review (`board-<boardId>-practice-review-<reviewId>`): commissioned, then
 * published, of one kind throughout. Recording either again corrects it.
 */
export class PracticeReview extends EventSourcedAggregate<PracticeReviewEvent> implements RetractableAggregate {
  commissioned: PracticeReviewMilestoneData | null = null;
  published: PracticeReviewMilestoneData | null = null;

  constructor(
    readonly boardId: string,
    readonly reviewId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'practice-review', this.reviewId);
  }

  commission(data: PracticeReviewMilestoneData, board: BoardView, today: string): void {
    assertHappened('on', data.on, today);
    assertNotBeforeEstablished(board, 'on', data.on);
    if (this.published !== null) {
      this.assertSameKind(data.kind, this.published.kind, 'published');
      if (data.on > this.published.on) {
        throw new DomainRuleViolation(
          'review-published-before-commissioned',
          `Review ${data.reviewId} cannot be commissioned on ${data.on}: it was published on ${this.published.on}`,
          { reviewId: data.reviewId, commissionedOn: data.on, publishedOn: this.published.on },
          'unprocessable',
        );
      }
    }
    this.apply(new PracticeReviewCommissioned(data));
  }

  recordPublication(data: PracticeReviewMilestoneData, today: string): void {
    if (this.commissioned === null) throw new NotFound('PracticeReview', data.reviewId);
    assertHappened('on', data.on, today);
    this.assertSameKind(data.kind, this.commissioned.kind, 'commissioned');
    if (data.on < this.commissioned.on) {
      throw new DomainRuleViolation(
        'review-published-before-commissioned',
        `Review ${data.reviewId} cannot be published on ${data.on}, before it was commissioned on ${this.commissioned.on}`,
        { reviewId: data.reviewId, publishedOn: data.on, commissionedOn: this.commissioned.on },
        'unprocessable',
      );
    }
    this.apply(new PracticeReviewPublished(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType === PracticeReviewCommissioned.type && this.commissioned !== null) {
      if (this.published !== null) {
        throw new DomainRuleViolation(
          'retraction-leaves-dependent-facts',
          `Review ${businessId} has a publication in force; retract the PracticeReviewPublished first`,
          { retractedType, businessId, dependents: [{ type: PracticeReviewPublished.type, businessId }] },
        );
      }
    } else if (retractedType !== PracticeReviewPublished.type || this.published === null) {
      throw new NotFound(retractedType, businessId);
    }
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onPracticeReviewCommissioned(event: { data: PracticeReviewMilestoneData }): void {
    this.commissioned = event.data;
  }

  onPracticeReviewPublished(event: { data: PracticeReviewMilestoneData }): void {
    this.published = event.data;
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    if (event.data.retractedType === PracticeReviewCommissioned.type) this.commissioned = null;
    if (event.data.retractedType === PracticeReviewPublished.type) this.published = null;
  }

  private assertSameKind(kind: string, recordedKind: string, recordedAs: string): void {
    if (kind !== recordedKind) {
      throw new DomainRuleViolation('review-kind-mismatch', `Review ${this.reviewId} was ${recordedAs} as ${recordedKind}, not ${kind}`, {
        reviewId: this.reviewId,
        kind,
        recordedKind,
      });
    }
  }
}
