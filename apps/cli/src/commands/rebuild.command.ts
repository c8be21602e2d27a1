import { Command, CommandRunner } from 'nest-commander';
import { SingleBar, Presets } from 'cli-progress';
import { ProjectionRegistry, type RebuildProgress } from '@app/projections';

@Command({
  name: 'rebuild',
  arguments: '[projection]',
  description: 'Rebuild a projection (default: all) from position 1, with progress and rate',
})
export class RebuildCommand extends CommandRunner {
  constructor(private readonly registry: ProjectionRegistry) {
    super();
  }

  async run([name]: string[]): Promise<void> {
    const runners = name ? [this.registry.get(name)] : this.registry.all();
    for (const runner of runners) {
      const report = progressReporter(runner.projection.name);
      const done = await runner.rebuild(report.update);
      report.stop(done);
    }
  }
}

/**
 * A progress bar on a terminal; elsewhere (CI, a pipe) one line at least every second, so a long
 * rebuild always shows that it is moving and how fast.
 */
function progressReporter(name: string) {
  const tty = process.stdout.isTTY === true;
  const bar = tty
    ? new SingleBar(
        { format: `${name} [{bar}] {percentage}% | {value}/{total} events | {rate} events/s | {eta}s left` },
        Presets.shades_classic,
      )
    : null;
  let started = false;
  let lastLine = 0;
  return {
    update: (progress: RebuildProgress) => {
      if (bar) {
        if (!started) bar.start(progress.total, 0, { rate: 0 });
        started = true;
        bar.update(progress.applied, { rate: progress.eventsPerSecond });
        return;
      }
      const now = Date.now();
      if (now - lastLine >= 1_000 || progress.applied === progress.total) {
        lastLine = now;
        console.log(`${name}: ${progress.applied}/${progress.total} events, ${progress.eventsPerSecond} events/s`);
      }
    },
    stop: (done: RebuildProgress) => {
      bar?.stop();
      console.log(`${name}: rebuilt ${done.applied} events in ${(done.elapsedMs / 1000).toFixed(1)} s (${done.eventsPerSecond} events/s)`);
    },
  };
}
