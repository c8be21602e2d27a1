import { Module } from '@nestjs/common';
import { GovernanceCoreModule } from '../governance-core.module';
import { AuditProgrammeHandler } from './audit-programme/audit-programme.handler';
import { AuditsController } from './audits.controller';
import { CompleteAuditHandler } from './complete-audit/complete-audit.handler';
import { ScheduleAuditHandler } from './schedule-audit/schedule-audit.handler';

/** Quality assurance: the multi-agency audit programme. */
@Module({
  imports: [GovernanceCoreModule],
  controllers: [AuditsController],
  providers: [ScheduleAuditHandler, CompleteAuditHandler, AuditProgrammeHandler],
})
export class AuditsModule {}
