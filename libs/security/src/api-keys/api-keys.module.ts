import { Module } from '@nestjs/common';
import { loadSecurityConfig } from '../security.config';
import { API_KEY_REFRESH_MS, ApiKeyRing } from './api-key-ring';

/** The key ring on the event store the app opened (the API authenticates with it; the CLI issues, lists and revokes). */
@Module({
  providers: [{ provide: API_KEY_REFRESH_MS, useFactory: () => loadSecurityConfig().LEDGER_API_KEY_REFRESH_MS }, ApiKeyRing],
  exports: [ApiKeyRing],
})
export class ApiKeysModule {}
