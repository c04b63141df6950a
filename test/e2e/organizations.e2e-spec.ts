import { TestApp } from '../support/test-app';

describe('organisations over HTTP', () => {
  let t: TestApp;
  let admin: string;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'root' });
  });
  afterAll(() => t.stop());

  it('registers a tree and answers scope questions from it', async () => {
    const root = await t.post('/api/v1/organizations', { orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' }, admin);
    expect(root.status).toBe(201);
    expect(root.body).toMatchObject({ id: 'jx', streamId: 'organization-jx', revision: 0, events: ['OrganizationRegistered'] });
    expect(root.headers.etag).toBe('"0"');
    const city = await t.post('/api/v1/organizations', { orgId: 'jj', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city', parentId: 'jx' }, admin);
    expect(city.status).toBe(201);
    const cityCommittee = await t.token({ roles: ['committee'], orgId: 'jj' });
    const county = await t.post('/api/v1/organizations', { orgId: 'xy', name: '浔阳区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' }, admin);
    expect(county.status).toBe(201);
    const byCommittee = await t.post('/api/v1/organizations', { name: '某企业', kind: 'enterprise', level: 'enterprise', parentId: 'jj' }, cityCommittee);
    expect(byCommittee.status).toBe(403);
    expect(byCommittee.body.code).toBe('AUTH.ROLE_REQUIRED');

    const list = await t.request('GET', `/api/v1/organizations?minPosition=${county.body.position}`, { token: cityCommittee });
    expect(list.status).toBe(200);
    expect(list.body.items.map((o: any) => o.orgId)).toEqual(['jj', 'xy']);
    expect(list.body.items[1]).toMatchObject({ path: ['jx', 'jj'], levelLabel: '县（市、区）级', kindLabel: '劳动竞赛委员会' });
    expect(list.body.scope).toMatchObject({ kind: 'subtree', orgId: 'jj', labelZh: expect.stringContaining('及所属单位') });
  });


  it('lists every organisation to the system administrator, who registers them anywhere; a subtree when asked', async () => {
    const all = (await t.get('/api/v1/organizations?limit=100', admin)).body;
    expect(all.scope).toMatchObject({ kind: 'all' });
    expect(all.items.map((o: { orgId: string }) => o.orgId)).toEqual(expect.arrayContaining(['jx', 'jj', 'xy']));
    const city = (await t.get('/api/v1/organizations?within=jj&limit=100', admin)).body;
    expect(city.scope).toMatchObject({ kind: 'subtree', orgId: 'jj' });
    expect(city.items.map((o: { orgId: string }) => o.orgId)).not.toContain('jx');
  });
  it('refuses a county committee recording facts outside its subtree', async () => {
    await t.post('/api/v1/organizations', { orgId: 'lx', name: '濂溪区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' }, admin);
    const xunyang = await t.token({ roles: ['committee'], orgId: 'xy' });
    const fact = { kind: 'wage_arrears', occurredOn: '2021-03-01', description: '拖欠工资' };
    const own = await t.post('/api/v1/organizations/xy/facts', fact, xunyang);
    expect(own.status).toBe(201);
    const res = await t.post('/api/v1/organizations/lx/facts', fact, xunyang);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE', status: 403 });
    expect(res.body.messageZh).toContain('管辖范围');
    // Reading: a known organisation outside the subtree is 403, an unknown one 404 as on GET /organizations/{orgId}.
    expect((await t.get('/api/v1/organizations/lx/facts', xunyang)).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    expect((await t.get('/api/v1/organizations/nowhere/facts', xunyang)).body).toMatchObject({ status: 404, code: 'ORGANIZATION.NOT_FOUND' });
    expect((await t.get('/api/v1/organizations/nowhere/facts', admin)).body).toMatchObject({ status: 404, code: 'ORGANIZATION.NOT_FOUND' });
    expect((await t.get('/api/v1/organizations/xy/facts', xunyang)).body.facts).toHaveLength(1);
  });

  it('reads an organisation only within scope or above you, and answers "is X under Y"', async () => {
    const xunyang = await t.token({ roles: ['committee'], orgId: 'xy' });
    expect((await t.get('/api/v1/organizations/xy', xunyang)).status).toBe(200);
    expect((await t.get('/api/v1/organizations/jj', xunyang)).status).toBe(200);
    const other = await t.get('/api/v1/organizations/lx', xunyang);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('AUTH.OUT_OF_SCOPE');
    expect((await t.get('/api/v1/organizations/nope', xunyang)).status).toBe(404);
    expect((await t.get('/api/v1/organizations/xy/within/jj', xunyang)).body).toEqual({ orgId: 'xy', ancestorId: 'jj', within: true, path: ['jx', 'jj'] });
    expect((await t.get('/api/v1/organizations/jj/within/xy', xunyang)).body.within).toBe(false);
    expect((await t.get('/api/v1/organizations/lx/within/jj', xunyang)).status).toBe(403);
    const city = await t.token({ roles: ['committee'], orgId: 'jj' });
    expect((await t.get('/api/v1/organizations/lx/within/xy', city)).body.within).toBe(false);
  });

  it('answers 401 without a token and 400 with field errors for a malformed body', async () => {
    expect((await t.post('/api/v1/organizations', { name: 'x' })).status).toBe(401);
    const bad = await t.post('/api/v1/organizations', { name: 7, kind: 'castle', level: 'city', color: 'red' }, admin);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('REQUEST.INVALID');
    const fields = bad.body.errors.map((e: any) => e.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['color', 'kind', 'name']));
    // A body that is not an object is refused as such, never read as {} (null was).
    for (const rawBody of ['null', '[]', '"x"', '5']) {
      const notObject = await t.request('POST', '/api/v1/organizations', { token: admin, rawBody });
      expect(notObject.status).toBe(400);
      expect(notObject.headers['content-type']).toContain('application/problem+json');
      expect(notObject.body).toMatchObject({ code: 'REQUEST.BODY_NOT_OBJECT', messageZh: expect.stringContaining('JSON 对象'), errors: [{ field: '(body)' }] });
    }
    // So is one sent to a command that reads no body (an approval, a tick): `[]` was taken for {}. A caller without the role is told that first.
    for (const rawBody of ['[]', '5']) {
      const tick = await t.request('POST', '/api/v1/admin/scheduler/tick', { token: admin, rawBody });
      expect(tick.body).toMatchObject({ status: 400, code: 'REQUEST.BODY_NOT_OBJECT' });
      const approve = await t.request('POST', '/api/v1/projects/nope/approve', { token: admin, rawBody });
      expect(approve.body).toMatchObject({ status: 403, code: 'AUTH.ROLE_REQUIRED' });
    }
  });

  it('refuses a child placed above its parent level, naming the problem', async () => {
    const res = await t.post('/api/v1/organizations', { name: '错误的省', kind: 'union', level: 'province', parentId: 'xy' }, admin);
    expect(res.status).toBe(400);
    expect(res.body.code).toMatch(/^ORGANIZATION\./);
  });
});
