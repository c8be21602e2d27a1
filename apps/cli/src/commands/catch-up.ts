import type { ProjectionRegistry } from '@app/projections';

/**
 * Brings every projection up to the log's head before a command reads it, so a replay or an
 * export on a machine where no API is running is still exact. Safe beside a running API: the
 * read model serialises projectors and skips what another process already applied.
 */
export async function catchUp(registry: ProjectionRegistry): Promise<void> {
  for (const runner of registry.all()) {
    await runner.start();
    await runner.caughtUp(undefined, 600_000);
    await runner.stop();
  }
}
