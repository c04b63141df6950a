import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DEMO_USERS } from '../../apps/api/src/demo/demo-users';
import { seedDemo } from '../../apps/api/src/demo/seed-demo';
import { PROJECT_ACTION_ROUTES, PROJECT_ITEM_ACTION_ROUTES } from '../../libs/competitions/src/application/project.view';
import { AWARD_ACTION_ROUTES } from '../../libs/awards/src/application/award-round.view';
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


/** Request and response properties typed `object` on purpose, with nothing said of their members (none now: free-form maps say additionalProperties). */
const FREE_FORM = new Set<string>();

/** Every property (and array item) of every component schema that says `type: object` and nothing about its shape. */
function bareObjects(schemas: Record<string, any>): string[] {
  const found: string[] = [];
  const walk = (s: any, at: string) => {
    if (!s || typeof s !== 'object') return;
    if (s.type === 'object' && !s.properties && !s.$ref && !s.allOf && !s.additionalProperties) found.push(at);
    for (const [k, v] of Object.entries(s.properties ?? {})) walk(v, `${at}.${k}`);
    if (s.items) walk(s.items, `${at}[]`);
  };
  for (const [name, schema] of Object.entries(schemas)) for (const [k, v] of Object.entries(schema.properties ?? {})) walk(v, `${name}.${k}`);
  return found;
}

/** The property names a schema gives, through $ref and allOf. */
function propertiesOf(doc: any, schema: any): string[] {
  if (schema?.$ref) return propertiesOf(doc, doc.components.schemas[schema.$ref.split('/').pop()]);
  return [...Object.keys(schema?.properties ?? {}), ...(schema?.allOf ?? []).flatMap((s: any) => propertiesOf(doc, s))];
}
const okSchema = (doc: any, path: string) => doc.paths[path].get.responses['200'].content?.['application/json']?.schema;
const itemsOf = (doc: any, schema: any): any => (schema?.allOf ?? []).map((s: any) => s.properties?.items).find(Boolean);
const header = (op: any, name: string) => (op.parameters ?? []).find((p: any) => p.in === 'header' && p.name === name);

/** A schema with its $ref followed and its allOf folded in (nested DTOs come as `allOf: [{$ref}]` beside `nullable`). */
function resolved(doc: any, schema: any): any {
  if (schema?.$ref) return resolved(doc, { ...doc.components.schemas[schema.$ref.split('/').pop()], ...(schema.nullable ? { nullable: true } : {}) });
  if (!schema?.allOf) return schema ?? {};
  const parts = schema.allOf.map((s: any) => resolved(doc, s));
  const { allOf: _allOf, ...rest } = schema;
  return parts.reduce(
    (into: any, p: any) => ({ ...p, ...into, properties: { ...(into.properties ?? {}), ...(p.properties ?? {}) }, required: [...(into.required ?? []), ...(p.required ?? [])] }),
    { ...rest, properties: {}, required: [] },
  );
}

/**
 * Where a real answer and its documented schema part: members the document does not name or
 * the answer lacks (required ones), nulls not documented nullable, values of another type or
 * outside the enum. Objects that allow `additionalProperties` are open beyond the members they name.
 */
