import { randomUUID } from 'node:crypto';
import { ROLES, type Role } from '@app/security/identity/identity';
import { SecuredApi, boardBody, conferenceEvent, personToken, tamperedToken, unsignedToken, type Answer } from './security-test-app';

/**
 * Every endpoint of the OpenAPI document x every role (as a person's JWT and as an API key),
 * plus tampered, expired, unsigned, wrongly signed, revoked and absent credentials x the caller's
 * own board, another board and a board that does not exist. api.md's "Who may do what" table is
 * written out here on its own, so the guard is checked against the spec, not against itself.
 */

const OWN = 'own-board';
const FOREIGN = 'other-board';
const MISSING = 'no-such-board';
const BOARDS = { own: OWN, foreign: FOREIGN, missing: MISSING } as const;
const LOCAL_AUTHORITY = { own: 'W06000015', foreign: 'W06000014', missing: 'W06000099' } as const;
type Variant = keyof typeof BOARDS;

const READERS: Role[] = ['board-admin', 'analyst', 'auditor'];

/** api.md's table: the roles that may call an operation (`asKnownAt` queries need `auditor`). */
function allowedRoles(method: string, path: string, asKnownAt: boolean): Role[] | 'public' {
  if (path.startsWith('/health/')) return 'public';
  if (path === '/v1/events') return ['ingest'];
  if (path.startsWith('/v1/projections')) return ['operator'];
  if (path === '/v1/audit/verification' || path === '/v1/boards/{boardId}/events') return ['auditor'];
  if (path === '/v1/catalogue') return READERS;
  if (/\/metrics|\/evidence-pack/.test(path)) return asKnownAt ? ['auditor'] : ['analyst', 'auditor'];
  if (method === 'get' && path.startsWith('/v1/boards')) return READERS;
  if (method !== 'get' && path.startsWith('/v1/boards')) return ['board-admin'];
  throw new Error(`the matrix does not know ${method} ${path}: add it from api.md`);
}

interface Operation {
  method: string;
  path: string;
  asKnownAt: boolean;
  example?: unknown;
}

interface Caller {
  name: string;
  token?: string;
  role?: Role;
  /** Refused before anything else: 401. */
  invalid: boolean;
}

interface Outcome {
  operation: Operation;
  caller: Caller;
  variant: Variant;
  answer: Answer;
}

const PARAMS: Record<string, string> = {
  partnerId: 'police',
  subgroupId: 'sg-qa',
  auditId: 'a1',
  actionId: 'act-7',
  reviewId: 'cpr-2025-03',
  metricCode: 'CP-ICPC-15WD',
  code: 'CP-ICPC-15WD',
  financialYear: '2025-26',
  name: 'metrics',
  id: '00000000-0000-4000-8000-000000000000',
};

function urlOf(operation: Operation, variant: Variant): string {
  const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'boardId' ? BOARDS[variant] : (PARAMS[name] ?? 'x')));
  const query = new URLSearchParams();
  if (/\/metrics|\/evidence-pack/.test(operation.path)) {
    if (operation.path.endsWith('/series')) {
      query.set('from', '2025-26');
      query.set('to', '2025-26');
    } else query.set('period', '2025-26');
    if (operation.asKnownAt) query.set('asKnownAt', '2030-01-01T00:00:00Z');
  }
  const text = query.toString();
  return text === '' ? path : `${path}?${text}`;
}

function bodyOf(operation: Operation, variant: Variant): { body?: unknown; contentType?: string } {
  if (operation.method === 'get') return {};
  if (operation.path === '/v1/events') {
    return { body: conferenceEvent(`matrix-${randomUUID()}`, LOCAL_AUTHORITY[variant]), contentType: 'application/cloudevents+json' };
  }
  if (operation.path === '/v1/boards') return { body: boardBody(BOARDS[variant], [LOCAL_AUTHORITY[variant]]) };
  return { body: operation.example ?? {} };
}

/** The operation names a board: in its path, in the body (establishing one), or through the local authority of an event. */
function isBoardScoped(operation: Operation): boolean {
  return (
    operation.path.includes('{boardId}') ||
    operation.path === '/v1/events' ||
    (operation.path === '/v1/boards' && operation.method === 'post')
  );
}

