import { writeFileSync } from 'node:fs';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { MetricQueries, evidencePackCsv, evidencePackHtml } from '@app/metrics';
import { ProjectionRegistry } from '@app/projections';
import { catchUp } from './catch-up';

interface ExportOptions {
  board: string;
  period: string;
  asKnownAt?: Date;
  format: 'json' | 'csv' | 'html';
  out?: string;
}

@SubCommand({ name: 'evidence-pack', description: "Export a board's evidence pack for a period as JSON, CSV or HTML" })
export class ExportEvidencePackCommand extends CommandRunner {
  constructor(
    private readonly queries: MetricQueries,
    private readonly registry: ProjectionRegistry,
  ) {
    super();
  }

  async run(_params: string[], options: ExportOptions): Promise<void> {
    await catchUp(this.registry);
    const pack = await this.queries.evidencePack(options.board, options.period, { asKnownAt: options.asKnownAt });
    const format = options.format ?? 'json';
    const text =
      format === 'csv' ? evidencePackCsv(pack) : format === 'html' ? evidencePackHtml(pack) : `${JSON.stringify(pack, null, 2)}\n`;
    if (options.out) {
      writeFileSync(options.out, text);
      console.log(`wrote ${options.out} (${format}, ${Buffer.byteLength(text)} bytes)`);
    } else {
      process.stdout.write(text);
    }
  }

  @Option({ flags: '--board <boardId>', required: true })
  parseBoard(value: string): string {
    return value;
  }

  @Option({ flags: '--period <period>', required: true })
  parsePeriod(value: string): string {
    return value;
  }

  @Option({ flags: '--as-known-at <instant>' })
  parseAsKnownAt(value: string): Date {
    const instant = new Date(value);
    if (Number.isNaN(instant.getTime())) throw new Error('--as-known-at must be an RFC 3339 instant');
    return instant;
  }

  @Option({ flags: '--format <format>', description: 'json (default), csv or html' })
  parseFormat(value: string): string {
    if (!['json', 'csv', 'html'].includes(value)) throw new Error('--format must be json, csv or html');
    return value;
  }

  @Option({ flags: '--out <file>', description: 'Write to a file instead of standard output' })
  parseOut(value: string): string {
    return value;
  }
}

@Command({ name: 'export', description: 'Export reports', subCommands: [ExportEvidencePackCommand] })
export class ExportCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
