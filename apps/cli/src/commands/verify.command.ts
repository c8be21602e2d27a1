import { Inject } from '@nestjs/common';
import { Command, CommandRunner, Option } from 'nest-commander';
import { EVENT_STORE, type EventStore } from '@app/event-store';

@Command({ name: 'verify', description: 'Re-hash the log and report the first broken position (exit 1 when broken)' })
export class VerifyCommand extends CommandRunner {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    super();
  }

  async run(_params: string[], options: { from?: number }): Promise<void> {
    const started = performance.now();
    const result = await this.store.verify({ fromPosition: options.from });
    const seconds = (performance.now() - started) / 1000;
    console.log(
      result.ok
        ? `OK: ${result.checked} events re-hashed in ${seconds.toFixed(1)} s, the chain is intact`
        : `BROKEN: the chain breaks at position ${result.firstBrokenPosition} (${result.checked} events checked)`,
    );
    console.log(JSON.stringify(result));
    if (!result.ok) process.exitCode = 1;
  }

  @Option({ flags: '--from <position>', description: 'Start re-hashing at this position' })
  parseFrom(value: string): number {
    const position = Number(value);
    if (!Number.isInteger(position) || position < 1) throw new Error('--from must be a whole number from 1');
    return position;
  }
}
