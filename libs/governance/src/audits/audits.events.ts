import { DomainEventClass } from '@app/ddd';

export const AUDIT_GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'] as const;
export type AuditGrade = (typeof AUDIT_GRADES)[number];

export type AuditScheduledData = { boardId: string; auditId: string; title: string; dueOn: string };

export class AuditScheduled extends DomainEventClass<'AuditScheduled', AuditScheduledData> {
  static readonly type = 'AuditScheduled';
  readonly type = AuditScheduled.type;
}

export type AuditCaseResult = { caseRef: string; grade: AuditGrade; agency?: string; findings?: string };

export type AuditCompletedData = { boardId: string; auditId: string; completedOn: string; caseResults: AuditCaseResult[] };

export class AuditCompleted extends DomainEventClass<'AuditCompleted', AuditCompletedData> {
  static readonly type = 'AuditCompleted';
  readonly type = AuditCompleted.type;
}
