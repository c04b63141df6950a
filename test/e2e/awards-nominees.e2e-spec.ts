import { SCHEME, assessAndSummarise } from '../support/project-steps';
import { expectStatus as ok, readYourWrites } from '../support/http-steps';
import { TestApp } from '../support/test-app';

/*
 * Who a nominee is, and what answers for it, in Jiujiang: two enterprises under 浔阳区 (rb-f2,
 * and the state-owned rb-f3 with wage arrears this year), a team under each, and an enterprise
 * under another county (濂溪区). Units, teams and people are tied to their organisation and
 * project, and a team carries its enterprise's record.
 */
const campaign = {
  campaignId: 'jj-2021', title: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛', theme: '建功“十四五”', year: 2021, categories: ['skills'],
  applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-22T23:59:59+08:00' }, reportingCadence: 'quarterly', assessment: SCHEME, approvalLevels: ['city'], targets: [],
};
const application = (projectId: string) => ({
  projectId, campaignId: 'jj-2021', title: `技能比武 ${projectId}`, category: 'skills',
  registrationForm: { contactName: '张伟', contactPhone: '0792-8227328', headcount: 320, participatingEnterprises: 1 },
  implementationPlan: { goals: '技术革新 20 项', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '技能比武' },
});
const ORGS: Array<[string, string, string, string, string?]> = [
  ['jx', 'union', 'province', ''],
  ['jj', 'committee', 'city', 'jx'],
  ['jiujiang-xunyang', 'committee', 'county', 'jj'],
  ['jiujiang-lianxi', 'committee', 'county', 'jj'],
  ['rb-f2', 'enterprise', 'enterprise', 'jiujiang-xunyang', 'non_public'],
  ['rb-f3', 'enterprise', 'enterprise', 'jiujiang-xunyang', 'state_owned'],
  ['rb-f2-t1', 'team', 'team', 'rb-f2'],
  ['rb-f3-t1', 'team', 'team', 'rb-f3'],
  ['lx-e1', 'enterprise', 'enterprise', 'jiujiang-lianxi', 'non_public'],
];
const PROJECTS: Array<[string, string, string[]]> = [
  ['p-rb-f2', 'rb-f2', ['jx', 'jj', 'jiujiang-xunyang']],
  ['p-rb-f3', 'rb-f3', ['jx', 'jj', 'jiujiang-xunyang']],
  ['p-lx-e1', 'lx-e1', ['jx', 'jj', 'jiujiang-lianxi']],
  ['p-rb-f3-t1', 'rb-f3-t1', ['jx', 'jj', 'jiujiang-xunyang', 'rb-f3']],
];

