import { ApiProperty } from '@nestjs/swagger';
import { RecordedFact } from '../../http/recorded.dto';

/** The `AuditScheduled` data without `boardId`. Scheduling an audit id again corrects it. */
export class ScheduleAuditRequest {
  @ApiProperty({ example: 'a1' })
  auditId!: string;

  @ApiProperty({ example: 'Multi-agency audit: neglect' })
  title!: string;

  @ApiProperty({ example: '2025-09-30', description: 'YYYY-MM-DD; may be in the future' })
  dueOn!: string;
}

export const SCHEDULE_AUDIT_EXAMPLE = { auditId: 'a1', title: 'Multi-agency audit: neglect', dueOn: '2025-09-30' };

export class AuditRecorded extends RecordedFact {
  @ApiProperty({ example: 'a1' })
  auditId!: string;
}
