import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, LedgerConfigModule } from '@app/platform';
import { ExportCommand, ExportEvidencePackCommand } from './commands/export-evidence-pack.command';
import { RebuildCommand } from './commands/rebuild.command';
import { ReplayCommand } from './commands/replay.command';
import { VerifyCommand } from './commands/verify.command';
import { KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand } from './commands/keys.command';
import { ApiKeysModule } from '@app/security/api-keys/api-keys.module';

@Module({
  imports: [LedgerConfigModule, EventStoreModule.forRoot(), MetricsModule, ApiKeysModule],
  providers: [
    VerifyCommand,
    RebuildCommand,
    ReplayCommand,
    ExportCommand,
    ExportEvidencePackCommand,
    KeysCommand,
    KeysCreateCommand,
    KeysListCommand,
    KeysRevokeCommand,
  ],
})
export class CliModule {}
