import { TestApp } from '../support/test-app';

describe('audit scope when the store holds more than one organisation tree', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start();
    const admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    const reg = async (body: object) => expect((await t.post('/api/v1/organizations', body, admin)).status).toBe(201);
    await reg({ orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' });
    tok.jx = await t.token({ userId: 'a-jx', roles: ['auditor'], orgId: 'jx' });
    const exported = await t.app.inject({ method: 'GET', url: '/api/v1/audit/export?all=true', headers: { authorization: `Bearer ${tok.jx}` } });
    expect(exported.statusCode).toBe(200); // the head of the only tree: the whole log
    await reg({ orgId: 'zj', name: '浙江省总工会', kind: 'union', level: 'province' });
    tok.zj = await t.token({ userId: 'a-zj', roles: ['auditor'], orgId: 'zj' });
  });
  afterAll(() => t.stop());

  it('refuses an enterprise registered without a parent, which would head a tree of its own', async () => {
    const admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    const res = await t.post('/api/v1/organizations', { orgId: 'ent-x', name: '某公司', kind: 'enterprise', level: 'enterprise', ownership: 'non_public' }, admin);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'ORGANIZATION.PARENT_REQUIRED', errors: [expect.objectContaining({ field: 'parentId' })] });
  });

  it('lets the head of one tree among several read only its own: neither may export the whole log', async () => {
    for (const who of ['jx', 'zj']) {
      const res = await t.get('/api/v1/audit/export?all=true', tok[who]);
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('AUDIT.UNRESTRICTED_ONLY');
    }
    expect((await t.get('/api/v1/audit/streams/organization-zj/events', tok.jx)).status).toBe(403);
    expect((await t.get('/api/v1/audit/streams/organization-zj/events', tok.zj)).status).toBe(200);
  });
});
