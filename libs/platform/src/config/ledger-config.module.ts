import { Global, Module } from '@nestjs/common';
import { LedgerConfig, loadLedgerConfig } from './ledger.config';

/** Provides the validated {@link LedgerConfig}; loading fails fast at boot. */
@Global()
@Module({
  providers: [{ provide: LedgerConfig, useFactory: () => loadLedgerConfig() }],
  exports: [LedgerConfig],
})
export class LedgerConfigModule {}
