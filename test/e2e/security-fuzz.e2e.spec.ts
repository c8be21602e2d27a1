import fc from 'fast-check';
import { SecuredApi, boardBody, conferenceEvent, personToken, type Answer } from './security-test-app';

/**
 * Property: whatever a caller sends to any operation of the OpenAPI document (odd path segments,
 * query values, bodies, content types, credentials), the API never answers 500. The number of
 * requests is FUZZ_RUNS (default 10,000); `scripts/fuzz/run.sh` runs more.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 10_000);

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  example?: unknown;
  schema?: { enum?: unknown[]; example?: unknown };
}

interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  examples: unknown[];
  contentTypes: string[];
}

interface FuzzRequest {
  operation: Operation;
  path: string;
  query: string;
  body: string | undefined;
  contentType: string;
  token: string | undefined;
}

const KNOWN_VALUES = [
  'own-board',
  'other-board',
  'CP-ICPC-15WD',
  '2025-26',
  '2025-26-Q1',
  '2025-06',
  'quarter',
  'month',
  'year',
  'on',
  'off',
  'csv',
  'html',
  'json',
  'metrics',
  '2025-07-04T09:00:00Z',
  '1',
  '0',
  '-1',
  '500',
  '1e309',
  'NaN',
];

const text = fc.oneof(
  fc.constantFrom(...KNOWN_VALUES),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.integer().map(String),
  fc.constantFrom('', ' ', '..', '%00', '%2F', '__proto__', 'constructor', '\u0000', 'a'.repeat(3000)),
);

const jsonValue = fc.jsonValue({ maxDepth: 5 });

function mutate(example: unknown): fc.Arbitrary<unknown> {
  if (example === null || typeof example !== 'object' || Array.isArray(example)) return jsonValue;
  const keys = Object.keys(example);
  if (keys.length === 0) return jsonValue;
  return fc.record({ key: fc.constantFrom(...keys), value: fc.oneof(jsonValue, text), drop: fc.boolean() }).map(({ key, value, drop }) => {
    const copy: Record<string, unknown> = { ...(example as Record<string, unknown>) };
    if (drop) delete copy[key];
    else copy[key] = value;
    return copy;
  });
}

function requestArbitrary(operations: Operation[], tokens: string[]): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) => {
    const pathParams = operation.parameters.filter((parameter) => parameter.in === 'path');
    const queryParams = operation.parameters.filter((parameter) => parameter.in === 'query');
    const valueOf = (parameter: Parameter) =>
      fc.oneof(
        {
          weight: 3,
          arbitrary: fc.constantFrom(
            ...[parameter.example, parameter.schema?.example, ...(parameter.schema?.enum ?? [])].filter((v) => v !== undefined).map(String),
            ...KNOWN_VALUES,
          ),
        },
        { weight: 2, arbitrary: text },
      );
    const body =
      operation.method === 'get'
        ? fc.constant(undefined)
        : fc.oneof(
            {
              weight: 4,
              arbitrary: (operation.examples.length > 0 ? fc.constantFrom(...operation.examples).chain(mutate) : jsonValue).map((v) =>
                JSON.stringify(v),
              ),
            },
            {
              weight: 2,
              arbitrary: fc
                .constantFrom(
                  ...operation.examples,
                  conferenceEvent('fuzz', 'W06000015'),
                  [conferenceEvent('fuzz-2', 'W06000015')],
                  boardBody('own-board', ['W06000015']),
                )
                .map((v) => JSON.stringify(v)),
            },
            { weight: 1, arbitrary: jsonValue.map((v) => JSON.stringify(v)) },
            { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
          );
    return fc.record({
      operation: fc.constant(operation),
      path: fc.tuple(...pathParams.map(valueOf)).map((values) => {
        let index = 0;
        return operation.path.replace(/\{\w+\}/g, () => encodeURIComponent(values[index++] ?? 'x'));
      }),
      query: fc.tuple(...queryParams.map((parameter) => fc.option(valueOf(parameter), { nil: undefined }))).map((values) => {
        const query = new URLSearchParams();
        values.forEach((value, i) => value !== undefined && query.set(queryParams[i].name, value));
        return query.toString();
      }),
      body,
      contentType: fc.constantFrom('application/json', ...operation.contentTypes, 'text/plain', 'application/cloudevents-batch+json'),
      token: fc.option(fc.constantFrom(...tokens), { nil: undefined, freq: 10 }),
    });
  });
}

describe('Fuzz of the HTTP API from its OpenAPI document', () => {
  let api: SecuredApi;
  let operations: Operation[];
  let tokens: string[];
  const statuses = new Map<number, number>();
  let sent = 0;

  beforeAll(async () => {
    api = await SecuredApi.start();
    await api.request('POST', '/v1/boards', api.adminKey, boardBody('own-board', ['W06000015']));
    await api.request('POST', '/v1/boards', api.adminKey, boardBody('other-board', ['W06000014']));
    const document = (await api.request('GET', '/docs-json')).body as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: Parameter[]; requestBody?: { content: Record<string, { examples?: Record<string, { value: unknown }> }> } }
        >
      >;
    };
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({
        method,
        path,
        parameters: operation.parameters ?? [],
        examples: Object.values(operation.requestBody?.content ?? {}).flatMap((content) =>
          Object.values(content.examples ?? {}).map((example) => example.value),
        ),
        contentTypes: Object.keys(operation.requestBody?.content ?? {}),
      })),
    );
    tokens = [
      api.adminKey,
      api.adminKey,
      api.adminKey,
      api.adminKey,
      await api.issueKey(['ingest', 'board-admin', 'analyst', 'auditor', 'operator'], ['own-board']),
      personToken({ sub: 'fuzz-analyst', roles: ['analyst'], boards: ['own-board'] }),
      personToken({ sub: 'fuzz-auditor', roles: ['auditor'], boards: ['own-board', 'other-board'] }),
      'sel_0000000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      'not-a-token',
    ];
  });

  afterAll(() => api.stop());

  it(`never answers 500 to ${RUNS} generated requests`, async () => {
    await fc.assert(
      fc.asyncProperty(requestArbitrary(operations, tokens), async (request) => {
        const answer: Answer = await api.request(
          request.operation.method.toUpperCase(),
          request.query === '' ? request.path : `${request.path}?${request.query}`,
          request.token,
          request.body,
          request.contentType,
        );
        sent++;
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        if (answer.status >= 500)
          throw new Error(`${request.operation.method} ${request.path}?${request.query} answered ${answer.status}: ${answer.text}`);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    process.stdout.write(
      `fuzz: ${sent} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}\n`,
    );
    expect(sent).toBeGreaterThanOrEqual(RUNS);
    expect([...statuses.keys()].filter((status) => status >= 500)).toEqual([]);
  }, 900_000);
});