function mismatches(doc: any, schema: any, value: unknown, at = '$'): string[] {
  const s = resolved(doc, schema);
  if (s.oneOf) return s.oneOf.some((o: any) => mismatches(doc, o, value, at).length === 0) || (value === null && s.nullable) ? [] : [`${at}: none of oneOf fits ${JSON.stringify(value)}`];
  if (value === null) return s.nullable ? [] : [`${at}: null, not documented nullable`];
  const type = s.type ?? (s.properties && Object.keys(s.properties).length ? 'object' : undefined);
  const is: Record<string, (v: unknown) => boolean> = {
    string: (v) => typeof v === 'string', integer: Number.isInteger, number: (v) => typeof v === 'number', boolean: (v) => typeof v === 'boolean',
    array: Array.isArray, object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  };
  if (type && !is[type]?.(value)) return [`${at}: ${JSON.stringify(value)?.slice(0, 60)} is no ${type}`];
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} outside ${JSON.stringify(s.enum)}`];
  if (Array.isArray(value)) return value.flatMap((v, i) => mismatches(doc, s.items, v, `${at}[${i}]`));
  if (type !== 'object') return [];
  const o = value as Record<string, unknown>;
  const props = s.properties ?? {};
  if (!Object.keys(props).length) return typeof s.additionalProperties === 'object' ? Object.entries(o).flatMap(([k, v]) => mismatches(doc, s.additionalProperties, v, `${at}.${k}`)) : [];
  return [
    ...Object.keys(o).filter((k) => !(k in props) && !s.additionalProperties).map((k) => `${at}.${k}: not documented`),
    ...(s.required ?? []).filter((k: string) => !(k in o)).map((k: string) => `${at}.${k}: documented as required, absent`),
    ...Object.entries(o).filter(([k]) => k in props).flatMap(([k, v]) => mismatches(doc, props[k], v, `${at}.${k}`)),
  ];
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

  it('has a documented route for every request an offered project action links to (method and href)', () => {
    const missing = Object.entries(PROJECT_ACTION_ROUTES).filter(([, r]) => !doc.paths[`/api/v1/projects/{projectId}${r!.path}`]?.[r!.method.toLowerCase()]).map(([a]) => a);
    expect(missing).toEqual([]);
    expect(Object.keys(PROJECT_ACTION_ROUTES).length).toBeGreaterThan(15);
    const params: Record<string, string> = { n: '{nominationId}', o: '{objectionId}', h: '{honourId}' };
    const awardMissing = Object.entries(AWARD_ACTION_ROUTES).filter(([, path]) => !doc.paths[`/api/v1/award-rounds/{roundId}${path.replace(/\{(\w)\}/g, (_, k: string) => params[k]!)}`]?.post).map(([a]) => a);
    expect(awardMissing).toEqual([]);
    // Actions on a project's milestones, findings and commendations (review 40 #6).
    const itemParams: Record<string, string> = { m: '{milestoneId}', i: '{inspectionId}', f: '{findingId}', c: '{commendationId}' };
    const itemMissing = Object.entries(PROJECT_ITEM_ACTION_ROUTES).filter(([, r]) => !doc.paths[`/api/v1/projects/{projectId}${r.path.replace(/\{(\w)\}/g, (_, k: string) => itemParams[k]!)}`]?.post).map(([a]) => a);
    expect(itemMissing).toEqual([]);
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

  it('types every request property as what the API accepts, never a bare object (string | null used to come out as object)', () => {
    expect(bareObjects(doc.components.schemas).filter((p) => !FREE_FORM.has(p))).toEqual([]);
    const s = doc.components.schemas;
    expect(s.RegistrationFormDto.properties.participatingEnterprises).toMatchObject({ type: 'integer', nullable: true });
    expect(s.RegistrationFormDto.properties.contactEmail).toMatchObject({ type: 'string', nullable: true });
    expect(s.RegistrationFormDto.properties.notes).toMatchObject({ type: 'string', nullable: true });
    expect(s.CommendationRecipientDto.properties.orgId.type).toBe('string');
    expect(s.CommendationRecipientDto.properties.id.type).toBe('string');
    expect(s.RegisterOrganizationRequestDto.properties.industry.type).toBe('string');
    expect(s.UpdateOrganizationRequestDto.properties.region.type).toBe('string');
    expect(s.AddAssessorRequestDto.properties.waiverReason.type).toBe('string');
    expect(s.CreateCampaignRequestDto.properties.campaignPeriod.allOf).toEqual([{ $ref: '#/components/schemas/CampaignPeriodDto' }]);
    expect(Object.keys(s.CampaignPeriodDto.properties)).toEqual(['startsOn', 'endsOn']);
    // Rules, ratios and sub-quotas: their members, though the deciders (not the DTOs) judge them.
    expect(s.PublishRuleSetRequestDto.properties.rules.items).toEqual({ $ref: '#/components/schemas/RuleSpecDto' });
    expect(s.PublishRuleSetRequestDto.properties.ratios.items).toEqual({ $ref: '#/components/schemas/RatioSpecDto' });
    expect(s.CreateAwardRoundRequestDto.properties.subQuotas.items).toEqual({ $ref: '#/components/schemas/SubQuotaDto' });
    expect(s.RuleSpecDto.required).toEqual(['rule']);
    expect(s.RuleSpecDto.properties.rule.enum).toEqual(expect.arrayContaining(['applied_on_time', 'min_grade', 'exclusion_window']));
    expect(s.RatioSpecDto.required).toEqual(['key', 'label', 'where', 'op', 'percent', 'denominator']);
    expect(s.RatioSpecDto.properties.denominator.oneOf).toEqual([{ type: 'string', enum: ['all'] }, { $ref: '#/components/schemas/AttributePredicateDto' }]);
    expect(s.SubQuotaDto.required).toEqual(['key', 'where', 'max']);
  });

  it('carries the DTOs’ validation rules: lengths, id patterns, dates, instants, ranges and integers', () => {
    const s = doc.components.schemas;
    expect(s.DraftProjectRequestDto.properties.projectId.pattern).toBe('^(?!\\.{1,2}$)[A-Za-z0-9_.:-]{1,64}$');
    expect(s.RegisterOrganizationRequestDto.properties.name.maxLength).toBe(200);
    expect(s.RegistrationFormDto.properties.notes.maxLength).toBe(2000);
    expect(s.RecordOrganizationFactRequestDto.properties.occurredOn).toMatchObject({ format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
    expect(s.ApplicationWindowDto.properties.opensAt.format).toBe('date-time');
    expect(s.SetClockDto.properties.now.format).toBe('date-time');
    expect(s.AdvanceClockDto.properties.days).toMatchObject({ type: 'integer', minimum: 0, maximum: 3650 });
    expect(s.RegistrationFormDto.properties.headcount.type).toBe('integer');
    const audit = doc.paths['/api/v1/audit/events'].get.parameters;
    expect(audit.find((p: any) => p.name === 'from').schema.format).toBe('date-time');
    expect(audit.find((p: any) => p.name === 'actor').schema.maxLength).toBe(200);
  });

  it('declares the headers the API honours: Idempotency-Key and If-Match on commands, minPosition on every GET, If-None-Match on the cached GETs', () => {
    const create = doc.paths['/api/v1/projects'].post;
    expect(header(create, 'Idempotency-Key').schema).toEqual({ type: 'string', minLength: 1, maxLength: 200 });
    expect(header(doc.paths['/api/v1/projects/{projectId}/submit'].post, 'If-Match')).toBeDefined();
    expect(header(doc.paths['/api/v1/organizations/{orgId}'].patch, 'Idempotency-Key')).toBeDefined();
    expect(header(doc.paths['/api/v1/admin/clock'].put, 'Idempotency-Key')).toBeUndefined();
    expect(Object.keys(create.responses['201'].headers)).toEqual(expect.arrayContaining(['ETag', 'Idempotent-Replayed', 'Location']));
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      if (!ops.get) continue;
      const names = ops.get.parameters.map((p: any) => p.name);
      expect({ path, minPosition: names.includes('minPosition') || names.includes('X-Min-Position') }).toEqual({ path, minPosition: true });
    }
    expect(doc.paths['/api/v1/projects/{projectId}'].get.parameters.map((p: any) => p.name)).toContain('minPosition');
    for (const path of ['/api/v1/board', '/api/v1/supervision/overdue', '/api/v1/supervision/stalled', '/api/v1/supervision/incidents', '/api/v1/statistics/coverage', '/api/v1/statistics/assessment']) {
      const op = doc.paths[path].get;
      expect({ path, ifNoneMatch: !!header(op, 'If-None-Match'), notModified: !!op.responses['304'] }).toEqual({ path, ifNoneMatch: true, notModified: true });
      expect(Object.keys(op.responses['200'].headers)).toEqual(expect.arrayContaining(['ETag', 'X-Query-Cache', 'Cache-Control']));
    }
    expect(header(doc.paths['/api/v1/projects/{projectId}'].get, 'If-None-Match')).toBeUndefined();
    expect(doc.paths['/api/v1/projects/{projectId}'].get.responses['304']).toBeUndefined();
  });

  it('lists the problems the router and the command headers answer with: 405, 414, 412, 422 and 400 with their codes', () => {
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect({ op: `${method} ${path}`, has405: op.responses['405']?.description.includes('HTTP.METHOD_NOT_ALLOWED') && !!op.responses['405'].headers.Allow }).toEqual({ op: `${method} ${path}`, has405: true });
        expect({ op: `${method} ${path}`, has414: !!op.responses['414'] }).toEqual({ op: `${method} ${path}`, has414: path.includes('{') });
      }
    }
    const submit = doc.paths['/api/v1/projects/{projectId}/submit'].post.responses;
    const examples = (status: string) => Object.keys(submit[status].content['application/problem+json'].examples);
    expect(examples('412')).toEqual(['STREAM.REVISION_MISMATCH']);
    expect(examples('422')).toEqual(['IDEMPOTENCY.KEY_REUSED']);
    expect(examples('400')).toEqual(expect.arrayContaining(['REQUEST.BAD_IDEMPOTENCY_KEY', 'REQUEST.BAD_IF_MATCH']));
    expect(doc.paths['/api/v1/projects'].post.responses['413']).toBeDefined();
  });

  it('describes the answers of the supervision and organisation GETs as they are sent', async () => {
    for (const path of ['/api/v1/supervision/overdue', '/api/v1/supervision/stalled', '/api/v1/supervision/incidents', '/api/v1/organizations']) {
      expect({ path, items: itemsOf(doc, okSchema(doc, path))?.type }).toEqual({ path, items: 'array' });
    }
    expect(itemsOf(doc, okSchema(doc, '/api/v1/supervision/overdue')).items).toEqual({ $ref: '#/components/schemas/OverdueItemDto' });
    // The documented members are the members a real answer has.
    const admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'root' });
    expect((await t.post('/api/v1/organizations', { orgId: 'root', name: '江西省总工会', kind: 'union', level: 'province' }, admin)).status).toBe(201);
    const committee = await t.token({ userId: 'c', roles: ['committee'], orgId: 'root' });
    for (const [url, path] of [
      ...['overdue', 'stalled', 'incidents'].map((v) => [`/api/v1/supervision/${v}`, `/api/v1/supervision/${v}`]),
      ['/api/v1/organizations/root/facts', '/api/v1/organizations/{orgId}/facts'],
      ['/api/v1/organizations/root/within/root', '/api/v1/organizations/{orgId}/within/{ancestorId}'],
    ]) {
      const res = await t.get(`${url}?minPosition=1`, committee);
      expect({ url, status: res.status }).toEqual({ url, status: 200 });
      expect({ url, keys: Object.keys(res.body).sort() }).toEqual({ url, keys: propertiesOf(doc, okSchema(doc, path!)).sort() });
    }
    const list = await t.get('/api/v1/organizations?within=root&minPosition=1', admin);
    const org = await t.get('/api/v1/organizations/root', admin);
    expect(Object.keys(list.body).sort()).toEqual(propertiesOf(doc, okSchema(doc, '/api/v1/organizations')).sort());
    expect(Object.keys(org.body).sort()).toEqual(propertiesOf(doc, okSchema(doc, '/api/v1/organizations/{orgId}')).sort());
    expect(Object.keys(list.body.items[0]).sort()).toEqual(propertiesOf(doc, itemsOf(doc, okSchema(doc, '/api/v1/organizations')).items).sort());
  });
});

/* ----- the console's GETs, read off a real scenario: the demo seed and one award round on it ----- */
describe('the OpenAPI document, against the answers of the GETs a console uses most', () => {
  let t: TestApp;
  let doc: any;
  const tok: Record<string, string> = {};
  const R = '/api/v1/award-rounds/oa-cert';
  let last = 0;
  const post = async (url: string, body: unknown, who: string, status = 200) => {
    const res = await t.post(url, body, tok[who]);
    if (res.status !== status) throw new Error(`${url}: expected ${status}, got ${res.status}: ${JSON.stringify(res.body)}`);
    last = Math.max(last, res.body.position ?? 0);
    return res;
  };
  const get = async (url: string, who: string) => {
    const res = await t.get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${last}`, tok[who]);
    if (res.status !== 200) throw new Error(`${url}: expected 200, got ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let conferred: any;

  beforeAll(async () => {
    t = await TestApp.start({ now: '2022-03-01T09:00:00+08:00' });
    expect(await seedDemo(t.app)).toBe(true);
    for (const u of DEMO_USERS) tok[u.userId] = await t.token(u);
    doc = (await t.get('/api/docs-json')).body;
    const rules = (await get('/api/v1/rule-sets/presets', 'u-award-office')).items.find((p: any) => p.key === 'jiujiang_campaign_2021').content.rules;
    await post('/api/v1/rule-sets', {
      ruleSetId: 'oa-2021', citation: '九江市劳动竞赛委员会 2021', year: 2021, rules,
      ratios: [{ key: 'non_public', label: { zh: '非公有制企业', en: 'non-public' }, where: { attribute: 'nonPublic' }, op: '<=', percent: 100, denominator: 'all' }],
      clearances: { byNomineeKind: { unit: ['tax'] } },
    }, 'u-award-office', 201);
    await post('/api/v1/award-rounds', {
      roundId: 'oa-cert', campaignId: 'jiujiang-2021', awardType: 'may_day_certificate', ruleSetId: 'oa-2021', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'],
      subQuotas: [{ key: 'non_public', label: { zh: '非公有制企业', en: 'non-public' }, where: { attribute: 'nonPublic' }, max: 1 }],
    }, 'u-award-office', 201);
    await post(`${R}/nominations`, { nominationId: 'n-tx', nominee: { kind: 'unit', id: 'xunyang-textile', name: '浔阳纺织有限公司' }, projectId: 'jj-textile-skills', attributes: { nonPublic: true } }, 'u-xunyang-committee', 201);
    await post(`${R}/nominations/n-tx/recommend`, { workersCongressOn: '2022-02-28' }, 'u-textile-union');
    for (const { department } of (await get(R, 'u-award-office')).nominations[0].clearances) {
      await post(`${R}/nominations/n-tx/clearances`, { department, decision: 'granted', note: '无不良记录' }, 'u-award-office');
    }
    await post(`${R}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2022-03-02' }, 'u-award-office');
    t.clock.set('2022-03-03T10:00:00+08:00');
    await post(`${R}/objections`, { objectionId: 'o-1', nominationId: 'n-tx', objector: { kind: 'individual', realName: '李四', contact: '13800000000' }, grounds: '台账不全' }, 'u-textile-union', 201);
    await post(`${R}/objections/o-1/resolve`, { outcome: 'dismissed', note: '经核查不属实' }, 'u-award-office');
    t.clock.set('2022-03-10T10:00:00+08:00');
    conferred = (await post(`${R}/confer`, {}, 'u-award-office')).body;
  });
  afterAll(() => t.stop());

  it('finds what a documented schema misses: an unknown member, an absent one, a null, a wrong type, a value outside the enum', async () => {
    const row = (await get('/api/v1/board?campaignId=jiujiang-2021', 'u-city-committee')).items[0];
    const { title: _title, ...untitled } = row;
    const item = { $ref: '#/components/schemas/BoardItemDto' };
    expect(mismatches(doc, item, row)).toEqual([]);
    expect(mismatches(doc, item, { ...untitled, surprise: 1, vetoed: null, lateAttempts: 1.5, status: 'lost' })).toEqual([
      '$.surprise: not documented', '$.title: documented as required, absent', '$.status: "lost" outside ' + JSON.stringify(doc.components.schemas.BoardItemDto.properties.status.enum),
      '$.lateAttempts: 1.5 is no integer', '$.vetoed: null, not documented nullable',
    ]);
  });

  it('documents conferral’s own answer beside the command response', () => {
    const schema = doc.paths['/api/v1/award-rounds/{roundId}/confer'].post.responses['200'].content['application/json'].schema;
    expect(mismatches(doc, schema, conferred)).toEqual([]);
    expect(propertiesOf(doc, schema)).toEqual(expect.arrayContaining(['streamId', 'position', 'conferral']));
  });

  it.each([
    ['/api/v1/board?campaignId=jiujiang-2021', '/api/v1/board', 'u-city-committee'],
    ['/api/v1/board?campaignId=jiujiang-2021', '/api/v1/board', 'u-textile-union'],
    ['/api/v1/projects/jj-textile-skills', '/api/v1/projects/{projectId}', 'u-city-committee'],
    ['/api/v1/projects/jj-petrochem-key', '/api/v1/projects/{projectId}', 'u-city-committee'],
    ['/api/v1/projects/jj-electronics-innovation', '/api/v1/projects/{projectId}', 'u-electronics-union'],
    ['/api/v1/campaigns', '/api/v1/campaigns', 'u-city-committee'],
    ['/api/v1/campaigns/jiujiang-2021', '/api/v1/campaigns/{campaignId}', 'u-city-committee'],
    ['/api/v1/award-rounds', '/api/v1/award-rounds', 'u-award-office'],
    [R, '/api/v1/award-rounds/{roundId}', 'u-award-office'],
    [R, '/api/v1/award-rounds/{roundId}', 'u-xunyang-committee'],
    [`${R}/nominations`, '/api/v1/award-rounds/{roundId}/nominations', 'u-award-office'],
    [`${R}/nominations/n-tx`, '/api/v1/award-rounds/{roundId}/nominations/{nominationId}', 'u-award-office'],
    ['/api/v1/honours', '/api/v1/honours', 'u-award-office'],
    [`${R}/objections`, '/api/v1/award-rounds/{roundId}/objections', 'u-award-office'],
    [`${R}/objections`, '/api/v1/award-rounds/{roundId}/objections', 'u-textile-union'],
    [`${R}/objections/o-1`, '/api/v1/award-rounds/{roundId}/objections/{objectionId}', 'u-award-office'],
    [`/api/v1/honours/${encodeURIComponent('oa-cert/n-tx')}`, '/api/v1/honours/{honourId}', 'u-award-office'],
    [`/api/v1/honours/${encodeURIComponent('instant/jj-textile-skills/tx-commend-1')}`, '/api/v1/honours/{honourId}', 'u-city-committee'],
    ['/api/v1/eligibility?campaignId=jiujiang-2021&awardType=may_day_certificate', '/api/v1/eligibility', 'u-award-office'],
    ['/api/v1/statistics/coverage?campaignId=jiujiang-2021', '/api/v1/statistics/coverage', 'u-city-committee'],
    ['/api/v1/statistics/coverage?campaignId=jiujiang-2021', '/api/v1/statistics/coverage', 'u-xunyang-committee'],
    ['/api/v1/statistics/assessment?campaignId=jiujiang-2021', '/api/v1/statistics/assessment', 'u-city-committee'],
    ['/api/v1/audit/events?limit=40', '/api/v1/audit/events', 'u-auditor'],
  ])('describes GET %s (%s) as %s reads it', async (url, path, who) => {
    const schema = okSchema(doc, path);
    expect(schema).toBeDefined();
    expect(mismatches(doc, schema, await get(url, who))).toEqual([]);
  });
});