describe('award nominees tied to their organisation (Jiujiang)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const { post, get, head, saw } = readYourWrites(() => t, tok);
  const nominate = (round: string, body: Record<string, unknown>, who = 'xunyang') => post(`/api/v1/award-rounds/${round}/nominations`, body, who);

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-01T09:00:00+08:00' });
    tok.admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    for (const [orgId, kind, level, parentId, ownership] of ORGS) {
      ok(await post('/api/v1/organizations', { orgId, name: `组织 ${orgId}`, kind, level, ...(parentId ? { parentId } : {}), ...(ownership ? { ownership } : {}) }, 'admin'), 201);
      tok[orgId] = await t.token({ userId: `u-${orgId}`, roles: ['unit'], orgId });
    }
    tok.city = await t.token({ userId: 'u-jj', roles: ['committee'], orgId: 'jj' });
    tok.xunyang = await t.token({ userId: 'u-xy', roles: ['committee'], orgId: 'jiujiang-xunyang' });
    tok.office = await t.token({ userId: 'u-office', roles: ['award_office'], orgId: 'jj' });
    tok.lianxiOffice = await t.token({ userId: 'u-lx-office', roles: ['award_office'], orgId: 'jiujiang-lianxi' });
    tok.xunyangOffice = await t.token({ userId: 'u-xy-office', roles: ['award_office'], orgId: 'jiujiang-xunyang' });
    ok(await post('/api/v1/campaigns', campaign, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-2021/publish', {}, 'city'));
    for (const [projectId, orgId] of PROJECTS) ok(await post('/api/v1/projects', application(projectId), orgId), 201);
    t.clock.set('2021-07-20T10:00:00+08:00');
    for (const [projectId, orgId] of PROJECTS) {
      ok(await post(`/api/v1/projects/${projectId}/submit`, {}, orgId));
      ok(await post(`/api/v1/projects/${projectId}/approve`, {}, 'city'));
    }
    t.clock.set('2021-12-20T10:00:00+08:00');
    for (const [projectId, orgId, orgPath] of PROJECTS) saw(await assessAndSummarise(t, { projectId, orgId, orgPath, committeeOrgId: 'jj', score: 92 }));
    t.clock.set('2022-03-01T09:00:00+08:00');
    ok(await post('/api/v1/organizations/rb-f3/facts', { kind: 'wage_arrears', occurredOn: '2022-01-10', description: '拖欠农民工工资' }, 'admin'), 201);
    const rules = ok(await t.get('/api/v1/rule-sets/presets', tok.office)).body.items.find((p: any) => p.key === 'jiujiang_campaign_2021').content.rules;
    const ruleSet = ok(await post('/api/v1/rule-sets', { ruleSetId: 'jj-2021', citation: '九江市劳动竞赛委员会 2021', year: 2021, rules }, 'office'), 201);
    const round = { campaignId: 'jj-2021', ruleSetId: 'jj-2021', pools: [{ pool: 'regular', quota: 5 }], levels: ['unit', 'county', 'city'] };
    const cert = ok(await post('/api/v1/award-rounds', { ...round, roundId: 'cert', awardType: 'may_day_certificate' }, 'office'), 201);
    // Where the console reads what it just made.
    expect([ruleSet.headers.location, cert.headers.location]).toEqual(['/api/v1/rule-sets/jj-2021', '/api/v1/award-rounds/cert']);
    expect(ok(await t.get('/api/v1/rule-sets/jj-2021', tok.office)).body.ruleSetId).toBe('jj-2021');
    ok(await post('/api/v1/award-rounds', { ...round, roundId: 'pioneer', awardType: 'worker_pioneer' }, 'office'), 201);
    ok(await post('/api/v1/award-rounds', { ...round, roundId: 'medal', awardType: 'may_day_medal' }, 'office'), 201);
  });
  afterAll(() => t.stop());

  it('says, on the assessment and the summary, that an assessment opened before the plan’s end cut the reporting short', async () => {
    const project = ok(await get('/api/v1/projects/p-rb-f2', 'city')).body;
    const early = { openedOn: '2021-12-20', planEndsOn: '2021-12-31', noteZh: expect.stringContaining('早于实施方案结束日期 2021-12-31'), noteEn: expect.stringContaining('before the implementation plan ends') };
    expect([project.assessment.openedEarly, project.summary.openedEarly]).toEqual([early, early]);
  });

  it('scopes the eligibility board of an auditor as their other reads: the province’s auditor sees every project, a county’s its own', async () => {
    tok.provinceAuditor = await t.token({ userId: 'u-jx-audit', roles: ['auditor'], orgId: 'jx' });
    tok.lianxiAuditor = await t.token({ userId: 'u-lx-audit', roles: ['auditor'], orgId: 'jiujiang-lianxi' });
    const board = async (who: string) => ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', who)).body;
    expect((await board('provinceAuditor')).items.map((i: any) => i.projectId)).toEqual(['p-lx-e1', 'p-rb-f2', 'p-rb-f3', 'p-rb-f3-t1']);
    const county = await board('lianxiAuditor');
    expect([county.scope.kind, county.items.map((i: any) => i.projectId)]).toEqual(['subtree', ['p-lx-e1']]);
    expect((await get('/api/v1/eligibility/projects/p-rb-f3?awardType=may_day_certificate', 'lianxiAuditor')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
  });

  it('shows a unit the eligibility of its own projects only, as its board and the projects’ detail do: not its team’s (review 40 #8)', async () => {
    const own = await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', 'rb-f3');
    expect([ok(own).body.scope, own.body.items.map((i: any) => i.projectId)]).toEqual([expect.objectContaining({ kind: 'org', orgId: 'rb-f3' }), ['p-rb-f3']]);
    expect((await get('/api/v1/projects/p-rb-f3-t1', 'rb-f3')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    expect((await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_certificate', 'rb-f3')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    ok(await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_certificate', 'rb-f3-t1'));
    // An assessor reads projects by assignment, never by organisation: not its organisation's verdicts either (review 42 #9).
    tok.assessorAtF3 = await t.token({ userId: 'u-as-f3', roles: ['assessor'], orgId: 'rb-f3' });
    expect((await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', 'assessorAtF3')).body).toMatchObject({ status: 403, code: 'AUTH.ROLE_REQUIRED' });
    // A unit that is an assessor too reads as a unit (review 44 #2).
    tok.unitAssessorF3 = await t.token({ userId: 'u-ua-f3', roles: ['unit', 'assessor'], orgId: 'rb-f3' });
    expect((await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_certificate', 'unitAssessorF3')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
  });

  describe('when the nominee is named with another organisation', () => {
    it('refuses a unit nominated under another unit’s organisation and project, appending nothing', async () => {
      const before = await head();
      const dodged = await nominate('cert', { nominee: { kind: 'unit', id: 'rb-f3', name: 'f3', orgId: 'rb-f2' }, projectId: 'p-rb-f2' });
      expect(dodged.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_ORG_MISMATCH', messageZh: expect.stringContaining('rb-f3') });
      const otherProject = await nominate('cert', { nominee: { kind: 'unit', id: 'rb-f3', name: 'f3' }, projectId: 'p-rb-f2' });
      expect(otherProject.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_NOT_OF_PROJECT' });
      expect(await head()).toBe(before);
    });

    it('refuses a team that is not a registered team under the project’s organisation', async () => {
      expect((await nominate('pioneer', { nominee: { kind: 'team', id: 'rb-f2', name: '某企业' }, projectId: 'p-rb-f2' })).body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_NOT_A_TEAM' });
      expect((await nominate('pioneer', { nominee: { kind: 'team', id: 'ghost-team', name: '某班组' }, projectId: 'p-rb-f2' }, 'office')).body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_ORG_NOT_REGISTERED' });
      expect((await nominate('pioneer', { nominee: { kind: 'team', id: 'rb-f3-t1', name: '班组', orgId: 'rb-f2' }, projectId: 'p-rb-f3' })).body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_ORG_MISMATCH' });
      expect((await nominate('pioneer', { nominee: { kind: 'team', id: 'rb-f3-t1', name: '班组' }, projectId: 'p-rb-f2' })).body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_NOT_OF_PROJECT' });
    });

    it('refuses a person placed outside the project’s organisation', async () => {
      const res = await nominate('medal', { nominee: { kind: 'person', id: 'zhang', name: '张师傅', orgId: 'rb-f3' }, projectId: 'p-rb-f2' });
      expect(res.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_NOT_OF_PROJECT' });
    });

    it('accepts a team of the project’s enterprise as its own organisation', async () => {
      const res = ok(await nominate('pioneer', { nominationId: 'n-f2-t1', nominee: { kind: 'team', id: 'rb-f2-t1', name: '班组' }, projectId: 'p-rb-f2' }), 201);
      expect(res.body.events).toEqual(['NominationSubmitted']);
      const view = ok(await get('/api/v1/award-rounds/pioneer', 'office')).body;
      expect(view.nominations[0].nominee).toMatchObject({ id: 'rb-f2-t1', orgId: 'rb-f2-t1' });
    });
  });

  describe('when the enterprise above a team has a fact that bars it', () => {
    it('refuses the team of rb-f3 (wage arrears this year), naming rb-f3, and appends nothing', async () => {
      const before = await head();
      const res = await nominate('pioneer', { nominee: { kind: 'team', id: 'rb-f3-t1', name: '班组' }, projectId: 'p-rb-f3' });
      expect(res.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_INELIGIBLE' });
      const window = res.body.failedReasons.find((r: any) => r.rule === 'exclusion_window');
      expect(window).toMatchObject({ messageZh: expect.stringContaining('上级单位 组织 rb-f3 拖欠工资（2022-01-10，2023-01-01 起方可参评）'), facts: { checkedOrgIds: ['rb-f3-t1', 'rb-f3'] } });
      expect(await head()).toBe(before);
    });

    it('refuses the head of rb-f3, not its workers (企业及其负责人, review 50 #3), and still accepts a team of the clean enterprise', async () => {
      const head = (await nominate('medal', { nominee: { kind: 'person', id: 'li', name: '李厂长', orgId: 'rb-f3-t1' }, projectId: 'p-rb-f3', attributes: { occupationCategory: 'enterprise_head' } })).body;
      expect(head).toMatchObject({ code: 'AWARD.NOMINEE_INELIGIBLE', failedReasons: [expect.objectContaining({ rule: 'exclusion_window' })] });
      // Leaving the category out does not get the head through: it is asked for while the enterprise is inside a window (review 51 #5).
      const undeclared = (await nominate('medal', { nominee: { kind: 'person', id: 'li', name: '李厂长', orgId: 'rb-f3-t1' }, projectId: 'p-rb-f3' })).body;
      expect(undeclared).toMatchObject({ code: 'AWARD.NOMINEE_INELIGIBLE', failedReasons: [expect.objectContaining({ rule: 'exclusion_window', messageZh: expect.stringContaining('请在推荐中注明李厂长的职业类别') })] });
      // And names the field a form points at (review 53 #4).
      expect(undeclared.errors).toEqual([expect.objectContaining({ field: 'attributes.occupationCategory' })]);
      const view = ok(await get('/api/v1/award-rounds/pioneer', 'office')).body;
      expect(view.nominations.map((n: any) => [n.nominee.id, n.verdict.eligible])).toEqual([['rb-f2-t1', true]]);
    });
  });

  describe('when the eligibility board judges a team’s own project', () => {
    // The rule set has two windows (three years for accidents, the year for wage arrears or no union).
    const windows = (body: any) => body.reasons.filter((r: any) => r.rule === 'exclusion_window');
    const windowOf = (body: any) => windows(body).find((r: any) => !r.passed);

    it('gives the verdict a nomination gets: the enterprise above answers for its team, its team’s workers, and the team judged for a unit’s award', async () => {
      // For a person's award the row judges a worker of the team: the enterprise's wage arrears bar it and its head, not its workers (review 50 #3).
      const medal = ok(await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_medal&ruleSetId=jj-2021', 'office')).body;
      expect(medal).toMatchObject({ eligible: true, verdict: 'eligible' });
      expect(windows(medal)[1]).toMatchObject({ passed: true, messageZh: expect.stringContaining('上级单位 组织 rb-f3 拖欠工资（2022-01-10，2023-01-01 起方可参评）；本项限制单位及其负责人，个人推荐对象中仅单位负责人受限制'), facts: { appliesTo: 'organisations_and_heads' } });
      const refused = (await nominate('medal', { nominee: { kind: 'person', id: 'wang', name: '王厂长' }, projectId: 'p-rb-f3-t1', attributes: { occupationCategory: 'enterprise_head' } })).body;
      expect(refused).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_INELIGIBLE' });
      expect(refused.failedReasons.find((r: any) => r.rule === 'exclusion_window').messageZh).toContain('上级单位 组织 rb-f3 拖欠工资（2022-01-10，2023-01-01 起方可参评）');
      expect(windowOf(ok(await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=worker_pioneer&ruleSetId=jj-2021', 'office')).body)).toMatchObject({ passed: false });
      // A team judged for a unit's award still answers to its enterprise's record; and a team is not nominated as a unit at all.
      // A version the rule set does not have is named as such, not as a missing rule set.
      expect((await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_medal&ruleSetId=jj-2021&ruleSetVersion=99', 'office')).body).toMatchObject({
        status: 404, code: 'RULESET.VERSION_NOT_FOUND', latestVersion: 1, messageZh: expect.stringContaining('没有第 99 版'),
      });
      const certificate = ok(await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_certificate&ruleSetId=jj-2021', 'office')).body;
      // Out of scope, one project's eligibility answers with the code the project itself does.
      const outside = (await get('/api/v1/eligibility/projects/p-lx-e1?awardType=may_day_certificate', 'xunyangOffice')).body;
      expect(outside).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
      expect((await get('/api/v1/projects/p-lx-e1', 'xunyang')).body.code).toBe(outside.code);
      // No round of the award yet: the rule set the campaign's own latest round uses judges, before another city's preset (review 49 #7).
      const byDefault = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=model_worker', 'office')).body;
      expect(byDefault.ruleSet).toMatchObject({ ruleSetId: 'jj-2021', basisZh: expect.stringContaining('本活动尚无该奖项的评选轮次，暂按本活动五一劳动奖状评选轮次 cert 所用的规则集 jj-2021 第 1 版判定') });
      expect(ok(await get(`/api/v1/eligibility?campaignId=jj-2021&awardType=model_worker&ruleSetId=${byDefault.ruleSet.ruleSetId}`, 'office')).body.items).toEqual(byDefault.items);
      // Judged by a preset, the answer names it by an id that can be asked for again.
      const byPreset = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=model_worker&ruleSetId=preset:jiujiang_campaign_2021', 'office')).body;
      expect(byPreset.ruleSet).toMatchObject({ ruleSetId: 'preset:jiujiang_campaign_2021', basisZh: expect.stringContaining('按预设“九江市劳动竞赛评选条件（2021）”判定（按所指定）') });
      // One project's verdict is not a page: paging parameters are refused, not silently ignored.
      expect((await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=may_day_certificate&offset=10', 'office')).body).toMatchObject({ status: 400, errors: [{ field: 'offset' }] });
      expect(windowOf(certificate)).toMatchObject({ passed: false, facts: { checkedOrgIds: ['rb-f3-t1', 'rb-f3'] } });
      // The board judges the team as the team it is registered as, and so refuses it a unit's award as its nomination is refused.
      const kindOf = (body: any) => body.reasons.find((r: any) => r.rule === 'nominee_kind_matches');
      expect(kindOf(certificate)).toMatchObject({ passed: false, messageZh: expect.stringContaining('不能推荐班组'), facts: { nomineeKind: 'team' } });
      expect(kindOf(ok(await get('/api/v1/eligibility/projects/p-rb-f3-t1?awardType=worker_pioneer&ruleSetId=jj-2021', 'office')).body)).toMatchObject({ passed: true, facts: { nomineeKind: 'team' } });
      // An enterprise's project judged for a team's award says its team is judged when nominated: the enterprise itself is no team.
      const pioneer = ok(await get('/api/v1/eligibility/projects/p-rb-f2?awardType=worker_pioneer&ruleSetId=jj-2021', 'office')).body;
      expect(kindOf(pioneer)).toMatchObject({ passed: true, messageZh: expect.stringContaining('在推荐时审查'), facts: { organisationKind: 'enterprise', judgedAt: 'nomination' } });
      const asUnit = (await nominate('cert', { nominee: { kind: 'unit', id: 'rb-f3-t1', name: '班组' }, projectId: 'p-rb-f3-t1' })).body;
      expect(asUnit).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_NOT_A_UNIT', messageZh: expect.stringContaining('登记为班组，不是单位') });
      // For the medal (a person's award) the rows judge a worker: rb-f3's arrears bar the enterprise, its teams and its head, not its workers.
      const list = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_medal&ruleSetId=jj-2021', 'office')).body.items;
      expect(list.map((i: any) => [i.projectId, i.eligible])).toEqual([['p-lx-e1', true], ['p-rb-f2', true], ['p-rb-f3', true], ['p-rb-f3-t1', true]]);
      const pioneers = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=worker_pioneer&ruleSetId=jj-2021', 'office')).body.items;
      expect(pioneers.find((i: any) => i.projectId === 'p-rb-f3-t1')).toMatchObject({ eligible: false, failedReasons: [expect.objectContaining({ rule: 'exclusion_window' })] });
    });
  });

  describe('when a county award office reads rounds', () => {
    beforeAll(async () => {
      const round = { campaignId: 'jj-2021', ruleSetId: 'jj-2021', awardType: 'may_day_certificate', pools: [{ pool: 'regular', quota: 2 }], levels: ['unit', 'county', 'city'] };
      ok(await post('/api/v1/award-rounds', { ...round, roundId: 'xunyang-only', quotasByRecommender: [{ orgId: 'jiujiang-xunyang', quota: 2 }] }, 'office'), 201);
      ok(await post('/api/v1/award-rounds', { ...round, roundId: 'xunyang-county' }, 'xunyangOffice'), 201);
    });

    it('lists the city’s rounds to every county under it, whichever counties hold quotas, and never another county’s own', async () => {
      const ids = ok(await get('/api/v1/award-rounds', 'lianxiOffice')).body.items.map((r: any) => r.roundId).sort();
      expect(ids).toEqual(['cert', 'medal', 'pioneer', 'xunyang-only']);
      expect(ok(await get('/api/v1/award-rounds', 'xunyangOffice')).body.items.map((r: any) => r.roundId).sort()).toEqual(['cert', 'medal', 'pioneer', 'xunyang-county', 'xunyang-only']);
    });

    it('refuses a round outside its scope with 403, and shows a city round without another county’s nominees', async () => {
      expect((await get('/api/v1/award-rounds/xunyang-county', 'lianxiOffice')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE', messageZh: expect.stringContaining('无权查看') });
      expect(ok(await get('/api/v1/award-rounds/xunyang-only', 'lianxiOffice')).body.nominations).toEqual([]);
      expect(ok(await get('/api/v1/award-rounds/pioneer', 'lianxiOffice')).body.nominations).toEqual([]);
      expect(ok(await get('/api/v1/award-rounds/pioneer', 'xunyangOffice')).body.nominations.map((n: any) => n.nominee.id)).toEqual(['rb-f2-t1']);
    });

    it('shows a unit under a county that holds a quota its own nomination, and offers it the workers’ congress step it alone takes', async () => {
      // Typed otherwise than the register names it: the nomination carries the registered name, and the typed one beside it.
      const itself = { nominationId: 'n-xy-f2', nominee: { kind: 'unit', id: 'rb-f2', name: 'rb-f2 项目部' }, projectId: 'p-rb-f2' };
      // The unit itself holds no quota, and is told who nominates it; naming its county's quota is refused as the county's, not as its own scope.
      expect((await nominate('xunyang-only', itself, 'rb-f2')).body).toMatchObject({ status: 403, code: 'AWARD.RECOMMENDER_NOT_ALLOWED', messageZh: expect.stringContaining('其下级单位请由其推荐') });
      const borrowed = (await nominate('xunyang-only', { ...itself, recommenderOrgId: 'jiujiang-xunyang' }, 'rb-f2')).body;
      expect(borrowed).toMatchObject({ status: 403, code: 'AWARD.RECOMMENDER_OUT_OF_SCOPE', messageZh: expect.stringContaining('请由“组织 jiujiang-xunyang”推荐'), errors: [{ field: 'recommenderOrgId' }] });
      // An id no organisation can have is refused as input, naming the field.
      expect((await nominate('xunyang-only', { ...itself, recommenderOrgId: 'x'.repeat(100) }, 'rb-f2')).body).toMatchObject({ status: 400, errors: [{ field: 'recommenderOrgId' }] });
      ok(await nominate('xunyang-only', itself), 201);
      expect(ok(await get('/api/v1/award-rounds', 'rb-f2')).body.items.map((r: any) => r.roundId)).toContain('xunyang-only');
      const seen = ok(await get('/api/v1/award-rounds/xunyang-only/nominations/n-xy-f2', 'rb-f2')).body;
      expect(seen.allowedActions).toContain('record_workers_congress_approval');
      expect(seen.nominee).toMatchObject({ kind: 'unit', id: 'rb-f2', name: '组织 rb-f2', nameAsNominated: 'rb-f2 项目部' });
      // Its sibling under the same county sees the round, and not this nomination.
      const sibling = ok(await get('/api/v1/award-rounds/xunyang-only', 'rb-f3')).body;
      expect(sibling.nominations).toEqual([]);
      expect((await get('/api/v1/award-rounds/xunyang-only/nominations/n-xy-f2', 'rb-f3')).body.status).toBe(404);
    });
  });

  describe('when a fact that bars an organisation was recorded in error (review 43 #5)', () => {
    it('takes it back with a reason: it no longer bars the team, and both steps stay in the history', async () => {
      const facts = ok(await get('/api/v1/organizations/rb-f3/facts', 'admin')).body.facts;
      const arrears = facts.find((f: any) => f.kind === 'wage_arrears');
      expect((await post(`/api/v1/organizations/rb-f3/facts/${arrears.factId}/retract`, { reason: '' }, 'admin')).body).toMatchObject({ status: 400, code: 'ORGANIZATION.REASON_REQUIRED', errors: [{ field: 'reason' }] });
      expect((await post(`/api/v1/organizations/rb-f3/facts/${arrears.factId}/retract`, { reason: '经复核' }, 'rb-f3')).body).toMatchObject({ status: 403 });
      // Recorded at the province (the administrator's organisation): the city below it may not take it back (review 44 #5).
      expect((await post(`/api/v1/organizations/rb-f3/facts/${arrears.factId}/retract`, { reason: '经复核' }, 'city')).body).toMatchObject({ status: 403, code: 'ORGANIZATION.FACT_RECORDED_ABOVE', recordedByOrgId: 'jx' });
      expect(ok(await post(`/api/v1/organizations/rb-f3/facts/${arrears.factId}/retract`, { reason: '经人社部门复核，拖欠工资认定已撤销' }, 'admin')).body).toMatchObject({ events: ['OrganizationFactRetracted'], itemId: arrears.factId });
      expect((await post(`/api/v1/organizations/rb-f3/facts/${arrears.factId}/retract`, { reason: '再次撤回' }, 'admin')).body).toMatchObject({ status: 404, code: 'ORGANIZATION.FACT_NOT_FOUND' });
      // A fact the city recorded, the city takes back.
      const barredBy = async () => ok(await get('/api/v1/eligibility/projects/p-rb-f2?awardType=may_day_certificate', 'office')).body.failedReasons.map((r: any) => r.rule);
      const own = ok(await post('/api/v1/organizations/rb-f2/facts', { kind: 'no_union', occurredOn: '2021-06-01', description: '未建工会（误录）' }, 'city'), 201).body.itemId;
      expect(await barredBy()).toContain('exclusion_window');
      ok(await post(`/api/v1/organizations/rb-f2/facts/${own}/retract`, { reason: '误录' }, 'city'));
      // The eligibility board reads the facts in force: rb-f2 is not barred by what was taken back.
      expect(await barredBy()).not.toContain('exclusion_window');
      expect(ok(await get('/api/v1/organizations/rb-f3/facts', 'admin')).body.facts.map((f: any) => f.factId)).not.toContain(arrears.factId);
      // The retracted fact is listed apart, with when and why it was taken back (review 49 #9).
      const withRetracted = ok(await get('/api/v1/organizations/rb-f3/facts', 'admin')).body;
      expect(withRetracted.retracted).toEqual([expect.objectContaining({ factId: arrears.factId, kind: 'wage_arrears', occurredOn: '2022-01-10', reason: '经人社部门复核，拖欠工资认定已撤销', retractedAt: expect.any(String) })]);
      expect(withRetracted.facts.map((f: any) => f.factId)).not.toContain(arrears.factId);
      // The team under it is no longer barred by it.
      ok(await nominate('pioneer', { nominationId: 'n-f3-t1', nominee: { kind: 'team', id: 'rb-f3-t1', name: '班组' }, projectId: 'p-rb-f3' }), 201);
      const trail = ok(await get('/api/v1/audit/streams/organization-rb-f3/events', 'admin')).body.items.map((e: any) => [e.type, e.why ?? null]);
      expect(trail.slice(-2)).toEqual([['OrganizationFactRecorded', expect.anything()], ['OrganizationFactRetracted', expect.stringContaining('拖欠工资认定已撤销')]]);
    });
  });
});
