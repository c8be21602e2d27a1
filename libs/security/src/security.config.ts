import { Transform, plainToInstance } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, Min, MinLength, validateSync } from 'class-validator';

const integer = ({ value }: { value: unknown }) => (value === undefined ? value : Number(value));

/**
 * The security settings of the API, validated once at boot like `LedgerConfig`: a bad value stops
 * the process naming the variable and the rule it broke.
 */
export class SecurityConfig {
  /** HS256 secret for people's JWTs (at least 32 characters). Set this or LEDGER_JWT_JWKS_FILE to accept JWTs. */
  @IsOptional()
  @IsString()
  @MinLength(32)
  LEDGER_JWT_SECRET?: string;

  /** A JWKS file (`{"keys":[...]}`) of RSA public keys: JWTs are then verified as RS256 by their `kid`. */
  @IsOptional()
  @IsString()
  LEDGER_JWT_JWKS_FILE?: string;

  /** The `iss` every JWT must carry. Required when JWTs are accepted. */
  @IsOptional()
  @IsString()
  LEDGER_JWT_ISSUER?: string;

  /** The `aud` every JWT must carry. Required when JWTs are accepted. */
  @IsOptional()
  @IsString()
  LEDGER_JWT_AUDIENCE?: string;

  /** Requests per minute per identity (per address before authentication); over it the API answers 429. */
  @Transform(integer)
  @IsInt()
  @Min(1)
  LEDGER_RATE_LIMIT_PER_MINUTE = 1200;

  /** A request still running after this many milliseconds answers 503. */
  @Transform(integer)
  @IsInt()
  @Min(100)
  @Max(600_000)
  LEDGER_REQUEST_TIMEOUT_MS = 30_000;

  /** JSON bodies nested deeper than this answer 400. */
  @Transform(integer)
  @IsInt()
  @Min(2)
  @Max(256)
  LEDGER_MAX_JSON_DEPTH = 32;

  /** How stale the in-memory copy of the key ring may be (a revocation elsewhere takes effect within it). */
  @Transform(integer)
  @IsInt()
  @Min(0)
  @Max(60_000)
  LEDGER_API_KEY_REFRESH_MS = 1_000;

  /** Where `npm start` writes the first admin key on the embedded store when no key exists (mode 0600). */
  @IsString()
  LEDGER_ADMIN_KEY_FILE = 'data/admin.key';

  get jwtEnabled(): boolean {
    return this.LEDGER_JWT_SECRET !== undefined || this.LEDGER_JWT_JWKS_FILE !== undefined;
  }
}

export class InvalidSecurityConfiguration extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid security configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'InvalidSecurityConfiguration';
  }
}

/** Builds and validates the security settings from an environment; throws naming each bad variable. */
export function loadSecurityConfig(env: Record<string, string | undefined> = process.env): SecurityConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([name, value]) => name.startsWith('LEDGER_') && value !== undefined && value !== ''),
  );
  const config = plainToInstance(SecurityConfig, defined, { exposeDefaultValues: true });
  const problems = validateSync(config, { forbidUnknownValues: false }).flatMap((error) =>
    Object.values(error.constraints ?? {}).map((rule) =>
      error.property === 'LEDGER_JWT_SECRET'
        ? `${error.property}=(redacted): ${rule}`
        : `${error.property}=${JSON.stringify(error.value)}: ${rule}`,
    ),
  );
  if (config.LEDGER_JWT_SECRET !== undefined && config.LEDGER_JWT_JWKS_FILE !== undefined) {
    problems.push('LEDGER_JWT_SECRET, LEDGER_JWT_JWKS_FILE: set one (HS256 or RS256), not both');
  }
  if (config.jwtEnabled && !config.LEDGER_JWT_ISSUER) problems.push('LEDGER_JWT_ISSUER: required when JWTs are accepted');
  if (config.jwtEnabled && !config.LEDGER_JWT_AUDIENCE) problems.push('LEDGER_JWT_AUDIENCE: required when JWTs are accepted');
  if (problems.length > 0) throw new InvalidSecurityConfiguration(problems);
  return config;
}
