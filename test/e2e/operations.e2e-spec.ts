import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { TestApp } from '../support/test-app';
import { loadConfig } from '../../apps/api/src/config/app-config';

describe('operations endpoints', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'root' });
  });
  afterAll(() => t.stop());

  it('answers /health without a token', async () => {
    const res = await t.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    // A probe or a scraper may add parameters of its own (review 44 #1).
    expect((await t.get('/health?ts=1')).status).toBe(200);
    expect((await t.get('/ready?probe=1')).status).toBe(200);
    expect((await t.get('/metrics?name[]=x')).status).toBe(200);
  });

  it('reports the store and read-model lag on /ready', async () => {
    const res = await t.get('/ready');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ready', eventStore: { reachable: true }, readModels: { rebuilding: false, failure: null } });
    expect(typeof res.body.readModels.lagEvents).toBe('number');
  });

  it('carries the correlation id from the request into the event metadata and the response', async () => {
    const res = await t.request('POST', '/api/v1/organizations', {
      token: admin,
      body: { orgId: 'corr-org', name: '关联测试', kind: 'union', level: 'province' },
      headers: { 'x-correlation-id': 'trace-abc-123' },
    });
    expect(res.status).toBe(201);
    expect(res.headers['x-correlation-id']).toBe('trace-abc-123');
    const store = t.app.get<EventStore>(EVENT_STORE);
    const [event] = await store.readStream('organization-corr-org');
    expect(event!.metadata.correlationId).toBe('trace-abc-123');
    expect(event!.metadata.actor).toMatchObject({ userId: 'admin', role: 'admin' });
  });

  it('moves the clock only to an instant with its zone, and only by a given amount (review 41 #8)', async () => {
    const before = (await t.get('/api/v1/admin/clock', admin)).body.now;
    const local = await t.request('PUT', '/api/v1/admin/clock', { token: admin, body: { now: '2026-01-01T00:00:00' } });
    expect(local.body).toMatchObject({ status: 400, errors: [{ field: 'now' }] });
    expect((await t.post('/api/v1/admin/clock/advance', {}, admin)).body).toMatchObject({ status: 400, code: 'ADMIN.ADVANCE_NOTHING' });
    expect((await t.get('/api/v1/admin/clock', admin)).body.now).toBe(before);
    expect((await t.request('PUT', '/api/v1/admin/clock', { token: admin, body: { now: '2021-07-02T09:00:00+08:00' } })).body.now).toBe('2021-07-02T01:00:00.000Z');
  });

  it('exposes command, append, HTTP and projection metrics in Prometheus format', async () => {
    await t.post('/api/v1/organizations', { orgId: 'metrics-org', name: '指标测试', kind: 'union', level: 'province' }, admin);
    const res = await t.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = String(res.body);
    expect(text).toMatch(/jingsai_commands_total\{command="RegisterOrganization",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/jingsai_event_store_append_duration_seconds_count [1-9]/);
    expect(text).toMatch(/jingsai_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/organizations",status="201"\} [1-9]/);
    expect(text).toContain('jingsai_projection_lag_events');
  });
});

describe('a console on another origin (CORS_ORIGINS)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ env: { CORS_ORIGINS: 'http://console.example:5173, https://jingsai.example' } });
  });
  afterAll(() => t.stop());

  it('answers the preflight of a listed origin with the headers a console sends, and lets it read the ETag and Location', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/projects/p-1/approve',
      headers: { origin: 'http://console.example:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,if-match,idempotency-key' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('http://console.example:5173');
    expect(String(preflight.headers['access-control-allow-headers'])).toContain('idempotency-key');
    expect(String(preflight.headers['access-control-allow-methods'])).toContain('POST');
    const admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'root' });
    const created = await t.app.inject({
      method: 'POST', url: '/api/v1/organizations', payload: { orgId: 'cors-root', name: '跨域测试', kind: 'union', level: 'province' },
      headers: { origin: 'https://jingsai.example', authorization: `Bearer ${admin}` },
    });
    expect(created.statusCode).toBe(201);
    expect(created.headers['access-control-allow-origin']).toBe('https://jingsai.example');
    expect(String(created.headers['access-control-expose-headers'])).toMatch(/etag.*location|location.*etag/);
    // An export's file name too (review 39 #4).
    expect(String(created.headers['access-control-expose-headers'])).toContain('content-disposition');
  });

  it('gives an origin not listed no CORS headers, so the browser keeps it out', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/health', headers: { origin: 'https://evil.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('refuses a setting that is not an origin, at start', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', CORS_ORIGINS: 'http://console.example/app' })).toThrow(/CORS_ORIGINS: http:\/\/console.example\/app is not an origin/);
  });
});
