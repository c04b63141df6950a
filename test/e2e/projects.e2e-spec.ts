import { expectStatus as ok } from '../support/http-steps';
import { TestApp } from '../support/test-app';

/*
 * The application stage of the Jiujiang 2021 campaign (seeds/003): forms due by the end of
 * 22 July, approved by the county committee and then the city committee.
 */
const CLOSES_AT = '2021-07-22T23:59:59+08:00';
const ON_TIME = '2021-07-20T10:00:00+08:00';
const AFTER_CLOSE = '2021-07-23T09:00:00+08:00';

const registrationForm = { contactName: '张伟', contactPhone: '0792-8227328', headcount: 320, participatingEnterprises: 1 };
const implementationPlan = { goals: '创建工人先锋号，技术革新 20 项', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: '开展技能比武与合理化建议活动' };
const application = (projectId: string, over: Record<string, unknown> = {}) => ({
  projectId, campaignId: 'jj-2021', title: '纺织车间技能比武', category: 'skills', registrationForm, implementationPlan, ...over,
});

const campaign = {
  campaignId: 'jj-2021',
  title: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛',
  theme: '建功“十四五”、奋进新征程',
  year: 2021,
  categories: ['skills', 'key_project', 'non_public'],
  applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: CLOSES_AT },
  reportingCadence: 'quarterly',
  assessment: {
    criteria: [{ key: 'quality', name: '比质量', weight: 50 }, { key: 'schedule', name: '比工期', weight: 50 }],
    scale: { min: 0, max: 100 },
    minAssessors: 3,
    aggregation: 'trimmed_mean',
    gradeBands: [{ grade: 'excellent', minScore: 90 }, { grade: 'good', minScore: 80 }, { grade: 'pass', minScore: 60 }, { grade: 'fail', minScore: 0 }],
    disagreementThreshold: 15,
  },
  approvalLevels: ['county', 'city'],
  targets: [],
};

