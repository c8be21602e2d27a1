import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { SqliteMetricsReadModel } from '../sqlite-metrics-read-model';
import type { MetricsReadModelHarness } from './metrics-read-model.contract';

/** A read model file in a folder of its own; every `open` is another connection to that file. */
export async function sqliteReadModelHarness(): Promise<MetricsReadModelHarness> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-read-model-'));
  return {
    open: async (childUnits, options) =>
      new SqliteMetricsReadModel({
        filename: join(dir, 'read-model.sqlite'),
        childUnits,
        settingsOf: () => DEFAULT_BOARD_SETTINGS,
        ...options,
      }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}
