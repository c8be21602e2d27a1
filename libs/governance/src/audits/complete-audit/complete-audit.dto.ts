import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AUDIT_GRADES, type AuditGrade } from '../audits.events';

export class AuditCaseResultRequest {
  @ApiProperty({ example: 'case-17' })
  caseRef!: string;

  @ApiProperty({ enum: AUDIT_GRADES, example: 'good' })
  grade!: AuditGrade;

  @ApiPropertyOptional({ example: 'police-sw' })
  agency?: string;

  @ApiPropertyOptional({ example: 'Strategy discussion held promptly; child seen alone.' })
  findings?: string;
}

/** The `AuditCompleted` data without `boardId` and `auditId`. Completing again corrects the date or grades. */
export class CompleteAuditRequest {
  @ApiProperty({ example: '2025-09-12', description: 'YYYY-MM-DD, not after today; after dueOn is late but allowed' })
  completedOn!: string;

  @ApiProperty({ type: [AuditCaseResultRequest], description: 'At least one case result' })
  caseResults!: AuditCaseResultRequest[];
}

export const COMPLETE_AUDIT_EXAMPLE = {
  completedOn: '2025-09-12',
  caseResults: [
    { caseRef: 'case-17', grade: 'good', agency: 'police-sw' },
    { caseRef: 'case-18', grade: 'requires-improvement', findings: 'No core group within 10 working days' },
  ],
};
