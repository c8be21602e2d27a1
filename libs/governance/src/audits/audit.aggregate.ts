import { DomainRuleViolation, EventSourcedAggregate, NotFound } from '@app/ddd';
import { assertHappened, assertNoRepeats, assertNotBeforeEstablished } from '../board-fact.rules';
import { boardFactStream } from '../board-streams';
import type { BoardView } from '../boards/board-view';
import { RecordRetracted, type RecordRetractedData, type RetractableAggregate } from '../record-retracted.events';
import { AuditCompleted, AuditScheduled, type AuditCompletedData, type AuditScheduledData } from './audits.events';

type AuditEvent = AuditScheduled | AuditCompleted | RecordRetracted;

/**
 * One multi-agency audit of the board's audit programme (`board-<boardId>-audit-<auditId>`).
 * Completing after `dueOn` is allowed (a late audit is what QA-AUDIT-DELIVERY measures), but not
 * without a schedule, not in the future and not before the board existed. Completing again
 * corrects the date or the grades.
 */
export class Audit extends EventSourcedAggregate<AuditEvent> implements RetractableAggregate {
  scheduled: AuditScheduledData | null = null;
  completed: AuditCompletedData | null = null;

  constructor(
    readonly boardId: string,
    readonly auditId: string,
  ) {
    super();
  }

  get stream(): string {
    return boardFactStream(this.boardId, 'audit', this.auditId);
  }

  /** Schedule the audit, or correct its title or due date; the due date may be in the future. */
  schedule(data: AuditScheduledData): void {
    this.apply(new AuditScheduled(data));
  }

  complete(data: AuditCompletedData, board: BoardView, today: string): void {
    if (this.scheduled === null) throw new NotFound('Audit', data.auditId);
    assertHappened('completedOn', data.completedOn, today);
    assertNotBeforeEstablished(board, 'completedOn', data.completedOn);
    if (data.caseResults.length === 0) {
      throw new DomainRuleViolation(
        'audit-without-case-results',
        `Audit ${data.auditId} cannot be completed without case results`,
        { auditId: data.auditId },
        'unprocessable',
      );
    }
    assertNoRepeats(
      'case-result-listed-twice',
      'caseResults',
      data.caseResults.map((result) => `${result.caseRef}/${result.agency ?? ''}`),
    );
    this.apply(new AuditCompleted(data));
  }

  retract(retractedType: string, businessId: string, reason: string): void {
    if (retractedType === AuditScheduled.type && this.scheduled !== null) {
      if (this.completed !== null) {
        throw new DomainRuleViolation(
          'retraction-leaves-dependent-facts',
          `Audit ${businessId} has a completion in force; retract the AuditCompleted first`,
          { retractedType, businessId, dependents: [{ type: AuditCompleted.type, businessId }] },
        );
      }
    } else if (retractedType !== AuditCompleted.type || this.completed === null) {
      throw new NotFound(retractedType, businessId);
    }
    this.apply(new RecordRetracted({ boardId: this.boardId, retractedType, businessId, reason }));
  }

  onAuditScheduled(event: { data: AuditScheduledData }): void {
    this.scheduled = event.data;
  }

  onAuditCompleted(event: { data: AuditCompletedData }): void {
    this.completed = event.data;
  }

  onRecordRetracted(event: { data: RecordRetractedData }): void {
    if (event.data.retractedType === AuditScheduled.type) this.scheduled = null;
    if (event.data.retractedType === AuditCompleted.type) this.completed = null;
  }
}