/** The answer with the board and local authority of the variant written as placeholders. */
function normalised(answer: Answer, variant: Variant): string {
  return `${answer.status} ${answer.text.split(BOARDS[variant]).join('<board>').split(LOCAL_AUTHORITY[variant]).join('<la>')}`;
}

describe('Access matrix: every endpoint x every role x own, foreign and missing boards x bad credentials', () => {
  let api: SecuredApi;
  let operations: Operation[];
  let callers: Caller[];
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    api = await SecuredApi.start();
    for (const variant of ['own', 'foreign'] as const) {
      const established = await api.request('POST', '/v1/boards', api.adminKey, boardBody(BOARDS[variant], [LOCAL_AUTHORITY[variant]]));
      expect(established.status).toBe(201);
      const ingested = await api.request(
        'POST',
        '/v1/events',
        api.adminKey,
        conferenceEvent(`seed-${variant}`, LOCAL_AUTHORITY[variant]),
        'application/cloudevents+json',
      );
      expect(ingested.status).toBe(202);
    }

    const document = (await api.request('GET', '/docs-json')).body as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } }>
      >;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).flatMap(([method, operation]) => {
        const example = Object.values(operation.requestBody?.content['application/json']?.examples ?? {})[0]?.value;
        const base: Operation = { method, path, asKnownAt: false, example };
        return /\/metrics|\/evidence-pack/.test(path) ? [base, { ...base, asKnownAt: true }] : [base];
      }),
    );

    const revoked = await api.keys.issue({ roles: [...ROLES], boards: [OWN], issuedBy: 'e2e' });
    await api.keys.revoke(revoked.keyId, 'e2e');
    const analystKey = await api.issueKey(['analyst'], [OWN]);
    callers = [
      { name: 'no token', invalid: true },
      { name: 'tampered JWT', token: tamperedToken(personToken({ sub: 'eve', roles: [...ROLES], boards: [OWN] })), invalid: true },
      { name: 'expired JWT', token: personToken({ sub: 'eve', roles: [...ROLES], boards: [OWN] }, { expiresIn: -120 }), invalid: true },
      { name: 'alg none JWT', token: unsignedToken(), invalid: true },
      {
        name: 'JWT signed with another secret',
        token: personToken({ sub: 'eve', roles: [...ROLES], boards: [OWN] }, { secret: 'x'.repeat(40) }),
        invalid: true,
      },
      {
        name: 'JWT for another audience',
        token: personToken({ sub: 'eve', roles: [...ROLES], boards: [OWN] }, { audience: 'elsewhere' }),
        invalid: true,
      },
      { name: 'revoked API key', token: revoked.key, invalid: true },
      { name: 'tampered API key', token: `${analystKey.slice(0, -4)}AAAA`, invalid: true },
    ];
    for (const role of ROLES) {
      callers.push({
        name: `${role} JWT`,
        role,
        token: personToken({ sub: `person-${role}`, roles: [role], boards: [OWN] }),
        invalid: false,
      });
      callers.push({ name: `${role} API key`, role, token: await api.issueKey([role], [OWN]), invalid: false });
    }

    for (const operation of operations) {
      for (const caller of callers) {
        for (const variant of ['own', 'foreign', 'missing'] as const) {
          const { body, contentType } = bodyOf(operation, variant);
          const answer = await api.request(operation.method.toUpperCase(), urlOf(operation, variant), caller.token, body, contentType);
          outcomes.push({ operation, caller, variant, answer });
        }
      }
    }
  }, 600_000);

  afterAll(() => api.stop());

  it('covers every endpoint of the OpenAPI document with at least 500 requests', () => {
    expect(operations.length).toBeGreaterThanOrEqual(40);
    expect(outcomes.length).toBeGreaterThanOrEqual(500);
    process.stdout.write(
      `access matrix: ${operations.length} operations x ${callers.length} callers x 3 boards = ${outcomes.length} requests\n`,
    );
  });

  it('lets nobody succeed where api.md does not allow it', () => {
    const unauthorised = outcomes.filter(({ operation, caller, variant, answer }) => {
      const allowed = allowedRoles(operation.method, operation.path, operation.asKnownAt);
      if (allowed === 'public') return false;
      const authorised = !caller.invalid && allowed.includes(caller.role!) && (!isBoardScoped(operation) || variant === 'own');
      return !authorised && answer.status >= 200 && answer.status < 300;
    });
    expect(
      unauthorised.map(
        ({ operation, caller, variant, answer }) => `${operation.method} ${operation.path} ${caller.name} ${variant}: ${answer.status}`,
      ),
    ).toEqual([]);
  });

  it('answers every bad credential with 401 in the one error shape, except on the public routes', () => {
    const wrong = outcomes.filter(
      ({ operation, caller, answer }) =>
        caller.invalid &&
        allowedRoles(operation.method, operation.path, operation.asKnownAt) !== 'public' &&
        !(answer.status === 401 && (answer.body as { error?: string }).error === 'Unauthorized'),
    );
    expect(wrong.map(({ operation, caller, answer }) => `${operation.method} ${operation.path} ${caller.name}: ${answer.status}`)).toEqual(
      [],
    );
  });

  it('answers a role the route does not allow with 403, whatever the board', () => {
    const wrong = outcomes.filter(({ operation, caller, answer }) => {
      const allowed = allowedRoles(operation.method, operation.path, operation.asKnownAt);
      return !caller.invalid && allowed !== 'public' && !allowed.includes(caller.role!) && answer.status !== 403;
    });
    expect(
      wrong.map(
        ({ operation, caller, variant, answer }) => `${operation.method} ${operation.path} ${caller.name} ${variant}: ${answer.status}`,
      ),
    ).toEqual([]);
  });

  it('answers another board exactly as a board that does not exist: same status, same body apart from the id', () => {
    const differences: string[] = [];
    for (const operation of operations.filter(isBoardScoped)) {
      for (const caller of callers) {
        const of = (variant: Variant) => outcomes.find((o) => o.operation === operation && o.caller === caller && o.variant === variant)!;
        const foreign = normalised(of('foreign').answer, 'foreign');
        const missing = normalised(of('missing').answer, 'missing');
        if (foreign !== missing)
          differences.push(`${operation.method} ${operation.path} ${caller.name}:\n  foreign ${foreign}\n  missing ${missing}`);
      }
    }
    expect(differences).toEqual([]);
  });

  it('lets each role do its own work on its own board', () => {
    const refused = outcomes.filter(({ operation, caller, variant, answer }) => {
      const allowed = allowedRoles(operation.method, operation.path, operation.asKnownAt);
      return (
        variant === 'own' && !caller.invalid && allowed !== 'public' && allowed.includes(caller.role!) && [401, 403].includes(answer.status)
      );
    });
    expect(
      refused.map(
        ({ operation, caller, answer }) => `${operation.method} ${operation.path} ${caller.name}: ${answer.status} ${answer.text}`,
      ),
    ).toEqual([]);
    const reads = outcomes.filter(
      ({ operation, caller, variant }) =>
        variant === 'own' &&
        operation.method === 'get' &&
        !caller.invalid &&
        allowedRoles('get', operation.path, operation.asKnownAt) !== 'public',
    );
    const analystMetrics = reads.find(
      (o) => o.caller.name === 'analyst JWT' && o.operation.path === '/v1/boards/{boardId}/metrics' && !o.operation.asKnownAt,
    );
    expect(analystMetrics?.answer.status).toBe(200);
    const ingestOwn = outcomes.find((o) => o.caller.name === 'ingest API key' && o.operation.path === '/v1/events' && o.variant === 'own');
    expect(ingestOwn?.answer.status).toBe(202);
  });

  it('lists only the caller’s own boards', () => {
    const lists = outcomes.filter(
      ({ operation, answer }) => operation.path === '/v1/boards' && operation.method === 'get' && answer.status === 200,
    );
    expect(lists.length).toBeGreaterThan(0);
    for (const { answer } of lists) {
      expect((answer.body as { boards: { boardId: string }[] }).boards.map((board) => board.boardId)).toEqual([OWN]);
    }
  });
});
