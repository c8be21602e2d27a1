import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Logger } from '@nestjs/common';
import type { LedgerConfig } from '@app/platform';
import type { IngestorConfig } from '../ingestor.config';
import { DeadLetterCipher } from './dead-letter.cipher';
import { InvalidDeadLetterKey } from './dead-letters.errors';

/**
 * The dead-letter cipher from configuration. On the embedded store with no key configured, a
 * random key is created once beside the event log, readable by its owner only (as the
 * pseudonymisation secret is), so a laptop run works with no setup and can still redrive after a
 * restart. A production store needs LEDGER_DEAD_LETTER_KEY.
 */
export function deadLetterCipherFromConfig(
  ledger: LedgerConfig,
  ingestor: IngestorConfig,
  logger = new Logger('DeadLetters'),
): DeadLetterCipher {
  if (ingestor.LEDGER_DEAD_LETTER_KEY) return DeadLetterCipher.fromSetting(ingestor.LEDGER_DEAD_LETTER_KEY);
  if (ledger.LEDGER_STORE !== 'sqlite') throw new InvalidDeadLetterKey('is required with a production store (it seals every dead letter)');
  const file = join(dirname(resolve(ledger.LEDGER_SQLITE_FILE)), 'dead-letter.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, `${DeadLetterCipher.randomKeySetting()}\n`, { mode: 0o600, flag: 'wx' });
    chmodSync(file, 0o600);
    logger.warn(`LEDGER_DEAD_LETTER_KEY is not set: created a local key in ${file}; set the variable in production`);
  }
  return DeadLetterCipher.fromSetting(readFileSync(file, 'utf8').trim());
}
