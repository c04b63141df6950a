import { TokenService } from '@jingsai/auth';
import { LoopWorld, ok } from '../fixtures/scheduler-loop-world';

/*
 * Board, supervision and statistics answers are kept while nothing they depend on has moved:
 * the read models, the caller, the URL and the clock. What people must notice is that they never
 * see a stale or someone else's answer; the X-Query-Cache header shows the cache at work.
 */
describe('answers of board and supervision queries kept between requests', () => {
  let w: LoopWorld;
  const board = (who: string, query = '') => w.get(`/api/v1/board${query}`, who);
  const ids = (res: { body: { items: Array<{ projectId: string }> } }) => res.body.items.map((i) => i.projectId).sort();

  beforeAll(async () => {
    w = await LoopWorld.start();
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
    ok(await w.post('/api/v1/projects', { projectId: 'p-b', campaignId: 'jj-loop-2021', title: '电子装配技能竞赛', category: 'skills', implementationPlan: { goals: '技能比武 2 场', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '岗位练兵' }, registrationForm: { contactName: '李娜', contactPhone: '0792-8227329', headcount: 120, participatingEnterprises: 1 } }, 'unitB'), 201);
  });
  afterAll(() => w.stop());

  it('answers the same request again from the cache, with the same body', async () => {
    const first = ok(await board('city'));
    const again = ok(await board('city'));
    expect(first.headers['x-query-cache']).toBe('miss');
    expect(again.headers['x-query-cache']).toBe('hit');
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.body).toEqual(first.body);
    expect(ids(again)).toEqual(['p-a', 'p-b']);
    // Kept as UTF-8 bytes: the Chinese titles arrive whole, and the length counts bytes, not characters.
    expect(again.text).toBe(first.text);
    expect(again.text).toContain('纺织挡车工技能比武');
    expect(Number(again.headers['content-length'])).toBe(Buffer.byteLength(again.text));
  });

  it('never gives one caller the answer kept for another at the same URL', async () => {
    ok(await board('unitA'));
    const a = ok(await board('unitA'));
    const b = ok(await board('unitB'));
    expect(a.headers['x-query-cache']).toBe('hit');
    expect(b.headers['x-query-cache']).toBe('miss');
    expect(ids(a)).toEqual(['p-a']);
    expect(ids(b)).toEqual(['p-b']);
    // The county sees its own subtree only, and its own actions on it.
    const xy = ok(await board('xy'));
    expect(ids(xy)).toEqual(['p-a']);
  });

  it('answers afresh once a command has changed the read models', async () => {
    // The same URL before and after (no minPosition in it): only the read models tell them apart.
    const awaiting = () => w.t.get('/api/v1/board?awaitingMyAction=true', w.tok.lx);
    ok(await awaiting());
    const before = ok(await awaiting());
    expect(before.headers['x-query-cache']).toBe('hit');
    expect(ids(before)).toEqual([]);

    ok(await w.post('/api/v1/projects/p-b/submit', {}, 'unitB'));
    ok(await w.get('/api/v1/supervision/incidents', 'lx')); // waits until the read models hold the submission
    const after = ok(await awaiting());
    expect(after.headers['x-query-cache']).toBe('miss');
    expect(ids(after)).toEqual(['p-b']);
    expect(after.body.items[0]).toMatchObject({ status: 'submitted', nextApprovalLevel: 'county' });
  });

  it('keeps its answer when a refused command changed nothing', async () => {
    ok(await board('city', '?status=submitted'));
    await w.refused('/api/v1/projects/p-b/approve', {}, 'xy', 403, 'AUTH.OUT_OF_SCOPE');
    const again = ok(await board('city', '?status=submitted'));
    expect(again.headers['x-query-cache']).toBe('hit');
    expect(ids(again)).toEqual(['p-b']);
  });

  it('answers "as of now" afresh when the clock has moved', async () => {
    const stalled = () => w.get('/api/v1/supervision/stalled?campaignId=jj-loop-2021', 'city');
    const before = ok(await stalled());
    expect(ok(await stalled()).headers['x-query-cache']).toBe('hit');
    expect(before.body.total).toBe(0);

    // A quarter and more with no report: p-a is stalled now, with nothing written to the read models.
    w.t.clock.set('2021-12-20T10:00:00+08:00');
    const later = ok(await stalled());
    expect(later.headers['x-query-cache']).toBe('miss');
    expect(later.body.items.map((i: { projectId: string }) => i.projectId)).toEqual(['p-a']);
    expect(later.body.asOf).toBe('2021-12-20T02:00:00.000Z');
  });

  it('keeps no refused request: a bad query is answered as a problem every time, with no cache header', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await board('city', '?status=flying');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.headers['x-query-cache']).toBeUndefined();
    }
  });

  it('never gives a caller the answer kept for another whose ids and names read alike', async () => {
    const admin = await w.t.token({ userId: 'u', name: 'unit|n', roles: ['admin'], orgId: 'o' });
    const unit = await w.t.token({ userId: 'u|o', name: 'n', roles: ['unit'], orgId: 'admin' });
    expect(ok(await w.t.get('/api/v1/board', admin)).body.total).toBeGreaterThan(0);
    const asUnit = ok(await w.t.get('/api/v1/board', unit));
    expect(asUnit.headers['x-query-cache']).toBe('miss');
    expect(asUnit.body.total).toBe(0);
  });

  it('answers a kept answer with the headers of any other answer (tag, correlation id, type)', async () => {
    // No minPosition: the hook in front of Nest answers it.
    const first = ok(await w.t.get('/api/v1/supervision/incidents', w.tok.city));
    const again = ok(await w.t.get('/api/v1/supervision/incidents', w.tok.city));
    expect(again.headers['x-query-cache']).toBe('hit');
    expect(again.body).toEqual(first.body);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(again.headers['cache-control']).toBe('private, no-cache');
    expect(again.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(again.headers['x-correlation-id']).toMatch(/\S/);
    expect(again.headers['x-correlation-id']).not.toBe(first.headers['x-correlation-id']);
  });

  it('never hands a kept answer to a forged, expired or missing token', async () => {
    const url = '/api/v1/board?status=submitted&limit=5';
    ok(await w.t.get(url, w.tok.city));
    expect(ok(await w.t.get(url, w.tok.city)).headers['x-query-cache']).toBe('hit');

    // The same claims under another signature: the signature is what the hook checks, not the claims.
    const [head, claims, signature] = w.tok.city.split('.');
    const forged = `${head}.${claims}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
    const refusedForged = await w.t.get(url, forged);
    expect(refusedForged.status).toBe(401);
    expect(refusedForged.body.code).toBe('AUTH.INVALID_TOKEN');
    expect(refusedForged.headers['x-query-cache']).toBeUndefined();

    // The same caller, but a token that ran out ten seconds ago.
    const expired = await w.t.app.get(TokenService).issue({ userId: 'city', name: 'city 同志', roles: ['committee'], orgId: 'jj' }, -10);
    const refusedExpired = await w.t.get(url, expired);
    expect(refusedExpired.status).toBe(401);
    expect(refusedExpired.body.code).toBe('AUTH.TOKEN_EXPIRED');

    const anonymous = await w.t.request('GET', url);
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('AUTH.UNAUTHENTICATED');
  });

  it('answers a poll that names the answer it holds with 304 and no body, and a changed page in full', async () => {
    const poll = (etag?: string) => w.t.request('GET', '/api/v1/board?status=submitted', { token: w.tok.city, headers: etag ? { 'if-none-match': etag } : {} });
    const first = ok(await poll());
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers['cache-control']).toBe('private, no-cache');

    const same = await poll(etag);
    expect(same.status).toBe(304);
    expect(same.body).toBe('');
    expect(same.headers.etag).toBe(etag);
    expect((await poll(`W/${etag}`)).status).toBe(304);

    // The county approves p-b: the city's page of submitted projects changes, and so does its tag.
    ok(await w.post('/api/v1/projects/p-b/approve', {}, 'lx'));
    ok(await w.get('/api/v1/supervision/incidents', 'city'));
    const changed = await poll(etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.items[0]).toMatchObject({ projectId: 'p-b', approvedLevels: ['county'], nextApprovalLevel: 'city' });
  });

  it('gives a 304 for an unchanged page even after the read models moved elsewhere', async () => {
    const poll = (etag?: string) => w.t.request('GET', '/api/v1/board', { token: w.tok.unitA, headers: etag ? { 'if-none-match': etag } : {} });
    const etag = ok(await poll()).headers.etag as string;
    // unitB's draft changes the read models, not unitA's board.
    ok(await w.post('/api/v1/projects', { projectId: 'p-c', campaignId: 'jj-loop-2021', title: '电子装配技能竞赛（二）', category: 'skills', implementationPlan: { goals: '技能比武 1 场', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '岗位练兵' }, registrationForm: { contactName: '李娜', contactPhone: '0792-8227329', headcount: 80, participatingEnterprises: 1 } }, 'unitB'), 201);
    ok(await w.get('/api/v1/supervision/incidents', 'unitA'));
    const again = await poll(etag);
    expect(again.headers['x-query-cache']).toBe('miss');
    expect(again.status).toBe(304);
  });
});

describe('answers with the cache turned off', () => {
  let w: LoopWorld;
  beforeAll(async () => {
    w = await LoopWorld.start({ QUERY_CACHE_MB: '0' });
  });
  afterAll(() => w.stop());

  it('are computed every time, and still tagged for polling', async () => {
    const first = ok(await w.t.get('/api/v1/board', w.tok.city));
    const again = ok(await w.t.get('/api/v1/board', w.tok.city));
    expect(again.headers['x-query-cache']).toBe('miss');
    expect(again.body).toEqual(first.body);
    const polled = await w.t.request('GET', '/api/v1/board', { token: w.tok.city, headers: { 'if-none-match': first.headers.etag as string } });
    expect(polled.status).toBe(304);
  });
});
