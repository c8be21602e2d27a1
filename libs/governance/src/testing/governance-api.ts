import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, Type } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { EVENT_STORE, type EventStore, type RecordedEvent } from '@app/event-store';

export interface ApiAnswer {
  status: number;
  body: Record<string, unknown>;
  headers: Headers;
}

/**
 * The whole API (the application module the caller passes, so that this lib never imports an
 * app) over real HTTP on an embedded SQLite store in a temporary file: what the governance e2e
 * tests drive.
 */
export class GovernanceApi {
  private constructor(
    private readonly app: INestApplication,
    private readonly baseUrl: string,
    private readonly directory: string,
  ) {}

  static async start(appModule: Type<unknown>, configure: (app: INestApplication) => void): Promise<GovernanceApi> {
    const directory = mkdtempSync(join(tmpdir(), 'governance-e2e-'));
    process.env.LEDGER_STORE = 'sqlite';
    process.env.LEDGER_SQLITE_FILE = join(directory, 'ledger.sqlite');
    process.env.LEDGER_READ_MODEL_FILE = join(directory, 'read-model.sqlite');
    process.env.LEDGER_SQLITE_SYNCHRONOUS = 'NORMAL';
    process.env.LOG_LEVEL = 'silent';
    const module = await Test.createTestingModule({ imports: [appModule] }).compile();
    const app = module.createNestApplication();
    configure(app);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    return new GovernanceApi(app, `http://127.0.0.1:${address.port}`, directory);
  }

  async stop(): Promise<void> {
    await this.app.close();
    rmSync(this.directory, { recursive: true, force: true });
  }

  /** The API's base URL, for requests that need the raw response (CSV, HTML). */
  get url(): string {
    return this.baseUrl;
  }

  get store(): EventStore {
    return this.app.get(EVENT_STORE);
  }

  /** Waits until every projection has applied the whole log (as the API reports it). */
  async projectionsCaughtUp(): Promise<void> {
    for (let i = 0; i < 200; i++) {
      const { body } = await this.get('/v1/projections');
      const projections = body.projections as Array<{ lag: number }>;
      if (projections.every((projection) => projection.lag === 0)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the projections did not catch up with the log');
  }

  head(): Promise<number> {
    return this.store.headPosition();
  }

  stream(name: string): Promise<RecordedEvent[]> {
    return this.store.readStream(name);
  }

  get(path: string): Promise<ApiAnswer> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    return this.request('POST', path, body, headers);
  }

  put(path: string, body: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    return this.request('PUT', path, body, headers);
  }

  private async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiAnswer> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return {
      status: response.status,
      body: text.length > 0 ? (JSON.parse(text) as Record<string, unknown>) : {},
      headers: response.headers,
    };
  }
}

/** A board for the e2e tests: three statutory partners, established 2016-04-06. */
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
