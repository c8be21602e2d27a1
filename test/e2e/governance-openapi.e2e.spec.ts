import { GovernanceApi } from '../../libs/governance/src/testing/governance-api';
import { AppModule } from '../../apps/api/src/app.module';
import { configureApp } from '../../apps/api/src/configure-app';
import { authenticateAsAdmin } from '@app/security/testing/authenticate-as-admin';

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema?: { $ref?: string }; examples?: Record<string, { value: unknown }> }> };
  responses: Record<string, { content?: Record<string, { schema?: { $ref?: string } }> }>;
}
type OpenApi = {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> };
};

const COMMANDS: [method: string, path: string, success: string][] = [
  ['post', '/v1/boards', '201'],
  ['post', '/v1/boards/{boardId}/partners', '201'],
  ['post', '/v1/boards/{boardId}/partners/{partnerId}/departures', '201'],
  ['post', '/v1/boards/{boardId}/meetings', '201'],
  ['post', '/v1/boards/{boardId}/funding/contributions', '201'],
  ['post', '/v1/boards/{boardId}/funding/receipts', '201'],
  ['post', '/v1/boards/{boardId}/annual-plans', '201'],
  ['post', '/v1/boards/{boardId}/annual-reports', '201'],
  ['post', '/v1/boards/{boardId}/priorities', '201'],
  ['post', '/v1/boards/{boardId}/subgroups', '201'],
  ['post', '/v1/boards/{boardId}/subgroups/{subgroupId}/scheduled-meetings', '201'],
  ['post', '/v1/boards/{boardId}/subgroups/{subgroupId}/held-meetings', '201'],
  ['post', '/v1/boards/{boardId}/audits', '201'],
  ['post', '/v1/boards/{boardId}/audits/{auditId}/completion', '201'],
  ['post', '/v1/boards/{boardId}/actions', '201'],
  ['post', '/v1/boards/{boardId}/actions/{actionId}/due-date-changes', '201'],
  ['post', '/v1/boards/{boardId}/actions/{actionId}/completion', '201'],
  ['post', '/v1/boards/{boardId}/actions/{actionId}/cancellation', '201'],
  ['post', '/v1/boards/{boardId}/practice-reviews', '201'],
  ['post', '/v1/boards/{boardId}/practice-reviews/{reviewId}/publication', '201'],
  ['post', '/v1/boards/{boardId}/training-sessions', '201'],
  ['post', '/v1/boards/{boardId}/engagement-activities', '201'],
  ['put', '/v1/boards/{boardId}/targets/{metricCode}/{financialYear}', '200'],
  ['post', '/v1/boards/{boardId}/retractions', '201'],
];

const QUERIES: [path: string, notFound: boolean][] = [
  ['/v1/boards', false],
  ['/v1/boards/{boardId}', true],
  ['/v1/boards/{boardId}/audits', true],
  ['/v1/boards/{boardId}/actions', true],
];

describe('Governance OpenAPI document', () => {
  let api: GovernanceApi;
  let document: OpenApi;

  beforeAll(async () => {
    api = await GovernanceApi.start(AppModule, authenticateAsAdmin(configureApp));
    const answer = await api.get('/docs-json');
    expect(answer.status).toBe(200);
    document = answer.body as unknown as OpenApi;
  });

  afterAll(() => api.stop());

  const schemaOf = (ref: string | undefined) => document.components.schemas[(ref ?? '').replace('#/components/schemas/', '')];

  it.each(COMMANDS)(
    'documents %s %s with a summary, a request schema with an example, its answer and the errors',
    (method, path, success) => {
      const operation = document.paths[path]?.[method];
      expect(operation).toBeDefined();
      expect(operation.summary).toEqual(expect.stringMatching(/\(\w+\)$/));
      const body = operation.requestBody?.content['application/json'];
      expect(schemaOf(body?.schema?.$ref)?.properties).toBeDefined();
      if (path !== '/v1/boards') expect(schemaOf(body?.schema?.$ref)?.properties).not.toHaveProperty('boardId');
      const example = Object.values(body?.examples ?? {})[0]?.value as Record<string, unknown>;
      expect(Object.keys(example ?? {}).length).toBeGreaterThan(0);
      expect(Object.keys(example).every((field) => field in (schemaOf(body?.schema?.$ref)?.properties ?? {}))).toBe(true);
      const answer = schemaOf(operation.responses[success]?.content?.['application/json']?.schema?.$ref);
      expect(Object.keys(answer?.properties ?? {})).toEqual(expect.arrayContaining(['eventId', 'position', 'status']));
      for (const status of ['404', '409', '422']) {
        expect(operation.responses[status]?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ApiError');
      }
    },
  );

  it.each(QUERIES)('documents GET %s with its answer schema', (path, notFound) => {
    const operation = document.paths[path]?.get;
    expect(operation?.summary).toBeTruthy();
    expect(schemaOf(operation.responses['200']?.content?.['application/json']?.schema?.$ref)?.properties).toBeDefined();
    if (notFound) expect(operation.responses['404']?.content?.['application/json']?.schema?.$ref).toBe('#/components/schemas/ApiError');
  });

  it('accepts every documented example body in turn, so the examples are real', async () => {
    const params: Record<string, string> = {
      boardId: 'cardiff-vale',
      partnerId: 'probation-wales',
      subgroupId: 'sg-qa',
      auditId: 'a1',
      actionId: 'act-7',
      reviewId: 'cpr-2025-03',
      metricCode: 'CP-ICPC-15WD',
      financialYear: '2025-26',
    };
    const exampleOf = (method: string, path: string) =>
      Object.values(document.paths[path][method].requestBody?.content['application/json'].examples ?? {})[0]?.value;
    for (const [method, path] of COMMANDS) {
      const actionId = path.endsWith('/cancellation') ? 'act-8' : params.actionId;
      if (actionId === 'act-8') {
        await api.post('/v1/boards/cardiff-vale/actions', {
          ...(exampleOf('post', '/v1/boards/{boardId}/actions') as object),
          actionId: 'act-8',
        });
      }
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'actionId' ? actionId : params[name]));
      const answer = method === 'put' ? await api.put(url, exampleOf(method, path)) : await api.post(url, exampleOf(method, path));
      expect([path, answer.status]).toEqual([path, method === 'put' ? 200 : 201]);
    }
  });
});
