import { Command, CommandRunner, Option } from 'nest-commander';
import { MetricQueries } from '@app/metrics';
import { ProjectionRegistry } from '@app/projections';
import { catchUp } from './catch-up';

interface ReplayOptions {
  until: Date;
  board?: string;
  period: string;
  json?: boolean;
}

@Command({ name: 'replay', description: 'Print the metrics as they were known at an instant (before later records and corrections)' })
export class ReplayCommand extends CommandRunner {
  constructor(
    private readonly queries: MetricQueries,
    private readonly registry: ProjectionRegistry,
  ) {
    super();
  }

  async run(_params: string[], options: ReplayOptions): Promise<void> {
    await catchUp(this.registry);
    const boards = options.board ? [{ boardId: options.board }] : await this.queries.boards(options.until);
    for (const { boardId } of boards) {
      const answer = await this.queries.boardMetrics(boardId, options.period, { asKnownAt: options.until });
      if (options.json) {
        console.log(JSON.stringify(answer));
        continue;
      }
      console.log(`\n${boardId}, ${answer.period.label} (${answer.period.from} to ${answer.period.to}), as known at ${answer.asKnownAt}`);
      console.table(
        answer.metrics.map((m) => ({
          code: m.code,
          value: m.value,
          numerator: m.numerator,
          denominator: m.denominator,
          status: m.target?.status ?? 'none',
        })),
      );
    }
  }

  @Option({ flags: '--until <instant>', description: 'RFC 3339 instant, e.g. 2025-07-04T09:00:00Z', required: true })
  parseUntil(value: string): Date {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) throw new Error('--until must be an RFC 3339 instant');
    return instant;
  }

  @Option({ flags: '--board <boardId>', description: 'One board (default: every board known then)' })
  parseBoard(value: string): string {
    return value;
  }

  @Option({ flags: '--period <period>', description: 'e.g. 2025-26 or 2025-26-Q1', required: true })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({ flags: '--json', description: 'One JSON object per board instead of a table' })
  parseJson(): boolean {
    return true;
  }
}
