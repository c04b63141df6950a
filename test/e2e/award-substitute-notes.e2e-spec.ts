import { expectStatus as ok, readYourWrites, registerJiujiangTree } from '../support/http-steps';
import { TestApp } from '../support/test-app';

/*
 * With quotas per recommender, a withdrawal promotes no substitute of another recommender, and says so. A unit
 * reads only the nominees of its own subtree in the round view, so the answer does not name the others'
 * substitutes to it (review 47 #4); the award office, which sees the whole round, reads them by name.
 */
describe('the substitutes a withdrawal passed over, as the caller may see them', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const { post, get } = readYourWrites(() => t, tok);

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-01T09:00:00+08:00' });
    tok.admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    await registerJiujiangTree(post);
    for (const id of ['ent-a', 'ent-b']) {
      ok(await post('/api/v1/organizations', { orgId: id, name: `单位 ${id}`, kind: 'enterprise', level: 'enterprise', ownership: 'non_public', parentId: 'xy' }, 'admin'), 201);
      tok[id] = await t.token({ userId: `u-${id}`, roles: ['unit'], orgId: id });
    }
    tok.city = await t.token({ userId: 'u-jj', roles: ['committee'], orgId: 'jj' });
    tok.office = await t.token({ userId: 'u-office', roles: ['award_office'], orgId: 'jj' });
    const scheme = {
      criteria: [{ key: 'quality', name: '比质量', weight: 100 }], scale: { min: 0, max: 100 }, minAssessors: 1, aggregation: 'mean',
      gradeBands: [{ grade: 'excellent', minScore: 90 }, { grade: 'good', minScore: 80 }, { grade: 'pass', minScore: 60 }, { grade: 'fail', minScore: 0 }], disagreementThreshold: 15,
    };
    ok(await post('/api/v1/campaigns', {
      campaignId: 'jj-2021', title: '技能竞赛', theme: '建功', year: 2021, categories: ['skills'],
      applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-22T23:59:59+08:00' }, reportingCadence: 'quarterly', assessment: scheme, approvalLevels: ['city'], targets: [],
    }, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-2021/publish', {}, 'city'));
    ok(await post('/api/v1/rule-sets', { ruleSetId: 'kind-only', citation: '试行', year: 2021, rules: [{ rule: 'nominee_kind_matches' }], clearances: { byNomineeKind: {} } }, 'office'), 201);
  });
  afterAll(() => t.stop());

  it('tells a unit that other recommenders’ substitutes hold their own places, without naming them; the office reads the names', async () => {
    const R = '/api/v1/award-rounds/jj-q';
    ok(await post('/api/v1/award-rounds', {
      roundId: 'jj-q', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 2 }],
      quotasByRecommender: [{ orgId: 'ent-a', quota: 1 }, { orgId: 'ent-b', quota: 1 }], levels: ['unit'],
    }, 'office'), 201);
    const person = (id: string, org: string, substitute = false) => ({ nominationId: `n-${id}`, nominee: { kind: 'person', id, name: `${id}师傅`, orgId: org }, recommenderOrgId: org, substitute, ...(substitute ? { order: 1 } : {}) });
    ok(await post(`${R}/nominations`, person('a1', 'ent-a'), 'ent-a'), 201);
    ok(await post(`${R}/nominations`, person('b1', 'ent-b'), 'ent-b'), 201);
    ok(await post(`${R}/nominations`, person('b2', 'ent-b', true), 'ent-b'), 201);
    // ent-a's view of the round holds only its own nominee.
    expect(ok(await get(R, 'ent-a')).body.nominations.map((n: any) => n.nominationId)).toEqual(['n-a1']);
    // Another recommender's nomination is answered as absent, as its read is, not by naming its recommender (review 48 #4).
    expect((await post(`${R}/nominations/n-b1/withdraw`, { reason: 'x' }, 'ent-a')).body).toMatchObject({ status: 404, code: 'AWARD.NOMINATION_NOT_FOUND' });
    const withdrawn = ok(await post(`${R}/nominations/n-a1/withdraw`, { reason: '本人调离' }, 'ent-a')).body;
    expect(withdrawn.noteZh).toBe('本轮名额按推荐单位分配，其他推荐单位的递补人选只递补其本单位的名额，未递补。');
    expect(withdrawn.noteZh).not.toContain('b2');
    // The office withdrawing ent-b's primary reads its own round whole.
    const byOffice = ok(await post(`${R}/nominations/n-b1/withdraw`, { reason: '名单调整' }, 'office')).body;
    expect(byOffice.events).toEqual(['NominationRemoved', 'SubstitutePromoted']);
  });
});
