import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { ApiKeyRing } from '@app/security/api-keys/api-key-ring';
import { ALL_BOARDS, ROLES, type Role } from '@app/security/identity/identity';

export const JWT_SECRET = 'e2e-secret-that-is-at-least-32-characters-long';
export const JWT_ISSUER = 'https://identity.example.test';
export const JWT_AUDIENCE = 'safeguarding-ledger';

export interface Answer {
  status: number;
  text: string;
  body: unknown;
  headers: Headers;
}

/** The whole API over real HTTP on a fresh embedded store, with security configured by `env`. */
export class SecuredApi {
  private constructor(
    readonly app: INestApplication,
    readonly url: string,
    private readonly directory: string,
    readonly adminKey: string,
  ) {}

  static async start(env: Record<string, string> = {}): Promise<SecuredApi> {
    const directory = mkdtempSync(join(tmpdir(), 'security-e2e-'));
    Object.assign(process.env, {
      LEDGER_STORE: 'sqlite',
      LEDGER_SQLITE_FILE: join(directory, 'ledger.sqlite'),
      LEDGER_READ_MODEL_FILE: join(directory, 'read-model.sqlite'),
      LEDGER_SQLITE_SYNCHRONOUS: 'NORMAL',
      LOG_LEVEL: 'silent',
      LEDGER_JWT_SECRET: JWT_SECRET,
      LEDGER_JWT_ISSUER: JWT_ISSUER,
      LEDGER_JWT_AUDIENCE: JWT_AUDIENCE,
      LEDGER_RATE_LIMIT_PER_MINUTE: '1000000',
      ...env,
    });
    for (const [name, value] of Object.entries(env)) if (value === '') delete process.env[name];
    const { AppModule } = await import('../../apps/api/src/app.module');
    const { configureApp } = await import('../../apps/api/src/configure-app');
    const module = await Test.createTestingModule({ imports: [AppModule] }).compile();
    const app = module.createNestApplication();
    configureApp(app);
    await app.listen(0, '127.0.0.1');
    const { port } = app.getHttpServer().address() as { port: number };
    const { key } = await app.get(ApiKeyRing).issue({ roles: [...ROLES], boards: [ALL_BOARDS], label: 'e2e admin', issuedBy: 'e2e' });
    return new SecuredApi(app, `http://127.0.0.1:${port}`, directory, key);
  }

  get keys(): ApiKeyRing {
    return this.app.get(ApiKeyRing);
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  async issueKey(roles: Role[], boards: string[]): Promise<string> {
    return (await this.keys.issue({ roles, boards, issuedBy: 'e2e' })).key;
  }

  async request(method: string, path: string, token?: string, body?: unknown, contentType = 'application/json'): Promise<Answer> {
    const headers: Record<string, string> = {};
    if (token !== undefined) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = contentType;
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      parsed = text;
    }
    return { status: response.status, text, body: parsed, headers: response.headers };
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.directory, { recursive: true, force: true });
  }
}

/** A person's token, signed as the API is configured to accept (or otherwise, when options say so). */
export function personToken(
  claims: { sub: string; roles: string[]; boards: string[] },
  options: { expiresIn?: number; secret?: string; issuer?: string; audience?: string } = {},
): string {
  const now = Math.floor(Date.now() / 1000);
  return new JwtService().sign(
    { ...claims, exp: now + (options.expiresIn ?? 3600) },
    {
      secret: options.secret ?? JWT_SECRET,
      algorithm: 'HS256',
      issuer: options.issuer ?? JWT_ISSUER,
      audience: options.audience ?? JWT_AUDIENCE,
    },
  );
}

/** An unsigned token (`alg: none`) claiming every role on every board. */
export function unsignedToken(): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${encode({ alg: 'none', typ: 'JWT' })}.${encode({ sub: 'mallory', roles: [...ROLES], boards: [ALL_BOARDS], iss: JWT_ISSUER, aud: JWT_AUDIENCE, exp: now + 3600 })}.`;
}

/** A valid token whose payload was changed to claim every board, keeping the original signature. */
export function tamperedToken(token: string): string {
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
  return `${header}.${Buffer.from(JSON.stringify({ ...claims, boards: [ALL_BOARDS] })).toString('base64url')}.${signature}`;
}

/** A board for the tests: three statutory partners, established 2016-04-06. */
export function boardBody(boardId: string, localAuthorities: string[]): Record<string, unknown> {
  return {
    boardId,
    name: `Board ${boardId}`,
    establishedOn: '2016-04-06',
    localAuthorities,
    partners: [
      { partnerId: 'council', name: 'The Council', kind: 'local-authority', statutory: true },
      { partnerId: 'police', name: 'The Police', kind: 'police', statutory: true },
      { partnerId: 'health', name: 'The Health Board', kind: 'health-board', statutory: true },
    ],
  };
}

/** A case event (an initial child protection conference) for a local authority. */
export function conferenceEvent(id: string, localAuthority: string): Record<string, unknown> {
  return {
    specversion: '1.0',
    id,
    source: `urn:case-system:test:${localAuthority}`,
    type: 'safeguarding.InitialChildProtectionConferenceHeld.v1',
    time: '2025-06-20T10:30:00Z',
    datacontenttype: 'application/json',
    data: {
      localAuthority,
      conferenceId: `icpc-${id}`,
      childIds: [`child-${id}`],
      heldOn: '2025-06-20',
      strategyDiscussionId: `sd-${id}`,
      outcomes: [{ childId: `child-${id}`, registered: true }],
    },
  };
}
