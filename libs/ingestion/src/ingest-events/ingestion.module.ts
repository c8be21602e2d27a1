import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join, resolve } from 'node:path';
import { Logger, Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { LedgerConfig } from '@app/platform';
import { BoardKeyRing, parseBoardKeySetting } from '../pseudonymisation/board-key-ring';
import { IngestEventsController } from './ingest-events.controller';
import { IngestEvents } from './ingest-events.service';

/**
 * The key ring from configuration. On the embedded store with no secret configured, a random
 * one is created once beside the event log, readable by its owner only, so a laptop run works
 * with no setup and its pseudonyms stay stable across restarts.
 */
export function keyRingFromConfig(config: LedgerConfig, logger = new Logger('Pseudonymisation')): BoardKeyRing {
  let masterSecret = config.LEDGER_PSEUDONYMISATION_SECRET;
  if (!masterSecret && !config.LEDGER_BOARD_KEYS && config.LEDGER_STORE === 'sqlite') {
    const file = join(dirname(resolve(config.LEDGER_SQLITE_FILE)), 'pseudonymisation.secret');
    if (!existsSync(file)) {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `base64:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
      chmodSync(file, 0o600);
      logger.warn(`LEDGER_PSEUDONYMISATION_SECRET is not set: created a local secret in ${file}; set the variable in production`);
    }
    masterSecret = readFileSync(file, 'utf8').trim();
  }
  return BoardKeyRing.fromConfig({
    masterSecret,
    boardKeys: config.LEDGER_BOARD_KEYS ? parseBoardKeySetting(config.LEDGER_BOARD_KEYS) : undefined,
  });
}

/**
 * CloudEvents in over HTTP. `boards` must provide BOARD_LOOKUP and BOARD_EVENT_HANDLER
 * (governance does, bound by the app).
 */
@Module({})
export class IngestionModule {
  static register(boards: Pick<ModuleMetadata, 'imports'>): DynamicModule {
    return {
      module: IngestionModule,
      imports: boards.imports,
      controllers: [IngestEventsController],
      providers: [
        IngestEvents,
        { provide: BoardKeyRing, inject: [LedgerConfig], useFactory: (config: LedgerConfig) => keyRingFromConfig(config) },
      ],
      exports: [IngestEvents, BoardKeyRing],
    };
  }
}
