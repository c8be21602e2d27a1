import { Command, CommandRunner, Option, SubCommand } from 'nest-commander';
import { ApiKeyRing } from '@app/security/api-keys/api-key-ring';
import { ALL_BOARDS, ROLES } from '@app/security/identity/identity';
import { InvalidApiKeyGrant, UnknownApiKey } from '@app/security/security.errors';

interface CreateOptions {
  role?: string[];
  board?: string[];
  allBoards?: boolean;
  label?: string;
}

const collect = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== ''),
];

const issuer = (): string => `cli:${process.env.USER ?? 'unknown'}`;

@SubCommand({
  name: 'create',
  description: 'Issue an API key bound to roles and boards; the key is printed once and stored only as a hash',
})
export class KeysCreateCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeyRing) {
    super();
  }

  async run(_params: string[], options: CreateOptions): Promise<void> {
    const boards = options.allBoards ? [ALL_BOARDS] : (options.board ?? []);
    try {
      const { keyId, key } = await this.keys.issue({ roles: options.role ?? [], boards, label: options.label, issuedBy: issuer() });
      process.stderr.write(`Issued key ${keyId} (roles: ${(options.role ?? []).join(', ')}; boards: ${boards.join(', ')}).\n`);
      process.stderr.write('The key is shown this once; only its hash is stored. Send it as "Authorization: Bearer <key>".\n');
      console.log(key);
    } catch (error) {
      if (error instanceof InvalidApiKeyGrant) {
        process.stderr.write(`ledger keys create: ${error.message}\n`);
        process.exitCode = 2;
        return;
      }
      throw error;
    }
  }

  @Option({ flags: '-r, --role <role>', description: `A role (repeat or comma-separate): ${ROLES.join(', ')}` })
  parseRole(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '-b, --board <boardId>', description: 'A board the key may act for (repeat or comma-separate)' })
  parseBoard(value: string, previous?: string[]): string[] {
    return collect(value, previous);
  }

  @Option({ flags: '--all-boards', description: 'Bind the key to every board, present and future' })
  parseAllBoards(): boolean {
    return true;
  }

  @Option({ flags: '-l, --label <text>', description: 'What the key is for, shown by keys list' })
  parseLabel(value: string): string {
    return value;
  }
}

@SubCommand({ name: 'list', description: 'List the API keys: id, label, roles, boards, issued, revoked (never the key or its hash)' })
export class KeysListCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeyRing) {
    super();
  }

  async run(): Promise<void> {
    const keys = await this.keys.list();
    if (keys.length === 0) {
      console.log('No API keys.');
      return;
    }
    for (const key of keys) {
      const state = key.revokedAt === null ? 'active' : `revoked ${key.revokedAt}`;
      console.log(
        `${key.keyId}  ${state}  roles=${key.roles.join(',')}  boards=${key.boards.join(',')}  issued ${key.issuedAt} by ${key.issuedBy}` +
          (key.label ? `  "${key.label}"` : ''),
      );
    }
  }
}

@SubCommand({
  name: 'revoke',
  arguments: '<keyId>',
  description: 'Revoke an API key: every API process refuses it within the refresh interval',
})
export class KeysRevokeCommand extends CommandRunner {
  constructor(private readonly keys: ApiKeyRing) {
    super();
  }

  async run([keyId]: string[]): Promise<void> {
    try {
      const key = await this.keys.revoke(keyId, issuer());
      console.log(`Revoked key ${key.keyId} at ${key.revokedAt}`);
    } catch (error) {
      if (error instanceof UnknownApiKey) {
        process.stderr.write(`ledger keys revoke: ${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    }
  }
}

@Command({
  name: 'keys',
  description: 'Issue, list and revoke API keys',
  subCommands: [KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class KeysCommand extends CommandRunner {
  async run(): Promise<void> {
    this.command.help();
  }
}