describe('project applications over HTTP (Jiujiang 2021)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  let lastPosition = 0;

  const post = async (url: string, body: unknown, who: string, headers?: Record<string, string>) => {
    const res = await t.post(url, body, tok[who], headers);
    if (typeof res.body?.position === 'number') lastPosition = Math.max(lastPosition, res.body.position);
    return res;
  };
  const get = (url: string, who: string) => t.get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${lastPosition}`, tok[who]);
  const board = async (who: string, query = '') => (await get(`/api/v1/board?campaignId=jj-2021${query}`, who)).body;
  const boardIds = async (who: string, query = '') => (await board(who, query)).items.map((i: any) => i.projectId);

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-01T09:00:00+08:00' });
    tok.admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    const orgs = [
      { orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' },
      { orgId: 'jj', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city', parentId: 'jx' },
      { orgId: 'xy', name: '浔阳区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' },
      { orgId: 'lx', name: '濂溪区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' },
      { orgId: 'ent-a', name: '浔阳纺织有限公司', kind: 'enterprise', level: 'enterprise', parentId: 'xy' },
      { orgId: 'ent-c', name: '浔阳机械厂', kind: 'enterprise', level: 'enterprise', parentId: 'xy' },
      { orgId: 'ent-b', name: '濂溪电子科技公司', kind: 'enterprise', level: 'enterprise', parentId: 'lx' },
      { orgId: 'jj-power', name: '九江供电公司（市直）', kind: 'enterprise', level: 'enterprise', parentId: 'jj' },
    ];
    for (const o of orgs) ok(await post('/api/v1/organizations', o, 'admin'), 201);
    for (const [name, orgId, role] of [
      ['city', 'jj', 'committee'], ['xy', 'xy', 'committee'], ['lx', 'lx', 'committee'],
      ['unitA', 'ent-a', 'unit'], ['unitB', 'ent-b', 'unit'], ['unitC', 'ent-c', 'unit'], ['power', 'jj-power', 'unit'],
    ] as const) {
      tok[name] = await t.token({ userId: `u-${orgId}`, roles: [role], orgId });
    }
    ok(await post('/api/v1/campaigns', campaign, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-2021/publish', {}, 'city'));
  });
  afterAll(() => t.stop());

  describe('while the window is open', () => {
    it('drafts for the unit’s own organisation and shows what it may do next', async () => {
      // The campaign offers the unit to enter a project while it takes applications; the county committee, nothing.
      expect(ok(await get('/api/v1/campaigns/jj-2021', 'unitA')).body.allowedActionLabels).toEqual([{ action: 'draft_project', label: '起草申报' }]);
      expect(ok(await get('/api/v1/campaigns/jj-2021', 'xy')).body.allowedActions).toEqual([]);
      const res = ok(await post('/api/v1/projects', application('p-a'), 'unitA'), 201);
      expect(res.body).toMatchObject({ id: 'p-a', streamId: 'project-p-a', revision: 0, events: ['ProjectDrafted'] });
      const got = ok(await get('/api/v1/projects/p-a', 'unitA'));
      expect(got.headers.etag).toBe('"0"');
      // The view names its event stream, as the command's answer did: where the audit history is read.
      expect(got.body).toMatchObject({ streamId: res.body.streamId, orgId: 'ent-a', status: 'draft', statusLabel: '草稿', categoryLabel: '职业技能竞赛', skillsContest: true, requiredApprovalLevels: ['county', 'city'] });
      // The names a page heading shows, and the campaign's organiser on its detail and list (review 37 #7).
      expect(got.body).toMatchObject({ orgName: '浔阳纺织有限公司', campaignTitle: expect.any(String) });
      const campaign = ok(await get(`/api/v1/campaigns/${got.body.campaignId}`, 'unitA')).body;
      expect(campaign.organizerName).toBe('九江市劳动竞赛委员会');
      expect(got.body.campaignTitle).toBe(campaign.title);
      expect(ok(await get('/api/v1/campaigns', 'unitA')).body.items.find((c: any) => c.campaignId === got.body.campaignId).organizerName).toBe(campaign.organizerName);
      expect(got.body.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
      expect(await boardIds('unitA', '&awaitingMyAction=true')).toEqual(['p-a']);
    });

    it('unit A submits on time; the county committee, then the city committee approve', async () => {
      t.clock.set(ON_TIME);
      const submitted = ok(await post('/api/v1/projects/p-a/submit', undefined, 'unitA'));
      expect(submitted.body).toMatchObject({ revision: 1, events: ['ProjectSubmitted'] });

      expect(await boardIds('xy', '&awaitingMyAction=true')).toEqual(['p-a']);
      expect(await boardIds('city', '&awaitingMyAction=true')).toEqual([]);
      expect(await boardIds('unitA', '&awaitingMyAction=true')).toEqual([]);
      const seenByCounty = (await board('xy')).items[0];
      expect(seenByCounty).toMatchObject({ status: 'submitted', statusLabel: '已提交', nextApprovalLevel: 'county', nextApprovalLevelLabel: '县（市、区）级', orgPath: ['jx', 'jj', 'xy'], orgName: '浔阳纺织有限公司' });
      expect(seenByCounty.allowedActions).toEqual(expect.arrayContaining(['approve', 'return', 'reject']));
      // On the project's detail each offered action names the request that takes it, so a console needs no table of its own
      // (review 37 #5); board rows leave it out, since fifty rows of links weighed on every board answer.
      expect(ok(await get('/api/v1/projects/p-a', 'xy')).body.allowedActionLabels).toContainEqual({ action: 'approve', label: '审批立项', method: 'POST', href: '/api/v1/projects/p-a/approve' });
      expect(seenByCounty.allowedActionLabels).toContainEqual({ action: 'approve', label: '审批立项' });
      // The city approves after the county, but may send it back or reject it before then (its level has yet to decide): offered as accepted.
      const seenByCity = (await board('city')).items[0];
      expect(seenByCity.allowedActions).toEqual(expect.arrayContaining(['return', 'reject']));
      expect(seenByCity.allowedActions).not.toContain('approve');
      expect(ok(await get('/api/v1/projects/p-a', 'city')).body.allowedActions).toEqual(seenByCity.allowedActions);

      const tooEarly = await post('/api/v1/projects/p-a/approve', {}, 'city');
      expect(tooEarly.status).toBe(409);
      expect(tooEarly.body.code).toBe('PROJECT.APPROVAL_OUT_OF_ORDER');
      // What the city may do instead, as the view offers it, in Chinese too.
      expect(tooEarly.body.allowedActions).toEqual(seenByCity.allowedActions);
      expect(tooEarly.body.allowedActionLabels).toContainEqual({ action: 'return', label: '退回修改' });

      t.clock.set('2021-07-21T10:00:00+08:00');
      const first = ok(await post('/api/v1/projects/p-a/approve', {}, 'xy', { 'idempotency-key': 'approve-p-a-county' }));
      expect(first.body.events).toEqual(['ProjectApprovedAtLevel']);
      // A retried request is answered with the first response; a second approval is refused, naming the level.
      const replay = ok(await post('/api/v1/projects/p-a/approve', {}, 'xy', { 'idempotency-key': 'approve-p-a-county' }));
      expect(replay.body).toMatchObject({ replayed: true, events: ['ProjectApprovedAtLevel'], revision: first.body.revision });
      const twice = await post('/api/v1/projects/p-a/approve', {}, 'xy');
      expect(twice.status).toBe(409);
      expect(twice.body).toMatchObject({ code: 'PROJECT.ALREADY_APPROVED_AT_LEVEL', approverLevel: 'county', awaitingLevel: 'city', allowedActions: ['terminate'] });
      expect(twice.body.allowedActionLabels).toEqual([{ action: 'terminate', label: '终止' }]);
      expect(twice.body.messageZh).toContain('县（市、区）级竞赛委员会（工会）已审批通过本项目');
      const sendBack = await post('/api/v1/projects/p-a/return', { reason: '再看看' }, 'xy');
      expect(sendBack.body).toMatchObject({ code: 'PROJECT.ALREADY_APPROVED_AT_LEVEL', allowedActions: ['terminate'] });
      // Once its level has approved, the county is offered neither, nor an extension (the city's deadline): the board and the project view agree.
      expect(ok(await get('/api/v1/projects/p-a', 'xy')).body.allowedActions).toEqual(['terminate']);
      expect((await board('xy')).items.find((i: any) => i.projectId === 'p-a').allowedActions).toEqual(['terminate']);
      expect(await boardIds('xy', '&awaitingMyAction=true')).toEqual([]);
      expect(await boardIds('city', '&awaitingMyAction=true')).toEqual(['p-a']);
      expect((await board('city')).items[0]).toMatchObject({ nextApprovalLevel: 'city', approvedLevels: ['county'], waitingSince: '2021-07-21T02:00:00.000Z' });

      // A field the approval does not take is refused by name, not dropped; the 审批意见 is recorded with it (review 37 #1).
      expect((await post('/api/v1/projects/p-a/approve', { comment: '同意' }, 'city')).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'comment' }] });
      expect(ok(await post('/api/v1/projects/p-a/approve', { note: '材料齐全，同意立项' }, 'city')).body.events).toEqual(['ProjectApproved']);
      expect(ok(await get('/api/v1/projects/p-a', 'unitA')).body.application.approvalNotes).toEqual([{ level: 'city', note: '材料齐全，同意立项' }]);
      expect(await boardIds('city', '&awaitingMyAction=true')).toEqual([]);
      expect((await board('unitA')).items[0]).toMatchObject({ status: 'in_progress', statusLabel: '推进中', nextApprovalLevel: null, approvedLevels: ['county', 'city'] });
      const got = ok(await get('/api/v1/projects/p-a', 'unitA'));
      expect(got.body).toMatchObject({ status: 'in_progress', application: { approvedRulesVersion: 1, firstSubmissionOnTime: true } });
    });

    it('a directly-affiliated unit skips the county level and waits for the city', async () => {
      ok(await post('/api/v1/projects', application('p-power', { title: '供电抢修技能比武' }), 'power'), 201);
      // submit takes no fields: one sent is refused by name rather than dropped unseen.
      expect((await post('/api/v1/projects/p-power/submit', { note: '请审批' }, 'power')).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'note' }] });
      ok(await post('/api/v1/projects/p-power/submit', {}, 'power'));
      expect(await boardIds('city', '&awaitingMyAction=true')).toEqual(['p-power']);
      expect((await board('city', '&orgId=jj-power')).items[0]).toMatchObject({ nextApprovalLevel: 'city' });
    });

    it('an industry union (产业工会) at the county level approves its enterprises’ projects before the city, as a committee does (review 46 #1)', async () => {
      ok(await post('/api/v1/organizations', { orgId: 'jj-build', name: '九江市建设交通工会', kind: 'union', level: 'county', parentId: 'jj' }, 'admin'), 201);
      ok(await post('/api/v1/organizations', { orgId: 'ent-road', name: '九江路桥集团', kind: 'enterprise', level: 'enterprise', parentId: 'jj-build' }, 'admin'), 201);
      tok.build = await t.token({ userId: 'u-jj-build', roles: ['committee'], orgId: 'jj-build' });
      tok.road = await t.token({ userId: 'u-ent-road', roles: ['unit'], orgId: 'ent-road' });
      ok(await post('/api/v1/projects', application('p-road', { title: '路桥施工技能比武' }), 'road'), 201);
      ok(await post('/api/v1/projects/p-road/submit', {}, 'road'));
      expect(ok(await get('/api/v1/projects/p-road', 'city')).body.requiredApprovalLevels).toEqual(['county', 'city']);
      expect((await board('build', '&awaitingMyAction=true')).items.map((i: any) => [i.projectId, i.nextApprovalLevel])).toEqual([['p-road', 'county']]);
      expect((await post('/api/v1/projects/p-road/approve', {}, 'city')).body).toMatchObject({ status: 409, code: 'PROJECT.APPROVAL_OUT_OF_ORDER' });
      expect(ok(await post('/api/v1/projects/p-road/approve', {}, 'build')).body.events).toEqual(['ProjectApprovedAtLevel']);
      expect(ok(await post('/api/v1/projects/p-road/approve', {}, 'city')).body.events).toEqual(['ProjectApproved']);
      // The union's own project is approved by the levels above it, not by itself (review 47 #2): the city alone.
      tok.buildUnit = await t.token({ userId: 'u-jj-build-unit', roles: ['unit'], orgId: 'jj-build' });
      ok(await post('/api/v1/projects', application('p-build', { title: '全市建设系统技能比武' }), 'buildUnit'), 201);
      ok(await post('/api/v1/projects/p-build/submit', {}, 'buildUnit'));
      expect(ok(await get('/api/v1/projects/p-build', 'city')).body.requiredApprovalLevels).toEqual(['city']);
      expect((await post('/api/v1/projects/p-build/approve', {}, 'build')).body).toMatchObject({ status: 403, code: 'PROJECT.APPROVER_LEVEL_NOT_REQUIRED' });
      expect(ok(await post('/api/v1/projects/p-build/approve', {}, 'city')).body.events).toEqual(['ProjectApproved']);
    });

    it('refuses an illegal transition naming the state and the allowed actions', async () => {
      const res = await post('/api/v1/projects/p-a/approve', {}, 'xy');
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body).toMatchObject({ code: 'PROJECT.ILLEGAL_TRANSITION', currentState: 'in_progress' });
      // What a committee may do now: not the unit's withdrawal or reports.
      expect(res.body.allowedActions).toEqual(expect.arrayContaining(['terminate', 'record_inspection']));
      expect(res.body.allowedActions).not.toContain('approve');
      expect(res.body.allowedActions).not.toContain('withdraw');
      expect(res.body.allowedActionLabels).toEqual(expect.arrayContaining([{ action: 'terminate', label: '终止' }]));
      expect(res.body.messageZh).toContain('推进中');
    });

    it('a returned project is revised and resubmitted while the window is open', async () => {
      ok(await post('/api/v1/projects', application('p-c', { title: '机加工岗位练兵' }), 'unitC'), 201);
      ok(await post('/api/v1/projects/p-c/submit', {}, 'unitC'));
      const noReason = await post('/api/v1/projects/p-c/return', {}, 'xy');
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors.map((e: any) => e.field)).toContain('reason');
      // Named as what it is, as the README's example has it (review 38 #4).
      expect(noReason.body.messageZh).toContain('缺少必填字段 reason（退回理由）');
      ok(await post('/api/v1/projects/p-c/return', { reason: '实施方案缺少安全措施，请补充' }, 'xy'));
      const returned = (await board('unitC', '&awaitingMyAction=true')).items[0];
      expect(returned).toMatchObject({ projectId: 'p-c', status: 'returned', statusLabel: '已退回', returnedReason: '实施方案缺少安全措施，请补充', returnedLevel: 'county' });
      expect(returned.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
      expect(ok(await get('/api/v1/projects/p-c', 'unitC')).body.application.lastReturn).toMatchObject({
        level: 'county', levelLabel: '县（市、区）级', reason: '实施方案缺少安全措施，请补充', noteZh: expect.stringContaining('须再次逐级审批'),
      });

      const edit = await t.request('PATCH', '/api/v1/projects/p-c', { token: tok.unitC, body: { implementationPlan: { ...implementationPlan, measures: '技能比武；安全培训全覆盖' } } });
      expect(ok(edit).body.events).toEqual(['ProjectDraftEdited']);
      const again = ok(await post('/api/v1/projects/p-c/submit', {}, 'unitC'));
      expect(again.body.events).toEqual(['ProjectSubmitted']);
      expect(ok(await get('/api/v1/projects/p-c', 'unitC')).body.application.submissions.map((s: any) => s.resubmission)).toEqual([false, true]);
      ok(await post('/api/v1/projects/p-c/return', { reason: '请补充参赛人数明细' }, 'xy'));
    });

    it('unit B drafts an incomplete application and cannot submit it until complete', async () => {
      ok(await post('/api/v1/projects', application('p-b', { title: '电子装配技能竞赛', registrationForm: { contactName: '陈干事' } }), 'unitB'), 201);
      const res = await post('/api/v1/projects/p-b/submit', {}, 'unitB');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('PROJECT.APPLICATION_INCOMPLETE');
      expect(res.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['registrationForm.contactPhone', 'registrationForm.headcount']));
      // Submitting is not offered while the submit check would refuse it; the view and the board say what is missing, as the refusal did.
      const view = ok(await get('/api/v1/projects/p-b', 'unitB')).body;
      expect(view.allowedActions).toEqual(['edit', 'withdraw']);
      expect(view.applicationMissing).toEqual(res.body.errors);
      const row = (await board('unitB')).items.find((i: any) => i.projectId === 'p-b');
      expect(row).toMatchObject({ allowedActions: ['edit', 'withdraw'], applicationMissing: ['registrationForm.contactPhone', 'registrationForm.headcount'] });
      // Once the form is complete, submit is offered again (it is not submitted here: the window test below needs a draft).
      lastPosition = ok(await t.request('PATCH', '/api/v1/projects/p-b', { token: tok.unitB, body: { registrationForm } })).body.position;
      expect(ok(await get('/api/v1/projects/p-b', 'unitB')).body).toMatchObject({ allowedActions: ['edit', 'submit', 'withdraw'], applicationMissing: [] });
      expect((await board('unitB')).items.find((i: any) => i.projectId === 'p-b')).toMatchObject({ allowedActions: ['edit', 'submit', 'withdraw'], applicationMissing: [] });
    });
  });

  describe('scope', () => {
    it('refuses a county committee deciding another county’s project, in both languages', async () => {
      ok(await t.request('PATCH', '/api/v1/projects/p-b', { token: tok.unitB, body: { registrationForm } }));
      const res = await post('/api/v1/projects/p-b/extensions', { until: '2021-07-30T23:59:59+08:00', reason: '代为批准' }, 'xy');
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE', status: 403, yourOrgId: 'xy', targetOrgId: 'ent-b' });
      expect(res.body.messageZh).toContain('管辖范围');
      expect(res.body.messageEn).toContain('scope');
    });

    it('refuses a unit acting on, or drafting for, another unit', async () => {
      const submit = await post('/api/v1/projects/p-b/submit', {}, 'unitA');
      expect(submit.status).toBe(403);
      expect(submit.body).toMatchObject({ code: 'AUTH.NOT_YOUR_ORGANISATION' });
      expect(submit.body.messageZh).toContain('本单位');
      expect(submit.body.messageEn).toContain('own organisation');
      const draft = await post('/api/v1/projects', application('p-x', { orgId: 'ent-b' }), 'unitA');
      expect(draft.status).toBe(403);
      expect(draft.body.code).toBe('AUTH.NOT_YOUR_ORGANISATION');
      const approveAsUnit = await post('/api/v1/projects/p-c/approve', {}, 'unitC');
      expect(approveAsUnit.status).toBe(403);
      expect(approveAsUnit.body.code).toBe('AUTH.ROLE_REQUIRED');
      const outOfScope = await get('/api/v1/projects/p-b', 'unitA');
      expect(outOfScope.status).toBe(403);
      expect(outOfScope.headers['content-type']).toContain('application/problem+json');
      expect(outOfScope.body).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE', projectOrgId: 'ent-b' });
      expect(outOfScope.body.messageZh).toContain('查看范围');
      expect((await get('/api/v1/projects/p-b', 'xy')).body.code).toBe('AUTH.OUT_OF_SCOPE');
      expect((await get('/api/v1/projects/p-b/progress-reports', 'unitA')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
      expect((await get('/api/v1/projects/nope', 'unitA')).body).toMatchObject({ status: 404, code: 'PROJECT.NOT_FOUND' });
      expect((await get('/api/v1/projects/nope/progress-reports', 'unitA')).status).toBe(404);
      expect(await boardIds('unitA')).toEqual(['p-a']);
      expect((await board('xy')).items.map((i: any) => i.projectId).sort()).toEqual(['p-a', 'p-c']);
      expect((await get('/api/v1/board?orgId=lx', 'xy')).status).toBe(403);
      // An unknown campaign or organisation in a filter is pointed out, not answered with an empty list.
      expect((await get('/api/v1/board?campaignId=jj-2012', 'city')).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
      expect((await get('/api/v1/organizations?within=nowhere', 'admin')).body).toMatchObject({ status: 404, code: 'ORGANIZATION.NOT_FOUND' });
    });
    it('the board says whose projects it holds: the unit’s own, or the committee’s subtree, named', async () => {
      expect((await board('unitA')).scope).toEqual({ kind: 'org', orgId: 'ent-a', orgName: '浔阳纺织有限公司', labelZh: '本单位' });
      expect((await board('xy')).scope).toEqual({ kind: 'subtree', orgId: 'xy', orgName: '浔阳区劳动竞赛委员会', labelZh: '浔阳区劳动竞赛委员会及所属单位' });
      const assessor = await t.token({ userId: 'expert-1', roles: ['assessor'], orgId: 'jx' });
      const page = ok(await t.get('/api/v1/board', assessor)).body;
      expect(page).toMatchObject({ total: 0, scope: { kind: 'assessor', labelZh: '指派给本人评审的项目' } });
    });
  });

  describe('retries and concurrent edits', () => {
    it('If-Match with a stale revision is 412 and appends nothing', async () => {
      const before = ok(await get('/api/v1/projects/p-b', 'unitB'));
      const res = await post('/api/v1/projects/p-b/withdraw', {}, 'unitB', { 'if-match': `"${Number(before.headers.etag!.toString().replace(/"/g, '')) - 1}"` });
      expect(res.status).toBe(412);
      expect(res.body.code).toBe('STREAM.REVISION_MISMATCH');
      expect(res.body.messageZh).toContain('该记录在您读取之后已被修改');
      // A revision the stream never had was not read from it: the refusal says so; a weak tag never matches (RFC 9110).
      const ahead = await post('/api/v1/projects/p-b/withdraw', {}, 'unitB', { 'if-match': '"99"' });
      expect(ahead.body).toMatchObject({ status: 412, code: 'STREAM.REVISION_MISMATCH', messageZh: expect.stringContaining('您给出的版本 99 不存在') });
      const weak = await post('/api/v1/projects/p-b/withdraw', {}, 'unitB', { 'if-match': `W/${before.headers.etag}` });
      expect(weak.body).toMatchObject({ status: 400, code: 'REQUEST.BAD_IF_MATCH' });
      const after = ok(await get('/api/v1/projects/p-b', 'unitB'));
      expect(after.headers.etag).toBe(before.headers.etag);
      expect(after.body.status).toBe('draft');
    });

    it('an Idempotency-Key replay returns the first response and appends nothing; another body with it is 422', async () => {
      const key = { 'idempotency-key': 'draft-p-a2' };
      const body = { campaignId: 'jj-2021', title: '纺织节能降耗竞赛', category: 'non_public' };
      const first = ok(await post('/api/v1/projects', body, 'unitA', key), 201);
      const replay = ok(await post('/api/v1/projects', body, 'unitA', key), 201);
      expect(replay.headers['idempotent-replayed']).toBe('true');
      expect(replay.body).toMatchObject({ id: first.body.id, revision: first.body.revision, position: first.body.position, replayed: true });
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      expect(ok(await get(`/api/v1/projects/${first.body.id}`, 'unitA')).headers.etag).toBe('"0"');
      const reused = await post('/api/v1/projects', { ...body, title: '另一个项目' }, 'unitA', key);
      expect(reused.status).toBe(422);
      expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      // The same key naming another project is still the same key: refused, nothing created.
      const elsewhere = await post('/api/v1/projects', { ...body, projectId: 'p-idem-other' }, 'unitA', key);
      expect(elsewhere.status).toBe(422);
      expect(elsewhere.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
      expect((await get('/api/v1/projects/p-idem-other', 'unitA')).status).toBe(404);
    });

    it('refuses malformed bodies with every field named', async () => {
      const res = await post('/api/v1/projects', { campaignId: 'jj-2021', title: 42, category: 'chess', registrationForm: { headcount: 'many' }, colour: 'red' }, 'unitA');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
      expect(res.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['title', 'category', 'registrationForm.headcount', 'colour']));
      for (const wrong of [{ registrationForm: [] }, { registrationForm: 'form' }, { implementationPlan: [] }]) {
        const shape = await post('/api/v1/projects', { campaignId: 'jj-2021', title: '错误类型', category: 'skills', ...wrong }, 'unitA');
        expect(shape.status).toBe(400);
        expect(shape.body.code).toBe('REQUEST.INVALID');
        expect(shape.body.errors.map((e: any) => e.field)).toContain(Object.keys(wrong)[0]);
        // One problem for a field of the wrong shape, not the same words twice.
        const said = shape.body.errors.map((e: any) => e.messageZh);
        expect(new Set(said).size).toBe(said.length);
      }
      // A caller with no role for the action is told so first, not asked to correct a body it may not send.
      expect((await post('/api/v1/projects/p-a/return', {}, 'unitA')).body).toMatchObject({ status: 403, code: 'AUTH.ROLE_REQUIRED', requiredRoles: ['committee'] });
      expect((await post('/api/v1/projects', { campaignId: 42 }, 'xy')).body).toMatchObject({ status: 403, code: 'AUTH.ROLE_REQUIRED', requiredRoles: ['unit'] });
      // A missing field is named as the form names it, beside its JSON name.
      const noReason = await post('/api/v1/projects/p-a/return', {}, 'xy');
      expect(noReason.body).toMatchObject({ status: 400, errors: [{ field: 'reason', messageZh: expect.stringMatching(/^缺少必填字段 reason（[\u4e00-\u9fff]+）$/) }] });
      const absurd = await post('/api/v1/projects', application('p-absurd', { registrationForm: { contactName: '张伟', contactPhone: '0792-8227328', headcount: 1e20, participatingEnterprises: 100_000_000 } }), 'unitA');
      expect(absurd.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID' });
      expect(absurd.body.errors).toEqual([
        expect.objectContaining({ field: 'registrationForm.headcount', messageEn: 'registrationForm.headcount must be at most 10000000', messageZh: '字段 registrationForm.headcount（参赛职工人数）：不能大于 10000000' }),
        expect.objectContaining({ field: 'registrationForm.participatingEnterprises', messageEn: 'registrationForm.participatingEnterprises must be at most 1000000' }),
      ]);
      const editShape = await t.request('PATCH', '/api/v1/projects/p-a', { token: tok.unitA, body: { implementationPlan: [] } });
      expect(editShape.status).toBe(400);
      const big = await t.request('POST', '/api/v1/projects', { token: tok.unitA, rawBody: JSON.stringify(application('p-big', { title: 'x'.repeat(1_100_000) })) });
      expect(big.status).toBe(413);
      expect((await post('/api/v1/projects/nope/submit', {}, 'unitA')).status).toBe(404);
      // A detail takes minPosition and nothing else: a misspelt one is said, not silently no wait (review 41 #11).
      const typo = await t.get('/api/v1/projects/p-a?minPositon=5', tok.unitA);
      expect(typo.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'minPositon' }] });
      expect(typo.body.messageZh).toContain('本地址只接受：minPosition');
      ok(await t.get('/api/v1/projects/p-a?minPosition=1', tok.unitA));
      // Checked once the caller is let in (review 42 #1): without a token it is 401, whatever the query or the body.
      expect((await t.get('/api/v1/projects/p-a?foo=1')).status).toBe(401);
      expect((await t.request('POST', '/api/v1/projects/p-a/submit', { rawBody: `{"a":${'['.repeat(40)}${']'.repeat(40)}}` })).status).toBe(401);
      // An id longer than any id can be is refused by name, not echoed back three times (review 41 #7).
      const longId = await t.request('POST', '/api/v1/projects', { token: tok.unitA, rawBody: JSON.stringify(application('p-long', { campaignId: 'x'.repeat(100_000) })) });
      expect(longId.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'campaignId' }] });
      expect(JSON.stringify(longId.body).length).toBeLessThan(2_000);
    });
  });

  describe('in the last second the deadline names (23:59:59)', () => {
    it('takes a submission at 23:59:59.4, and the scheduler closes the window only once that second is over (review 40 #1)', async () => {
      t.clock.set('2021-07-22T23:59:50+08:00');
      ok(await post('/api/v1/projects', application('p-lastsec'), 'unitA'), 201);
      ok(await post('/api/v1/projects', application('p-lastsec2'), 'unitA'), 201);
      // The board offers submitting through the deadline's second, and not after it (review 42 #6).
      const offersSubmit = async () => ok(await get('/api/v1/board', 'unitA')).body.items.find((i: any) => i.projectId === 'p-lastsec2').allowedActions.includes('submit');
      t.clock.set('2021-07-22T23:59:59.900+08:00');
      expect(await offersSubmit()).toBe(true);
      t.clock.set('2021-07-22T23:59:59.400+08:00');
      // Due at the named instant, the closing is not recorded yet, nor dropped, nor counted as sent: it is asked again next tick.
      expect(ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin')).body.commandsSent).toBe(0);
      expect(ok(await get('/api/v1/campaigns/jj-2021', 'unitA')).body.applicationWindowClosed).toBe(false);
      expect(ok(await get('/api/v1/projects/p-lastsec', 'unitA')).body.allowedActions).toContain('submit');
      expect(ok(await post('/api/v1/projects/p-lastsec/submit', {}, 'unitA')).body.events).toEqual(['ProjectSubmitted']);
      t.clock.set('2021-07-23T00:00:00.100+08:00');
      expect(await offersSubmit()).toBe(false);
      expect(ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin')).body.commandsSent).toBeGreaterThanOrEqual(1);
      expect(ok(await get('/api/v1/campaigns/jj-2021', 'unitA')).body.applicationWindowClosed).toBe(true);
      ok(await post('/api/v1/projects/p-lastsec/withdraw', {}, 'unitA'));
    });
  });

  describe('after the window has closed (2021-07-22 24:00)', () => {
    it('unit B’s late submission is refused with 409 PROJECT.WINDOW_CLOSED and the refusal is recorded', async () => {
      t.clock.set(AFTER_CLOSE);
      // Drafting is still accepted while the campaign is published (an extension needs a draft), so still offered; submitting is not.
      expect(ok(await get('/api/v1/campaigns/jj-2021', 'unitB')).body.allowedActions).toEqual(['draft_project']);
      const before = ok(await get('/api/v1/projects/p-b', 'unitB'));
      const res = await post('/api/v1/projects/p-b/submit', {}, 'unitB');
      expect(res.status).toBe(409);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const revisionBefore = Number(String(before.headers.etag).replace(/"/g, ''));
      expect(res.body).toMatchObject({ code: 'PROJECT.WINDOW_CLOSED', recorded: true, streamId: 'project-p-b', revision: revisionBefore + 1, windowClosesAt: CLOSES_AT });
      expect(res.body.position).toBeGreaterThan(0);
      expect(res.body.messageZh).toContain('五一');
      // Pointed to an extension, the unit is told it does not restore May Day eligibility.
      expect(res.body.messageZh).toContain('延期后再提交（延期内提交的项目可以参赛，但在报名截止之后提交的仍属逾期报名');
      lastPosition = res.body.position;
      const after = ok(await get('/api/v1/projects/p-b', 'unitB'));
      expect(after.headers.etag).toBe(`"${revisionBefore + 1}"`);
      expect(after.body.status).toBe('draft');
      expect(after.body.application.refusals).toEqual([{ reason: 'window_closed', attemptedAt: '2021-07-23T01:00:00.000Z', windowClosesAt: CLOSES_AT, extensionUntil: null }]);
      expect((await board('unitB')).items[0]).toMatchObject({ projectId: 'p-b', lateAttempts: 1, revision: revisionBefore + 1 });
      // A retry the same day is refused as that one was, and writes nothing more (review 35 #4).
      const retry = await post('/api/v1/projects/p-b/submit', {}, 'unitB');
      expect(retry.body).toMatchObject({ status: 409, code: 'PROJECT.WINDOW_CLOSED', recorded: false, recordedAttemptAt: '2021-07-23T01:00:00.000Z' });
      expect(ok(await get('/api/v1/projects/p-b', 'unitB')).headers.etag).toBe(`"${revisionBefore + 1}"`);
    });

    it('a returned project cannot be resubmitted late, until the committee grants an extension', async () => {
      expect(ok(await get('/api/v1/projects/p-c', 'unitC')).body.allowedActions).toEqual(['edit', 'withdraw']);
      expect((await board('unitC')).items.find((i: any) => i.projectId === 'p-c').allowedActions).toEqual(['edit', 'withdraw']);
      const late = await post('/api/v1/projects/p-c/submit', {}, 'unitC');
      expect(late.status).toBe(409);
      expect(late.body.code).toBe('PROJECT.WINDOW_CLOSED');
      // p-c was first filed on time: it has entered, and is not told otherwise.
      expect(late.body).toMatchObject({ enteredOnTime: true, messageZh: expect.stringContaining('参赛资格不受影响') });
      const byUnit = await post('/api/v1/projects/p-c/extensions', { until: '2021-07-30T23:59:59+08:00', reason: '自行延期' }, 'unitC');
      expect(byUnit.status).toBe(403);
      // The county collects applications, but the deadline is the city's: only the organiser moves it.
      const byCounty = await post('/api/v1/projects/p-c/extensions', { until: '2021-07-30T23:59:59+08:00', reason: '汛期抢险，材料延后报送' }, 'xy');
      expect(byCounty.body).toMatchObject({ status: 403, code: 'PROJECT.EXTENSION_ORGANISER_ONLY', organizerOrgId: 'jj' });
      const granted = ok(await post('/api/v1/projects/p-c/extensions', { until: '2021-07-30T23:59:59+08:00', reason: '汛期抢险，材料延后报送' }, 'city'));
      expect(granted.body.events).toEqual(['SubmissionExtensionGranted']);
      // The committee granting it is told at once what it means for awards (review 40 #3): p-c was first filed on time, so it has
      // entered, and is not told it is a late entry (review 54 #3).
      expect(granted.body.noteZh).toContain('已按时报名');
      expect(granted.body.noteZh).not.toContain('仍属逾期报名');
      expect(ok(await get('/api/v1/projects/p-c', 'unitC')).body.application.extension).toMatchObject({
        until: '2021-07-30T23:59:59+08:00', reason: '汛期抢险，材料延后报送', noteZh: expect.stringContaining('不影响其参赛资格和五一各奖项的评选资格'),
      });
      expect(ok(await get('/api/v1/projects/p-c', 'unitC')).body.allowedActions).toEqual(['edit', 'submit', 'withdraw']);
      expect((await board('unitC')).items.find((i: any) => i.projectId === 'p-c').allowedActions).toEqual(['edit', 'submit', 'withdraw']);
      const resubmitted = ok(await post('/api/v1/projects/p-c/submit', {}, 'unitC'));
      expect(resubmitted.body.events).toEqual(['ProjectSubmitted']);
      const got = ok(await get('/api/v1/projects/p-c', 'xy'));
      expect(got.body.application.submissions.at(-1)).toMatchObject({ resubmission: true, underExtension: true });
      expect(got.body.allowedActions).toEqual(expect.arrayContaining(['approve', 'return', 'reject']));
      expect(await boardIds('xy', '&awaitingMyAction=true')).toEqual(['p-c']);
    });

    it('a unit withdraws and a committee terminates; both are then closed', async () => {
      expect(ok(await post('/api/v1/projects/p-b/withdraw', { reason: '未能按时报送' }, 'unitB')).body.events).toEqual(['ProjectWithdrawn']);
      expect(ok(await post('/api/v1/projects/p-power/terminate', { reason: '重复申报' }, 'city')).body.events).toEqual(['ProjectTerminated']);
      const items = (await board('city', '&status=terminated')).items;
      expect(items.map((i: any) => [i.projectId, i.statusLabel, i.allowedActions])).toEqual([['p-power', '已终止', []]]);
      const again = await post('/api/v1/projects/p-b/withdraw', {}, 'unitB');
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ currentState: 'withdrawn', allowedActions: [] });
    });

    it('pages the board oldest wait first', async () => {
      const page = await board('city', '&limit=2&offset=1');
      expect(page).toMatchObject({ limit: 2, offset: 1 });
      const all = (await board('city')).items;
      expect(page.total).toBe(all.length);
      expect(page.items.map((i: any) => i.projectId)).toEqual(all.slice(1, 3).map((i: any) => i.projectId));
      const waits = all.map((i: any) => i.waitingSince);
      expect([...waits].sort()).toEqual(waits);
    });

    it('counts the projects by stage and by category on request, each over the other filters, for a console’s tabs (review 45 #5)', async () => {
      const all = (await board('city')).items;
      const counted = await board('city', '&counts=true&status=terminated');
      // The stage tabs ignore the stage filter; each count is what that tab would list.
      const tally = (status: string) => all.filter((i: any) => i.status === status).length;
      expect(counted.byStatus.map((c: any) => [c.status, c.count])).toEqual(counted.byStatus.map((c: any) => [c.status, tally(c.status)]));
      expect(counted.byStatus.find((c: any) => c.status === 'terminated')).toEqual({ status: 'terminated', label: '已终止', count: 1 });
      expect(counted.byStatus.reduce((n: number, c: any) => n + c.count, 0)).toBe(all.length);
      // The category counts keep the stage filter: one terminated project, of its category.
      expect(counted.byCategory).toEqual([{ category: counted.items[0].category, label: counted.items[0].categoryLabel, count: 1 }]);
      // A unit's counts are of its own projects; without counts=true the answer carries none.
      expect((await board('unitB', '&counts=true')).byStatus.reduce((n: number, c: any) => n + c.count, 0)).toBe((await board('unitB')).total);
      expect((await board('city')).byStatus).toBeUndefined();
    });
  });

  describe('creating', () => {
    it('a create answers where what it made is read (Location), for an organisation, a campaign and a project', async () => {
      const made = [
        [ok(await post('/api/v1/organizations', { orgId: 'ent-d', name: '浔阳印染厂', kind: 'enterprise', level: 'enterprise', parentId: 'xy' }, 'admin'), 201), 'admin', 'orgId', 'ent-d'],
        [ok(await post('/api/v1/campaigns', { ...campaign, campaignId: 'jj-2021-b' }, 'city'), 201), 'city', 'campaignId', 'jj-2021-b'],
        [ok(await post('/api/v1/projects', application('p-loc'), 'unitA'), 201), 'unitA', 'projectId', 'p-loc'],
      ] as const;
      for (const [res, who, idField, id] of made) expect(ok(await get(String(res.headers.location), who)).body[idField]).toBe(id);
      expect(made.map(([res]) => res.headers.location)).toEqual(['/api/v1/organizations/ent-d', '/api/v1/campaigns/jj-2021-b', '/api/v1/projects/p-loc']);
      // A command on an existing resource creates nothing to point at.
      expect(ok(await post('/api/v1/projects/p-loc/withdraw', {}, 'unitA')).headers.location).toBeUndefined();
    });

    it('a plan outside the campaign’s year is named on the board as on the detail, and submit is not offered (review 53 #3)', async () => {
      t.clock.set('2021-07-10T10:00:00+08:00');
      ok(await post('/api/v1/projects', application('p-years', { implementationPlan: { ...implementationPlan, startsOn: '2019-01-01', endsOn: '2025-12-31' } }), 'unitA'), 201);
      const refused = await post('/api/v1/projects/p-years/submit', {}, 'unitA');
      expect([refused.status, refused.body.code]).toEqual([422, 'PROJECT.PLAN_OUTSIDE_CAMPAIGN']);
      const row = async () => (await board('unitA')).items.find((i: any) => i.projectId === 'p-years');
      expect(await row()).toMatchObject({ allowedActions: ['edit', 'withdraw'], applicationMissing: ['implementationPlan.startsOn', 'implementationPlan.endsOn'] });
      expect(ok(await get('/api/v1/projects/p-years', 'unitA')).body.applicationMissing.map((p: any) => p.field)).toEqual(['implementationPlan.startsOn', 'implementationPlan.endsOn']);
      lastPosition = ok(await t.request('PATCH', '/api/v1/projects/p-years', { token: tok.unitA, body: { implementationPlan } })).body.position;
      expect(await row()).toMatchObject({ allowedActions: ['edit', 'submit', 'withdraw'], applicationMissing: [] });
    });
  });
});
