import { SqliteEventStore } from '@app/event-store-sqlite';
import { ProjectionRunner } from '@app/projections';
import { computeChildUnits } from '../../case';
import { DEFAULT_BOARD_SETTINGS } from '../../facts/fact';
import { SqliteMetricsReadModel } from '../sqlite-metrics-read-model';

/**
 * Another OS process rebuilding the metrics read model of a SQLite log, for the test that kills
 * it half-way: `node sqlite-rebuild.process.js <log file> <read model file> <batch size>`.
 * Writes the events applied after every batch, one line each, and `done` at the end.
 */
async function main(): Promise<void> {
  const [logFile, readModelFile, batchSize] = process.argv.slice(2);
  const store = new SqliteEventStore({ filename: logFile });
  const model = new SqliteMetricsReadModel({
    filename: readModelFile,
    childUnits: computeChildUnits,
    settingsOf: () => DEFAULT_BOARD_SETTINGS,
  });
  await new ProjectionRunner(store, model, { rebuildBatchSize: Number(batchSize) }).rebuild((progress) =>
    process.stdout.write(`${progress.applied}\n`),
  );
  process.stdout.write('done\n');
  model.close();
  await store.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
  process.exit(1);
});
