import { Module } from '@nestjs/common';
import { MetricsModule } from '@app/metrics';
import { EventStoreModule, LedgerConfigModule } from '@app/platform';
import { ExportCommand, ExportEvidencePackCommand } from './commands/export-evidence-pack.command';
import { RebuildCommand } from './commands/rebuild.command';
import { ReplayCommand } from './commands/replay.command';
import { VerifyCommand } from './commands/verify.command';
import { KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand } from './commands/keys.command';
import { ApiKeysModule } from '@app/security/api-keys/api-keys.module';
import { DeadLettersCommand, ListDeadLettersCommand, RedriveDeadLettersCommand } from './commands/dead-letters.command';
import { DemoCommand, GenerateDemoCommand } from './commands/demo-generate.command';

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
    DeadLettersCommand,
    ListDeadLettersCommand,
    RedriveDeadLettersCommand,
    DemoCommand,
    GenerateDemoCommand,
  ],
})
export class CliModule {}
