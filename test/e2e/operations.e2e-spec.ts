import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { TestApp } from '../support/test-app';

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
