import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { TestApp } from '../support/test-app';

/** Metadata keys of @ApiExcludeController / @ApiExcludeEndpoint (@nestjs/swagger does not export its constants). */
const EXCLUDE_CONTROLLER = 'swagger/apiExcludeController';
const EXCLUDE_ENDPOINT = 'swagger/apiExcludeEndpoint';

interface Route {
  method: string;
  /** Fastify form: /api/v1/projects/:projectId/submit */
  url: string;
  /** OpenAPI form: /api/v1/projects/{projectId}/submit */
  path: string;
  excluded: boolean;
}

const join = (...parts: string[]) => `/${parts.flatMap((p) => p.split('/')).filter(Boolean).join('/')}`;
const asArray = (v: unknown): string[] => (Array.isArray(v) ? v : [v ?? '']).map(String);

/** Every route of every controller Nest registered, read from the routing metadata. */
function nestRoutes(t: TestApp): Route[] {
  const routes: Route[] = [];
  for (const mod of t.app.get(ModulesContainer).values()) {
    for (const wrapper of mod.controllers.values()) {
      const controller = wrapper.metatype as any;
      if (!controller) continue;
      const excludedController = Reflect.getMetadata(EXCLUDE_CONTROLLER, controller)?.[0] === true;
      for (const base of asArray(Reflect.getMetadata(PATH_METADATA, controller))) {
        for (const name of Object.getOwnPropertyNames(controller.prototype)) {
          const handler = controller.prototype[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler);
          if (method === undefined) continue;
          const excluded = excludedController || Reflect.getMetadata(EXCLUDE_ENDPOINT, handler)?.disable === true;
          for (const sub of asArray(Reflect.getMetadata(PATH_METADATA, handler))) {
            const url = join(base, sub);
            routes.push({ method: RequestMethod[method as RequestMethod], url, path: url.replace(/:([A-Za-z0-9_]+)/g, '{$1}'), excluded });
          }
        }
      }
    }
  }
  return routes;
}

describe('the OpenAPI document', () => {
  let t: TestApp;
  let routes: Route[];
  let doc: any;

  beforeAll(async () => {
    t = await TestApp.start();
    routes = nestRoutes(t);
    const res = await t.get('/api/docs-json');
    expect(res.status).toBe(200);
    doc = res.body;
  });
  afterAll(() => t.stop());

  it('enumerates the routes Fastify actually serves', () => {
    const fastify = t.app.getHttpAdapter().getInstance();
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) expect({ route: `${r.method} ${r.url}`, served: fastify.hasRoute({ method: r.method, url: r.url }) }).toEqual({ route: `${r.method} ${r.url}`, served: true });
    const listed = routes.map((r) => `${r.method} ${r.path}`);
    for (const expected of [
      'POST /api/v1/campaigns', 'PATCH /api/v1/campaigns/{campaignId}', 'POST /api/v1/campaigns/{campaignId}/publish', 'POST /api/v1/campaigns/{campaignId}/rules-amendments',
      'POST /api/v1/campaigns/{campaignId}/close', 'GET /api/v1/campaigns', 'GET /api/v1/campaigns/catalogue', 'GET /api/v1/campaigns/{campaignId}',
      'POST /api/v1/projects', 'PATCH /api/v1/projects/{projectId}', 'GET /api/v1/projects/{projectId}', 'GET /api/v1/board',
      ...['submit', 'approve', 'return', 'reject', 'extensions', 'withdraw', 'terminate'].map((verb) => `POST /api/v1/projects/{projectId}/${verb}`),
    ]) {
      expect(listed).toContain(expected);
    }
  });

  it('documents every route of every controller, and nothing else', () => {
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const expected = routes.filter((r) => !r.excluded).map((r) => `${r.method} ${r.path}`);
    expect([...documented].sort()).toEqual([...new Set(expected)].sort());
    for (const r of routes.filter((x) => x.excluded)) expect(doc.paths[r.path]?.[r.method.toLowerCase()]).toBeUndefined();
  });

  it('describes each competitions operation, and the success status of its commands', () => {
    const competitions = Object.entries(doc.paths as Record<string, Record<string, any>>).filter(([path]) => /^\/api\/v1\/(campaigns|projects|board)\b/.test(path));
    expect(competitions.length).toBeGreaterThanOrEqual(10);
    for (const [path, ops] of competitions) {
      for (const [method, op] of Object.entries(ops)) {
        expect({ op: `${method} ${path}`, summary: typeof op.summary === 'string' && op.summary.length > 0 }).toEqual({ op: `${method} ${path}`, summary: true });
      }
    }
    expect(Object.keys(doc.paths['/api/v1/projects'].post.responses)).toContain('201');
    expect(Object.keys(doc.paths['/api/v1/projects/{projectId}/submit'].post.responses)).toContain('200');
    expect(Object.keys(doc.paths['/api/v1/campaigns/{campaignId}/publish'].post.responses)).toContain('200');
    expect(doc.components.schemas.CreateCampaignRequestDto.required).toEqual(expect.arrayContaining(['title', 'categories', 'applicationWindow', 'assessment']));
  });

  it('says who may create campaigns and register organisations as the routes behave', () => {
    const campaigns = doc.paths['/api/v1/campaigns'].post.description as string;
    expect(campaigns).toContain('默认且只能为您所在的竞赛委员会');
    expect(campaigns).not.toContain('辖区内的竞赛委员会创建');
    const organisations = doc.paths['/api/v1/organizations'].post.description as string;
    expect(organisations).toContain('仅系统管理员');
    expect(organisations).not.toContain('竞赛委员会只能在本辖区内登记');
  });
  it('documents the problem responses of every operation with one Problem schema, so a console can generate its error handling', () => {
    expect(doc.components.schemas.Problem.required).toEqual(expect.arrayContaining(['code', 'messageZh', 'messageEn', 'status']));
    const problem = (op: any, status: string) => op.responses[status]?.content?.['application/problem+json']?.schema?.$ref;
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        const statuses = method === 'get' ? ['400', '404'] : ['400', '404', '409', '422'];
        if (op.security?.length) statuses.push('401', '403');
        for (const status of statuses) expect({ op: `${method} ${path}`, status, ref: problem(op, status) }).toEqual({ op: `${method} ${path}`, status, ref: '#/components/schemas/Problem' });
      }
    }
    expect(doc.paths['/api/v1/projects/{projectId}/submit'].post.responses['412'].description).toContain('If-Match');
  });
});
