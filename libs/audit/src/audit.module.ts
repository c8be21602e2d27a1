import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { AuditController } from './audit.controller';
import { ReadAudit } from './read-audit';

@Module({
  imports: [MetricsModule],
  controllers: [AuditController],
  providers: [ReadAudit],
  exports: [ReadAudit],
})
export class AuditModule {}
