import { PROJECTION_RUNNER, READ_MODEL_DB } from '@jingsai/api-kit';
import { ProjectionRunner, ReadModelDatabase, ThreadedProjectionRunner } from '@jingsai/event-store';
import { LoopWorld, ok } from '../fixtures/scheduler-loop-world';

/*
 * Read-your-writes: a GET that names a log position (minPosition, or the X-Min-Position header)
 * is answered from read models that hold at least that position, or refused plainly.
 */
describe('reading one\'s own writes with minPosition', () => {
  let w: LoopWorld;

  beforeAll(async () => {
    w = await LoopWorld.start();
  });
  afterAll(() => w.stop());

  it('answers a query that names the position of a write just made with that write in it', async () => {
    const res = ok(await w.t.post('/api/v1/projects', { projectId: 'p-rw', campaignId: 'jj-loop-2021', title: '数控车工技能比武', category: 'skills', implementationPlan: { goals: '技能比武 1 场', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '岗位练兵' }, registrationForm: { contactName: '王芳', contactPhone: '0792-8227330', headcount: 60, participatingEnterprises: 1 } }, w.tok.unitA), 201);
    const position = res.body.position as number;
    const viaQuery = ok(await w.t.get(`/api/v1/board?minPosition=${position}`, w.tok.unitA));
    expect(viaQuery.body.items.map((i: { projectId: string }) => i.projectId)).toContain('p-rw');
    const viaHeader = ok(await w.t.request('GET', '/api/v1/board?status=draft', { token: w.tok.unitA, headers: { 'x-min-position': String(position) } }));
    expect(viaHeader.body.items.map((i: { projectId: string }) => i.projectId)).toContain('p-rw');
  });

  it('refuses a position that is not a number, as a problem naming the parameter', async () => {
    const res = await w.t.get('/api/v1/board?minPosition=yesterday', w.tok.unitA);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'REQUEST.BAD_MIN_POSITION', errors: [{ field: 'minPosition' }] });
  });

  it('refuses a query parameter and a header that name different positions, and takes the same one given twice', async () => {
    const both = (query: number, header: number) => w.t.request('GET', `/api/v1/board?minPosition=${query}`, { token: w.tok.unitA, headers: { 'x-min-position': String(header) } });
    const res = await both(1, 2);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.MIN_POSITION_CONFLICT', errors: [{ field: 'minPosition' }, { field: 'X-Min-Position' }] });
    expect(res.body.messageZh).toContain('不一致');
    expect((await both(1, 1)).status).toBe(200);
  });

  it('refuses queries of the read models while another process rebuilds them, not the audit queries, and answers again once it ends', async () => {
    ok(await w.t.get('/api/v1/board', w.tok.unitA));
    // `cli rebuild` on the same files: another connection marks the rebuild, then ends it.
    const rebuilder = new ReadModelDatabase(w.t.app.get<ReadModelDatabase>(READ_MODEL_DB).path);
    try {
      rebuilder.setRebuilding(['board']);
      const refused = await w.t.get('/api/v1/board', w.tok.unitA);
      expect(refused.status).toBe(503);
      expect(refused.headers['retry-after']).toBe('10');
      expect(refused.body).toMatchObject({ code: 'READ_MODEL.REBUILDING', messageZh: expect.stringContaining('读模型正在重建') });
      expect((await w.t.get('/api/v1/campaigns', w.tok.unitA)).status).toBe(503);
      expect((await w.t.get('/api/v1/audit/events?limit=1', w.tok.admin)).status).toBe(200);
      expect((await w.t.get('/health')).status).toBe(200);
      // One read model replayed (a new version of it at start, `rebuild --only`): the routes that
      // say they do not read it answer; those that say nothing, and those that read it, do not.
      rebuilder.setRebuilding(['coverage']);
      ok(await w.t.get('/api/v1/board', w.tok.unitA));
      ok(await w.t.get('/api/v1/me', w.tok.unitA));
      expect((await w.t.get('/api/v1/statistics/coverage?campaignId=jj-loop-2021', w.tok.city)).status).toBe(503);
      rebuilder.setRebuilding(['board']);
      expect((await w.t.get('/api/v1/board', w.tok.unitA)).status).toBe(503);
      ok(await w.t.get('/api/v1/me', w.tok.unitA));
      // A city auditor's history is answered at once: it waits for no replayed checkpoint.
      const auditor = await w.t.token({ userId: 'aud-jj', roles: ['auditor'], orgId: 'jj' });
      const asked = Date.now();
      ok(await w.t.get('/api/v1/audit/streams/organization-jj/events', auditor));
      expect(Date.now() - asked).toBeLessThan(2_000);
      // Every scope check reads the organisation tree.
      rebuilder.setRebuilding(['org_tree']);
      expect((await w.t.get('/api/v1/me', w.tok.unitA)).status).toBe(503);
      // The auditor's scope cannot be checked then; the administrator needs none.
      expect((await w.t.get('/api/v1/audit/streams/organization-jj/events', auditor)).body).toMatchObject({ status: 503, code: 'READ_MODEL.REBUILDING' });
      ok(await w.t.get('/api/v1/audit/streams/organization-jj/events', w.tok.admin));
      rebuilder.setRebuilding(null);
      ok(await w.t.get('/api/v1/board', w.tok.unitA));
    } finally {
      rebuilder.close();
    }
  });

  it('refuses a caller without a token at once, before any waiting for the read models', async () => {
    const res = await w.t.request('GET', '/api/v1/board?minPosition=999999999');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('refuses at once a position past the end of the log, which no wait could reach', async () => {
    const started = Date.now();
    const res = await w.t.get('/api/v1/board?minPosition=999999999', w.tok.unitA);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'REQUEST.MIN_POSITION_AHEAD', position: 999999999, errors: [{ field: 'minPosition' }] });
    expect(res.body.messageZh).toContain('超出事件日志的末尾');
  });

  it('says the read models are still catching up when they lag behind a position the log holds, after a bounded wait', async () => {
    const runner = w.t.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    await runner.stop();
    try {
      const edit = ok(await w.t.request('PATCH', '/api/v1/projects/p-rw', { token: w.tok.unitA, body: { title: '数控车工技能比武（二次修订）' } }));
      const res = await w.t.get(`/api/v1/board?minPosition=${edit.body.position}`, w.tok.unitA);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('READ_MODEL.NOT_CAUGHT_UP');
      expect(res.body.messageZh).toContain('数据正在同步');
    } finally {
      await runner.start();
    }
  }, 15_000);

  it('shows a caller its own write in a query that names no position, right after the command (the projections run in their own thread)', async () => {
    expect(w.t.app.get(PROJECTION_RUNNER)).toBeInstanceOf(ThreadedProjectionRunner);
    for (let i = 0; i < 8; i++) {
      const projectId = `p-own-${i}`;
      ok(await w.t.post('/api/v1/projects', { projectId, campaignId: 'jj-loop-2021', title: `技能比武 ${i}`, category: 'skills' }, w.tok.unitA), 201);
      const board = ok(await w.t.get('/api/v1/board?status=draft&limit=100', w.tok.unitA));
      expect(board.body.items.map((item: { projectId: string }) => item.projectId)).toContain(projectId);
    }
  });

  it('answers a query that names no position as the read models stand when they cannot catch up within a second, never refusing it', async () => {
    const runner = w.t.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    await runner.stop();
    try {
      ok(await w.t.request('PATCH', '/api/v1/projects/p-rw', { token: w.tok.unitA, body: { title: '数控车工技能比武（三次修订）' } }));
      const started = Date.now();
      const res = ok(await w.t.get('/api/v1/board?status=draft&limit=100', w.tok.unitA));
      expect(Date.now() - started).toBeLessThan(3_000);
      expect(res.body.items.find((item: { projectId: string }) => item.projectId === 'p-rw').title).not.toBe('数控车工技能比武（三次修订）');
    } finally {
      await runner.start();
    }
  }, 15_000);

  it('does not hold a command back for a minPosition it does not read', async () => {
    const res = await w.t.request('PATCH', '/api/v1/projects/p-rw?minPosition=999999999', { token: w.tok.unitA, body: { title: '数控车工技能比武（修订）' } });
    expect(res.status).not.toBe(409);
    expect(res.status).toBeLessThan(300);
  });
});
