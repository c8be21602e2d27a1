import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { LedgerConfigModule } from '@app/platform';
import { DeadLettersModule } from '../../../ingestor/src/dead-letters/dead-letters.module';
import { DeadLetters } from '../../../ingestor/src/dead-letters/dead-letters.service';

@Module({ imports: [LedgerConfigModule, DeadLettersModule] })
class DeadLettersCliModule {}

/**
 * The dead-letter topic needs the Kafka settings, which the CLI's other commands do not: its
 * module is opened only when a dead-letters command runs.
 */
async function withDeadLetters<T>(work: (deadLetters: DeadLetters) => Promise<T>): Promise<T> {
  const context = await NestFactory.createApplicationContext(DeadLettersCliModule, { logger: ['error'] });
  try {
    return await work(context.get(DeadLetters));
  } finally {
    await context.close();
  }
}

@SubCommand({ name: 'list', description: 'List the dead letters not yet redriven: reason, field errors, source topic/partition/offset' })
export class ListDeadLettersCommand extends CommandRunner {
  async run(_params: string[], options: { all?: boolean; json?: boolean }): Promise<void> {
    const letters = await withDeadLetters((deadLetters) => deadLetters.list({ includeRedriven: options.all === true }));
    if (options.json) {
      for (const letter of letters) console.log(JSON.stringify(letter));
      return;
    }
    console.table(
      letters.map((letter) => ({
        id: letter.id,
        reason: letter.reason,
        source: `${letter.source.topic}/${letter.source.partition}/${letter.source.offset}`,
        cloudEvent: `${letter.cloudEvent.source ?? '?'} ${letter.cloudEvent.id ?? '?'}`,
        errors: letter.errors.map((e) => `${e.path} ${e.problem}`).join('; '),
        at: letter.deadLetteredAt,
      })),
    );
    console.log(`${letters.length} dead letter(s)`);
  }

  @Option({ flags: '--all', description: 'Include dead letters already redriven' })
  parseAll(): boolean {
    return true;
  }

  @Option({ flags: '--json', description: 'One JSON object per line' })
  parseJson(): boolean {
    return true;
  }
}

@SubCommand({
  name: 'redrive',
  arguments: '[ids...]',
  description: 'Decrypt and re-publish dead letters (by id, or --all) to their source topic',
})
export class RedriveDeadLettersCommand extends CommandRunner {
  async run(ids: string[], options: { all?: boolean }): Promise<void> {
    if (!options.all && ids.length === 0) throw new Error('name the dead letters to redrive, or pass --all');
    const { redriven } = await withDeadLetters((deadLetters) => deadLetters.redrive(options.all ? 'all' : ids));
    console.log(`redriven ${redriven.length}: ${redriven.join(', ')}`);
  }

  @Option({ flags: '--all', description: 'Every dead letter not yet redriven' })
  parseAll(): boolean {
    return true;
  }
}

@Command({
  name: 'dead-letters',
  description: 'The ingestor dead-letter topic',
  subCommands: [ListDeadLettersCommand, RedriveDeadLettersCommand],
})
export class DeadLettersCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
