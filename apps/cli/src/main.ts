import 'reflect-metadata';
import { CommandFactory } from 'nest-commander';
import { CliModule } from './cli.module';

// The CLI runs projections itself, and only when a command asks (rebuild, catch-up before a
// replay or export); it never follows the log in the background.
process.env.LEDGER_RUN_PROJECTIONS = 'false';

async function main(): Promise<void> {
  await CommandFactory.run(CliModule, {
    cliName: 'ledger',
    logger: ['error', 'warn'],
    errorHandler: (error) => {
      const code = (error as { code?: unknown }).code;
      if (code === 'commander.helpDisplayed' || code === 'commander.help' || code === 'commander.version') process.exit(0);
      process.stderr.write(`ledger: ${error.message}\n`);
      process.exit(2);
    },
  });
}

void main();
