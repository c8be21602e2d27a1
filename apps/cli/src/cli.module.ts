import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, LedgerConfigModule } from '@app/platform';
import { ExportCommand, ExportEvidencePackCommand } from './commands/export-evidence-pack.command';
import { RebuildCommand } from './commands/rebuild.command';
import { ReplayCommand } from './commands/replay.command';
import { VerifyCommand } from './commands/verify.command';

@Module({
  imports: [LedgerConfigModule, EventStoreModule.forRoot(), MetricsModule],
  providers: [VerifyCommand, RebuildCommand, ReplayCommand, ExportCommand, ExportEvidencePackCommand],
})
export class CliModule {}
