import { Query } from '@nestjs/cqrs';
import type { AuditProgramme } from './audit-programme.dto';

/** The board's audit programme: scheduled, due, overdue and completed audits, with grades. */
export class AuditProgrammeQuery extends Query<AuditProgramme> {
  constructor(readonly boardId: string) {
    super();
  }
}
