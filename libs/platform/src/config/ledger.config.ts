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

  /** The metrics read model's SQLite file (projections write it, queries read it). */
  @IsString()
  LEDGER_READ_MODEL_FILE = 'data/read-model.sqlite';

  /** Run the projections inside this process (the single `npm start` process does; a separate projector app may instead). */
  @IsIn(['true', 'false'])
  LEDGER_RUN_PROJECTIONS: 'true' | 'false' = 'true';

  /**
   * Board settings as JSON, e.g. {"my-board":{"assessmentTimescale":"england"}}. Boards not named
   * use the Welsh defaults of metrics.md.
   */
  @IsString()
  LEDGER_BOARD_SETTINGS = '{}';

  /**
   * Secret the per-board pseudonymisation keys are derived from (HKDF-SHA-256), written `hex:…` or
   * `base64:…`, at least 32 bytes. Required with a production store; on the embedded store a
   * random one is created once beside the event log (mode 0600) when unset.
   */
  @IsOptional()
  @IsString()
  LEDGER_PSEUDONYMISATION_SECRET?: string;

  /** Explicit per-board keys, `boardId=hex:…,otherBoard=base64:…`; they win over derivation. */
  @IsOptional()
  @IsString()
  LEDGER_BOARD_KEYS?: string;

  /** `on` (default): `npm start` on an empty embedded store loads the demo boards; `off` starts empty. */
  @IsIn(['on', 'off'])
  LEDGER_DEMO: 'on' | 'off' = 'on';

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
  if (config.LEDGER_STORE !== 'sqlite' && !config.LEDGER_PSEUDONYMISATION_SECRET && !config.LEDGER_BOARD_KEYS) {
    problems.push('LEDGER_PSEUDONYMISATION_SECRET: required with a production store (it keys every child pseudonym)');
  }
  if (problems.length > 0) throw new InvalidConfiguration(problems);
  return config;
}
