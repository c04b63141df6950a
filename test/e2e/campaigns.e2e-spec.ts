import { TestApp } from '../support/test-app';
import { expectStatus as ok } from '../support/http-steps';

const JIUJIANG_WINDOW = { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-22T23:59:59+08:00' };

function keyProjectScheme() {
  return {
    criteria: [
      { key: 'quality', name: '比质量', weight: 20 },
      { key: 'schedule', name: '比工期', weight: 20 },
      { key: 'technical_innovation', name: '比技术创新', weight: 15 },
      { key: 'scientific_management', name: '比科学管理', weight: 15 },
      { key: 'safety_saving', name: '比安全节约', weight: 15 },
      { key: 'civilized_construction', name: '比文明施工', weight: 15 },
    ],
    scale: { min: 0, max: 100 },
    minAssessors: 3,
    aggregation: 'trimmed_mean',
    gradeBands: [
      { grade: 'excellent', minScore: 90 },
      { grade: 'good', minScore: 80 },
      { grade: 'pass', minScore: 60 },
      { grade: 'fail', minScore: 0 },
    ],
    disagreementThreshold: 15,
  };
}

function jiujiangCampaign(over: Record<string, unknown> = {}) {
  return {
    campaignId: 'jj-2021',
    title: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛',
    theme: '建功“十四五”、奋进新征程',
    year: 2021,
    categories: ['skills', 'key_project', 'non_public'],
    applicationWindow: JIUJIANG_WINDOW,
    reportingCadence: 'quarterly',
    assessment: keyProjectScheme(),
    approvalLevels: ['county', 'city'],
    targets: [{ metric: 'enterprises', target: 300 }],
    ...over,
  };
}

describe('campaigns over HTTP', () => {
  let t: TestApp;
  let admin: string;
  let city: string;
  let xunyang: string;
  let unitA: string;
  let outsider: string;

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-06-10T09:00:00+08:00' });
    admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    const orgs = [
      { orgId: 'jx', name: '江西省总工会', kind: 'union', level: 'province' },
      { orgId: 'jj', name: '九江市劳动竞赛委员会', kind: 'committee', level: 'city', parentId: 'jx' },
      { orgId: 'xy', name: '浔阳区劳动竞赛委员会', kind: 'committee', level: 'county', parentId: 'jj' },
      { orgId: 'ent-a', name: '浔阳纺织有限公司', kind: 'enterprise', level: 'enterprise', parentId: 'xy' },
      { orgId: 'sx', name: '山西省总工会', kind: 'union', level: 'province' },
      { orgId: 'sx-ent', name: '太原某企业', kind: 'enterprise', level: 'enterprise', parentId: 'sx' },
    ];
    for (const o of orgs) expect((await t.post('/api/v1/organizations', o, admin)).status).toBe(201);
    city = await t.token({ userId: 'u-city', roles: ['committee'], orgId: 'jj' });
    xunyang = await t.token({ userId: 'u-xy', roles: ['committee'], orgId: 'xy' });
    unitA = await t.token({ userId: 'u-ent-a', roles: ['unit'], orgId: 'ent-a' });
    outsider = await t.token({ userId: 'u-sx', roles: ['unit'], orgId: 'sx-ent' });
  });
  afterAll(() => t.stop());

  describe('creating a campaign', () => {
    it('creates a draft organised by the caller’s committee, at its level', async () => {
      const res = await t.post('/api/v1/campaigns', jiujiangCampaign(), city);
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ id: 'jj-2021', streamId: 'campaign-jj-2021', revision: 0, events: ['CampaignCreated'], replayed: false });
      // A trimmed mean over three assessors keeps the middle one's score alone: said, not refused (review 50 #12).
      expect(res.body.noteZh).toBe('评估按“去掉一个最高分和一个最低分”计分，最少 3 名评估专家时只计 1 名专家的评分（即居中一名的分数）；如需更稳健，可将最少评估专家数设为 5 名或以上。');
      expect(res.headers.etag).toBe('"0"');

      const got = await t.get('/api/v1/campaigns/jj-2021', city);
      expect(got.status).toBe(200);
      expect(got.headers.etag).toBe('"0"');
      expect(got.body).toMatchObject({ organizerOrgId: 'jj', level: 'city', levelLabel: '市级', status: 'draft', statusLabel: '草稿', rulesVersion: 0, ruleVersions: [] });
      expect(got.body.rules.categories[0]).toEqual({ key: 'skills', zh: '职业技能竞赛', en: 'Vocational skills contest' });
      expect(got.body.rules.reportingCadenceLabel).toBe('按季度报送');
      expect(got.body.rules.assessment.aggregationLabel).toBe('去掉一个最高分和一个最低分后平均');
      expect(got.body.rules.assessment.gradeBands[0]).toEqual({ grade: 'excellent', minScore: 90, label: '优秀' });
      expect(got.body.rules.approvalLevels).toEqual([{ level: 'county', label: '县（市、区）级' }, { level: 'city', label: '市级' }]);
      expect(got.body.rules.campaignPeriod).toBeNull();
      expect(got.body.reportingSpan).toEqual({ startsOn: '2021-01-01', endsOn: '2021-12-31', fromCampaignPeriod: false });
    });

    it('refuses a unit (role) and a county committee organising for the city (scope)', async () => {
      const byUnit = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'x1' }), unitA);
      expect(byUnit.status).toBe(403);
      expect(byUnit.body.code).toBe('AUTH.ROLE_REQUIRED');
      const byCounty = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'x2', organizerOrgId: 'jj' }), xunyang);
      expect(byCounty.status).toBe(403);
      expect(byCounty.headers['content-type']).toContain('application/problem+json');
      expect(byCounty.body).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE' });
      expect(byCounty.body.messageZh).toContain('管辖范围');
      expect(byCounty.body.messageEn).toContain('scope');
    });

    it('refuses an organiser that is not a committee as unprocessable, and a committee below as not the caller’s to create', async () => {
      const enterprise = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'x3', organizerOrgId: 'ent-a' }), city);
      expect(enterprise.status).toBe(422);
      expect(enterprise.body).toMatchObject({ code: 'CAMPAIGN.ORGANIZER_NOT_COMMITTEE', organizerKind: 'enterprise', errors: [{ field: 'organizerOrgId' }] });
      expect(enterprise.body.messageZh).toContain('浔阳纺织有限公司');
      const forCounty = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'x4', organizerOrgId: 'xy' }), city);
      expect(forCounty.status).toBe(403);
      expect(forCounty.body).toMatchObject({ code: 'CAMPAIGN.FORBIDDEN' });
      expect(forCounty.body.messageZh).toContain('自行创建');
      // A city committee runs a city campaign: its level is the organiser's.
      const asProvince = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'x5', level: 'province' }), city);
      expect(asProvince.body).toMatchObject({ status: 400, code: 'CAMPAIGN.INVALID', errors: [{ field: 'level', messageZh: expect.stringContaining('市级') }] });
      // Nor by editing the draft afterwards.
      const edited = await t.request('PATCH', '/api/v1/campaigns/jj-2021', { token: city, body: { level: 'province' } });
      expect(edited.body).toMatchObject({ status: 400, code: 'CAMPAIGN.INVALID', errors: [{ field: 'level' }] });
      // One problem, not two: the approval levels are judged against the organiser's level, not the wrong one given.
      const lower = await t.request('PATCH', '/api/v1/campaigns/jj-2021', { token: city, body: { level: 'county' } });
      expect(lower.body.errors.map((e: any) => e.field)).toEqual(['level']);
    });

    it('lists every problem of the scheme at once, each with its field', async () => {
      const scheme = keyProjectScheme();
      scheme.criteria[0]!.weight = 30;
      scheme.gradeBands[3]!.minScore = 10;
      const res = await t.post('/api/v1/campaigns', jiujiangCampaign({
        campaignId: 'bad',
        applicationWindow: { opensAt: '2021-07-22T00:00:00+08:00', closesAt: '2021-06-15T00:00:00+08:00' },
        assessment: scheme,
      }), city);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('CAMPAIGN.INVALID');
      const fields = res.body.errors.map((e: any) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['applicationWindow', 'assessment.criteria', 'assessment.gradeBands']));
      expect(res.body.errors.length).toBeGreaterThanOrEqual(3);
      for (const e of res.body.errors) expect(e.messageZh && e.messageEn).toBeTruthy();
      expect(res.body.errors.find((e: any) => e.field === 'assessment.criteria').messageZh).toContain('110');
    });

    it('refuses malformed bodies: wrong types, unknown fields, nested shapes, too large', async () => {
      const res = await t.post('/api/v1/campaigns', { ...jiujiangCampaign({ campaignId: 'bad2', year: '2021', colour: 'red' }), assessment: { ...keyProjectScheme(), minAssessors: 'three' } }, city);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('REQUEST.INVALID');
      expect(res.body.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['year', 'colour', 'assessment.minAssessors']));
      const crowd = await t.post('/api/v1/campaigns', { ...jiujiangCampaign({ campaignId: 'crowd' }), assessment: { ...keyProjectScheme(), minAssessors: 1e20 } }, city);
      expect(crowd.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'assessment.minAssessors', messageEn: 'assessment.minAssessors must be at most 100' }] });
      const huge = await t.request('POST', '/api/v1/campaigns', { token: city, rawBody: JSON.stringify({ ...jiujiangCampaign({ campaignId: 'big' }), theme: 'x'.repeat(2_000_000) }) });
      expect(huge.status).toBe(413);
      expect(huge.body.code).toBe('HTTP.PAYLOAD_TOO_LARGE');
      const notJson = await t.request('POST', '/api/v1/campaigns', { token: city, rawBody: '{"title": ' });
      expect(notJson.body).toMatchObject({ status: 400, code: 'HTTP.MALFORMED_JSON' });
      // Valid JSON with a key that could poison prototypes is refused too, and the message names that case.
      const poisoned = await t.request('POST', '/api/v1/campaigns', { token: city, rawBody: '{"title": "t", "__proto__": {"admin": true}}' });
      expect(poisoned.body).toMatchObject({ status: 400, code: 'HTTP.MALFORMED_JSON', messageZh: expect.stringContaining('__proto__') });
      // An id that is another address under /campaigns could never be read back (review 41 #6).
      const reserved = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'catalogue' }), city);
      expect(reserved.body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'campaignId', messageZh: expect.stringContaining('系统保留') }] });
      // Brackets nested past any command's depth: refused before a pipe walks them (they overflowed its stack, a 500).
      const deep = await t.request('POST', '/api/v1/campaigns', { token: city, rawBody: `{"title":"t","theme":${'['.repeat(2000)}${']'.repeat(2000)}}` });
      expect(deep.body).toMatchObject({ status: 400, code: 'REQUEST.TOO_DEEP', maxDepth: 32 });
      const deepObject = await t.request('POST', '/api/v1/campaigns', { token: city, rawBody: `${'{"a":'.repeat(40)}1${'}'.repeat(40)}` });
      expect(deepObject.body.code).toBe('REQUEST.TOO_DEEP');
      // The JSON header with no body at all: told so, not that the JSON is malformed.
      const empty = await t.request('POST', '/api/v1/campaigns', { token: city, rawBody: '' });
      expect(empty.body).toMatchObject({ status: 400, code: 'HTTP.EMPTY_JSON_BODY', messageZh: expect.stringContaining('没有内容时发送 {}') });
      // Refused by the router before Nest sees it: still problem+json with a code and Chinese.
      const longId = await t.request('GET', `/api/v1/campaigns/${'x'.repeat(500)}`, { token: city });
      expect(longId.status).toBe(414);
      expect(longId.headers['content-type']).toContain('application/problem+json');
      expect(longId.body).toMatchObject({ status: 414, code: 'HTTP.PARAM_TOO_LONG' });
      expect(longId.body.messageZh).toBeTruthy();
      // A known address asked with a method it does not take: 405 and the methods it does, not "no such address".
      const wrongMethod = await t.request('DELETE', '/api/v1/campaigns/jj-2021?x=1', { token: city });
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.allow).toBe('GET, HEAD, PATCH');
      expect(wrongMethod.body).toMatchObject({ status: 405, code: 'HTTP.METHOD_NOT_ALLOWED', allowed: ['GET', 'HEAD', 'PATCH'], messageZh: expect.stringContaining('不支持 DELETE') });
      expect((await t.request('GET', '/api/v1/campaigns/jj-2021/publish', { token: city })).status).toBe(405);
      // A fixed address where an id could stand is not taken as an id by another method's route (review 41 #6).
      const catalogue = await t.request('PATCH', '/api/v1/campaigns/catalogue', { token: city, body: {} });
      expect(catalogue.status).toBe(405);
      expect(catalogue.headers.allow).toBe('GET, HEAD');
      expect(catalogue.body).toMatchObject({ code: 'HTTP.METHOD_NOT_ALLOWED', allowed: ['GET', 'HEAD'] });
      // An address no route has stays 404, and so does a missing resource at a known one.
      expect((await t.request('DELETE', '/api/v1/no-such-thing', { token: city })).body).toMatchObject({ status: 404, code: 'HTTP.NOT_FOUND' });
      expect((await t.request('GET', '/api/v1/campaigns/nope', { token: city })).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
    });
  });

  describe('a draft, then published rules', () => {
    it('edits the draft, publishes version 1, then refuses draft edits naming the state', async () => {
      const edit = await t.request('PATCH', '/api/v1/campaigns/jj-2021', { token: city, body: { categories: ['skills', 'key_project', 'non_public', 'mass_innovation'] } });
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ revision: 1, events: ['CampaignDraftAmended'] });

      const stale = await t.post('/api/v1/campaigns/jj-2021/publish', {}, city, { 'if-match': '"0"' });
      expect(stale.status).toBe(412);
      expect(stale.body.code).toBe('STREAM.REVISION_MISMATCH');

      const publish = await t.post('/api/v1/campaigns/jj-2021/publish', {}, city, { 'if-match': '"1"' });
      expect(publish.status).toBe(200);
      expect(publish.body).toMatchObject({ revision: 2, events: ['CampaignPublished'] });

      const late = await t.request('PATCH', '/api/v1/campaigns/jj-2021', { token: city, body: { title: '改名' } });
      expect(late.status).toBe(409);
      expect(late.body).toMatchObject({ code: 'CAMPAIGN.ILLEGAL_TRANSITION', currentState: 'published' });
      // Only actions with a route: closing the application window is the scheduler's.
      expect(late.body.allowedActions).toEqual(['amend_rules', 'close']);
      expect(late.body.allowedActionLabels).toEqual([{ action: 'amend_rules', label: '修改竞赛规则' }, { action: 'close', label: '结束竞赛活动' }]);
      expect(late.body.messageZh).toContain('修改竞赛规则');
      const view = await t.get('/api/v1/campaigns/jj-2021', city);
      expect(view.body.allowedActionLabels).toEqual(expect.arrayContaining([{ action: 'amend_rules', label: '修改竞赛规则' }, { action: 'close', label: '结束竞赛活动' }]));
    });

    it('amends published rules into version 2 with the reason, keeping version 1 in the history', async () => {
      const noReason = await t.post('/api/v1/campaigns/jj-2021/rules-amendments', { changes: { reportingCadence: 'monthly' }, reason: ' ' }, city);
      expect(noReason.status).toBe(400);
      expect(noReason.body.code).toBe('CAMPAIGN.REASON_REQUIRED');
      const res = await t.post('/api/v1/campaigns/jj-2021/rules-amendments', { changes: { reportingCadence: 'monthly' }, reason: '市总工会要求按月报送进度' }, city);
      expect(res.status).toBe(200);
      expect(res.body.events).toEqual(['CampaignRulesAmended']);
      expect(res.body.noteZh).toBeUndefined();
      // The same rules again change nothing: no version 3, and the answer says so.
      const same = await t.post('/api/v1/campaigns/jj-2021/rules-amendments', { changes: { reportingCadence: 'monthly' }, reason: '再次确认按月报送' }, city);
      expect(same.status).toBe(200);
      expect(same.body.events).toEqual([]);
      expect(same.body.noteZh).toContain('未作任何修改');
      const got = await t.get('/api/v1/campaigns/jj-2021', unitA);
      expect(got.status).toBe(200);
      expect(got.body.rulesVersion).toBe(2);
      expect(got.body.rules.reportingCadenceLabel).toBe('按月报送');
      expect(got.body.ruleVersions.map((v: any) => [v.version, v.reason, v.rules.reportingCadence])).toEqual([
        [1, null, 'quarterly'],
        [2, '市总工会要求按月报送进度', 'monthly'],
      ]);
      // When each was in force, for reading a project's rulesVersion against dates.
      const since = got.body.ruleVersions[1].since;
      expect(since).toEqual(expect.any(String));
      expect(got.body.ruleVersions.map((v: any) => [v.since, v.until])).toEqual([[null, since], [since, null]]);
    });
  });

  describe('the campaign list', () => {
    it('shows units the published campaigns above them, committees their subtree’s drafts, outsiders nothing', async () => {
      const county = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'xy-2021', title: '浔阳区职工技能竞赛', approvalLevels: ['county'] }), xunyang);
      expect(county.status).toBe(201);
      expect((await t.get(`/api/v1/campaigns/xy-2021?minPosition=${county.body.position}`, xunyang)).body.level).toBe('county');

      const ids = async (token: string) => (await t.get(`/api/v1/campaigns?minPosition=${county.body.position}`, token)).body.items.map((c: any) => c.campaignId).sort();
      expect(await ids(city)).toEqual(['jj-2021', 'xy-2021']);
      expect(await ids(xunyang)).toEqual(['jj-2021', 'xy-2021']);
      expect(await ids(unitA)).toEqual(['jj-2021']);
      expect(await ids(outsider)).toEqual([]);
      expect(await ids(admin)).toEqual(['jj-2021', 'xy-2021']);

      const list = await t.get('/api/v1/campaigns?status=published', unitA);
      expect(list.body).toMatchObject({ total: 1, limit: 50, offset: 0 });
      expect(list.body.items[0]).toMatchObject({ statusLabel: '已发布', rulesVersion: 2, applicationWindow: JIUJIANG_WINDOW, approvalLevels: ['county', 'city'], approvalLevelLabels: ['县（市、区）级', '市级'] });

      // Another region's draft reads as absent; a published campaign outside one's scope is refused as such.
      expect((await t.get('/api/v1/campaigns/xy-2021', unitA)).status).toBe(404);
      // Nor does its id or title leak through the statistics or the eligibility board; its committee's city reads them.
      for (const url of ['/api/v1/statistics/coverage?campaignId=xy-2021', '/api/v1/statistics/assessment?campaignId=xy-2021', '/api/v1/eligibility?campaignId=xy-2021&awardType=may_day_certificate']) {
        expect((await t.get(url, unitA)).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
      }
      expect((await t.get('/api/v1/statistics/coverage?campaignId=xy-2021', city)).status).toBe(200);
      // Nor through a command on it: a committee elsewhere is told there is no such campaign; the
      // city above, which sees the draft, that it may not act on it.
      const sxCommittee = await t.token({ userId: 'u-sx-c', roles: ['committee'], orgId: 'sx' });
      expect((await t.post('/api/v1/campaigns/xy-2021/publish', {}, sxCommittee)).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
      expect((await t.request('PATCH', '/api/v1/campaigns/xy-2021', { token: sxCommittee, body: { title: '某' } })).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
      expect((await t.post('/api/v1/campaigns/xy-2021/publish', {}, city)).body).toMatchObject({ status: 403, code: 'CAMPAIGN.FORBIDDEN' });
      // A unit does not see a draft, so cannot enter it either: as if there were none.
      const entry = { campaignId: 'xy-2021', title: '细纱接头技能比武', category: 'skills' };
      expect((await t.post('/api/v1/projects', entry, unitA)).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
      // A draft closed without ever being published stays out of sight below its committee.
      const gone = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'xy-gone', title: '浔阳区撤销的竞赛', approvalLevels: ['county'] }), xunyang);
      ok(await t.post('/api/v1/campaigns/xy-gone/close', { reason: '不再举办' }, xunyang, { 'x-min-position': String(gone.body.position) }));
      expect((await t.get('/api/v1/campaigns/xy-gone', unitA)).status).toBe(404);
      expect(await ids(unitA)).not.toContain('xy-gone');
      expect((await t.get('/api/v1/campaigns/xy-gone', city)).status).toBe(200);
      expect((await t.get('/api/v1/campaigns/jj-2021', outsider)).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
      // Its statistics likewise (review 34 #5: they answered 200 with zeros, which reads as a campaign with no activity).
      for (const url of ['/api/v1/statistics/coverage?campaignId=jj-2021', '/api/v1/statistics/assessment?campaignId=jj-2021', '/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate']) {
        expect((await t.get(url, outsider)).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
        expect((await t.get(url, unitA)).status).toBe(200);
      }
    });

    it('serves the catalogue a campaign form needs', async () => {
      const res = await t.get('/api/v1/campaigns/catalogue', unitA);
      expect(res.status).toBe(200);
      expect(res.body.categories).toContainEqual({ key: 'key_project', zh: '重点工程立功竞赛', en: 'Key-project merit competition' });
      expect(res.body.grades.map((g: any) => g.zh)).toEqual(['优秀', '良好', '合格', '不合格']);
      expect(res.body.metrics.find((m: any) => m.key === 'participant_times')).toMatchObject({ zh: '参与职工人次', unitZh: '人次' });
      // A report form built from the catalogue uses the report's own keys, each tied to the target it counts towards.
      expect(res.body.reportMetrics.find((m: any) => m.key === 'participants')).toMatchObject({ zh: '参与职工人次', unitZh: '人次', countsTowards: 'participant_times', accrues: 'flow' });
      for (const m of res.body.reportMetrics) expect(res.body.metrics.find((c: any) => c.key === m.countsTowards)?.zh).toBe(m.zh);
      expect(res.body.commendationActions.map((a: any) => a.key)).toEqual(['revoke', 'withdraw', 'suspend', 'reinstate']);
      expect(res.body.presets.keyProjectAssessment.criteria.map((c: any) => c.name)).toContain('比文明施工');
    });
  });

  describe('what each caller is offered', () => {
    const offered = async (campaignId: string, token: string) => ok(await t.get(`/api/v1/campaigns/${campaignId}`, token)).body.allowedActions as string[];

    it('offers the campaign’s actions to its organising committee only, each one with a route, and accepts them', async () => {
      ok(await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-offers' }), city), 201);
      expect(await offered('jj-offers', city)).toEqual(['amend_draft', 'publish', 'close']);
      ok(await t.post('/api/v1/campaigns/jj-offers/publish', {}, city));
      // The organiser: amend the rules or close; never the window's closing, which has no route.
      expect(await offered('jj-offers', city)).toEqual(['amend_rules', 'close']);
      const labels = ok(await t.get('/api/v1/campaigns/jj-offers', city)).body.allowedActionLabels;
      expect(labels).toEqual([{ action: 'amend_rules', label: '修改竞赛规则' }, { action: 'close', label: '结束竞赛活动' }]);
      // A county committee that does not organise it and an administrator may read it and do nothing to it; a unit may enter a project.
      for (const token of [xunyang, admin]) {
        expect(await offered('jj-offers', token)).toEqual([]);
        expect(ok(await t.get('/api/v1/campaigns/jj-offers', token)).body.allowedActionLabels).toEqual([]);
      }
      expect(await offered('jj-offers', unitA)).toEqual(['draft_project']);
      expect((await t.post('/api/v1/campaigns/jj-offers/close', {}, xunyang)).body.code).toBe('CAMPAIGN.FORBIDDEN');
      expect((await t.post('/api/v1/campaigns/jj-offers/close', {}, unitA)).body.code).toBe('AUTH.ROLE_REQUIRED');
      // What the organiser is offered is accepted.
      ok(await t.post('/api/v1/campaigns/jj-offers/rules-amendments', { changes: { reportingCadence: 'monthly' }, reason: '按月报送' }, city));
      ok(await t.post('/api/v1/campaigns/jj-offers/close', { reason: '测试结束' }, city));
      expect(await offered('jj-offers', city)).toEqual([]);
    });
  });

  describe('closing', () => {
    it('closes once; closing again is an illegal transition', async () => {
      const first = await t.post('/api/v1/campaigns/xy-2021/close', { reason: '合并到市级竞赛' }, xunyang);
      expect(first.status).toBe(200);
      expect(first.body.events).toEqual(['CampaignClosed']);
      // No body at all (no Content-Type either) is an empty request, not an error.
      const again = await t.request('POST', '/api/v1/campaigns/xy-2021/close', { token: xunyang });
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({ code: 'CAMPAIGN.ILLEGAL_TRANSITION', currentState: 'closed', allowedActions: [] });
      const amend = await t.post('/api/v1/campaigns/xy-2021/rules-amendments', { changes: { reportingCadence: 'monthly' }, reason: '调整频次' }, xunyang);
      expect(amend.status).toBe(409);
      expect(amend.body.messageEn).toBe('The campaign is closed; it cannot have its rules amended. The campaign is over; its rules can no longer change.');
      expect(amend.body.messageZh).not.toContain('草稿');
      const notOrganiser = await t.post('/api/v1/campaigns/jj-2021/close', {}, xunyang);
      expect(notOrganiser.status).toBe(403);
      expect(notOrganiser.body.code).toBe('CAMPAIGN.FORBIDDEN');
      expect((await t.post('/api/v1/campaigns/nope/publish', {}, city)).status).toBe(404);
    });
  });

  describe('the campaign period', () => {
    it('is shown, as it decides the reports owed; a period that is no real span of dates is refused', async () => {
      const period = { startsOn: '2021-07-01', endsOn: '2022-06-30' };
      expect((await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-span', campaignPeriod: period }), city)).status).toBe(201);
      const got = await t.get('/api/v1/campaigns/jj-span', city);
      expect(got.body.rules.campaignPeriod).toEqual(period);
      expect(got.body.reportingSpan).toEqual({ ...period, fromCampaignPeriod: true });
      const unreal = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-feb30', campaignPeriod: { startsOn: '2021-02-30', endsOn: '2021-12-31' } }), city);
      expect(unreal.status).toBe(400);
      expect(unreal.body.errors.map((e: any) => e.field)).toEqual(['campaignPeriod.startsOn']);
      const reversed = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-rev', campaignPeriod: { startsOn: '2021-12-31', endsOn: '2021-07-01' } }), city);
      expect(reversed.body.errors.map((e: any) => e.field)).toEqual(['campaignPeriod']);
      const list = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-arr', campaignPeriod: [] }), city);
      expect(list.status).toBe(400);
      expect(list.body.code).toBe('REQUEST.INVALID');
    });
  });

  describe('ranking on z-scores', () => {
    it('takes a ranking on per-assessor z-scores by its versioned name, and shows it in the statistics', async () => {
      const zs = ok(await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-z', assessment: { ...keyProjectScheme(), normalisation: 'z_score_v1' } }), city), 201);
      expect(zs.body.events).toEqual(['CampaignCreated']);
      expect(ok(await t.get('/api/v1/campaigns/jj-z', city)).body).toMatchObject({ rules: { assessment: { normalisation: 'z_score_v1' } } });
      expect(ok(await t.get('/api/v1/statistics/assessment?campaignId=jj-z', city)).body.ranking).toEqual({ basis: 'z_score_v1', label: '按评估专家标准分（z 分数，第 1 版）排名' });
      const bogus = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'jj-z2', assessment: { ...keyProjectScheme(), normalisation: 'z_score' } }), city);
      expect(bogus.body).toMatchObject({ status: 400, errors: [{ field: 'assessment.normalisation' }] });
    });
  });

  it('lets a union that runs a committee’s work organise its own campaign (review 47 #8)', async () => {
    const provinceUnion = await t.token({ userId: 'u-jx-c', roles: ['committee'], orgId: 'jx' });
    const made = await t.post('/api/v1/campaigns', jiujiangCampaign({ campaignId: 'x-jx' }), provinceUnion);
    expect(made.status).toBe(201);
  });
});
