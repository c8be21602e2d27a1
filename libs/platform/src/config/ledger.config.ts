import { Transform, plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';

/**
 * Every environment variable the apps read, with its default. Validated once at boot: a bad
 * value stops the process with the variable's name and the rule it broke. The README's
 * configuration reference is generated from the same names.
 */
export class LedgerConfig {
  /** HTTP port of the API. */
  @Transform(({ value }) => (value === undefined ? 3000 : Number(value)))
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  /** Address the API listens on. */
  @IsString()
  HOST = '127.0.0.1';

  /** Which event store adapter to use. */
  @IsIn(['sqlite', 'postgres', 'esdb'])
  LEDGER_STORE: 'sqlite' | 'postgres' | 'esdb' = 'sqlite';

  /** The SQLite database file (embedded store). */
  @IsString()
  LEDGER_SQLITE_FILE = 'data/ledger.sqlite';

  /** SQLite durability: FULL fsyncs every commit (the default), NORMAL survives process crashes only. */
  @IsIn(['FULL', 'NORMAL'])
  LEDGER_SQLITE_SYNCHRONOUS: 'FULL' | 'NORMAL' = 'FULL';

  /** PostgreSQL connection string, required when LEDGER_STORE=postgres. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  /** PostgreSQL schema holding the event log. */
  @IsString()
  LEDGER_PG_SCHEMA = 'ledger';

  /** EventStoreDB/KurrentDB connection string, required when LEDGER_STORE=esdb. */
  @IsOptional()
  @IsString()
  EVENTSTOREDB_URL?: string;

  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

export class InvalidConfiguration extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidConfiguration';
  }
}

/** Builds and validates the configuration from an environment; throws naming each bad variable. */
export function loadLedgerConfig(env: Record<string, string | undefined> = process.env): LedgerConfig {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const config = plainToInstance(LedgerConfig, defined, { exposeDefaultValues: true });
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((rule) => `${error.property}=${JSON.stringify(error.value)}: ${rule}`),
  );
  if (config.LEDGER_STORE === 'postgres' && !config.DATABASE_URL) problems.push('DATABASE_URL: required when LEDGER_STORE=postgres');
  if (config.LEDGER_STORE === 'esdb' && !config.EVENTSTOREDB_URL) problems.push('EVENTSTOREDB_URL: required when LEDGER_STORE=esdb');
  if (problems.length > 0) throw new InvalidConfiguration(problems);
  return config;
}
