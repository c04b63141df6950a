import { projectDecider } from '@jingsai/competitions';
import { PROJECTION_RUNNER, ReadConsistency } from '@jingsai/api-kit';
import { DerivedHonourAgainService, awardRoundDecider } from '@jingsai/awards';
import { AggregateRepository, EVENT_STORE, EventStore, ProjectionRunner } from '@jingsai/event-store';
import { Actor, DomainError } from '@jingsai/shared';
import { expectStatus as ok, readYourWrites, registerJiujiangTree } from '../support/http-steps';
import { TestApp } from '../support/test-app';

/*
 * Commendation end to end on the Jiujiang 2021 campaign: units that entered on time, were graded
 * and summarised are nominated for the May Day certificate (quota 2, one substitute), reviewed
 * level by level, cleared by departments, published, objected to, conferred and later revoked.
 * The late unit shows on the eligibility board as ineligible, with the reason.
 */
const scheme = {
  criteria: [{ key: 'quality', name: '比质量', weight: 50 }, { key: 'schedule', name: '比工期', weight: 50 }],
  scale: { min: 0, max: 100 }, minAssessors: 1, aggregation: 'mean',
  gradeBands: [{ grade: 'excellent', minScore: 90 }, { grade: 'good', minScore: 80 }, { grade: 'pass', minScore: 60 }, { grade: 'fail', minScore: 0 }], disagreementThreshold: 15,
};
const campaign = {
  campaignId: 'jj-2021', title: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛', theme: '建功“十四五”', year: 2021, categories: ['skills'],
  applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-22T23:59:59+08:00' }, reportingCadence: 'quarterly', assessment: scheme, approvalLevels: ['city'], targets: [],
};
/** A complete application; its plan runs in the campaign's year (2021 unless said). */
const application = (projectId: string, year = 2021) => ({
  projectId, campaignId: 'jj-2021', title: `技能比武 ${projectId}`, category: 'skills',
  registrationForm: { contactName: '张伟', contactPhone: '0792-8227328', headcount: 320, participatingEnterprises: 1 },
  implementationPlan: { goals: '技术革新 20 项', startsOn: `${year}-08-01`, endsOn: `${year}-12-31`, measures: '技能比武' },
});
const UNITS = { 'ent-a': 'non_public', 'ent-b': 'state_owned', 'ent-c': 'non_public', 'ent-late': 'non_public' } as const;

describe('commendation end to end (Jiujiang 2021, May Day certificate)', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};
  const { post, get, head, saw } = readYourWrites(() => t, tok);
  const R = '/api/v1/award-rounds/jj-cert';

  /** Assessment and summary through the project decider (their HTTP routes belong to the competitions context). */
  async function assessAndSummarise(projectId: string, orgId: string, grade: number) {
    const repo = t.app.get(AggregateRepository);
    const committee: Actor = { userId: 'u-jj', role: 'committee', orgId: 'jj' };
    const expert: Actor = { userId: 'u-expert', role: 'assessor', orgId: 'experts' };
    const unit: Actor = { userId: `u-${orgId}`, role: 'unit', orgId };
    const at = t.clock.now().toISOString();
    const steps: Array<[Actor, Record<string, unknown>]> = [
      [committee, { type: 'OpenAssessment', assessors: [{ userId: 'u-expert', orgId: 'experts', orgPath: [], name: '专家' }], projectOrgPath: ['jx', 'jj'], scheme, rulesVersion: 1 }],
      [expert, { type: 'RecordScore', assessorUserId: 'u-expert', scores: { quality: grade, schedule: grade } }],
      [committee, { type: 'FinalizeAssessment' }],
      [unit, { type: 'SubmitSummary', outcomes: { participants: 300 }, experience: '以赛促学' }],
      [committee, { type: 'AcceptSummary', note: '同意（本项目未报送期间数据，以总结为准）' }],
    ];
    for (const [actor, command] of steps) {
      const outcome = await repo.execute(`project-${projectId}`, projectDecider, { ...command, projectId, at, actor } as never, { actor, now: t.clock.now(), correlationId: 'test' });
      saw(outcome.position);
    }
  }

  /** A round of one young champion (nomination n-zhou), published from `startsOn`, the day after its workers' congress. */
  async function youthRound(roundId: string, awardType: string, champion: object, startsOn: string): Promise<string> {
    const RY = `/api/v1/award-rounds/${roundId}`;
    ok(await post('/api/v1/award-rounds', { roundId, campaignId: 'jj-2021', awardType, ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office'), 201);
    ok(await post(`${RY}/nominations`, { nominationId: 'n-zhou', ...champion }, 'county'), 201);
    ok(await post(`${RY}/nominations/n-zhou/recommend`, { workersCongressOn: t.clock.now().toISOString().slice(0, 10) }, 'ent-a'));
    ok(await post(`${RY}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn }, 'office'));
    return RY;
  }

  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-01T09:00:00+08:00' });
    tok.admin = await t.token({ userId: 'admin', roles: ['admin'], orgId: 'jx' });
    await registerJiujiangTree(post);
    ok(await post('/api/v1/organizations', { orgId: 'lx', name: '濂溪区总工会', kind: 'union', level: 'county', parentId: 'jj' }, 'admin'), 201);
    tok.lxOffice = await t.token({ userId: 'u-lx-office', roles: ['award_office'], orgId: 'lx' });
    tok.auditor = await t.token({ userId: 'u-audit', roles: ['auditor'], orgId: 'jx' });
    for (const [orgId, ownership] of Object.entries(UNITS)) {
      ok(await post('/api/v1/organizations', { orgId, name: `单位 ${orgId}`, kind: 'enterprise', level: 'enterprise', ownership, parentId: 'xy' }, 'admin'), 201);
      tok[orgId] = await t.token({ userId: `u-${orgId}`, roles: ['unit'], orgId });
    }
    tok.city = await t.token({ userId: 'u-jj', roles: ['committee'], orgId: 'jj' });
    tok.county = await t.token({ userId: 'u-xy', roles: ['committee'], orgId: 'xy' });
    tok.office = await t.token({ userId: 'u-office', roles: ['award_office'], orgId: 'jj' });
    tok.citizen = await t.token({ userId: 'u-worker', roles: ['unit'], orgId: 'ent-c' });
    ok(await post('/api/v1/campaigns', campaign, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-2021/publish', {}, 'city'));
    for (const id of ['a', 'b', 'c', 'late']) ok(await post('/api/v1/projects', application(`p-${id}`), `ent-${id}`), 201);
    t.clock.set('2021-07-20T10:00:00+08:00');
    for (const id of ['a', 'b', 'c']) {
      ok(await post(`/api/v1/projects/p-${id}/submit`, {}, `ent-${id}`));
      ok(await post(`/api/v1/projects/p-${id}/approve`, {}, 'city'));
    }
    t.clock.set('2021-07-23T09:00:00+08:00');
    expect((await post('/api/v1/projects/p-late/submit', {}, 'ent-late')).status).toBe(409);
    t.clock.set('2021-12-20T10:00:00+08:00');
    await assessAndSummarise('p-a', 'ent-a', 95);
    await assessAndSummarise('p-b', 'ent-b', 92);
    await assessAndSummarise('p-c', 'ent-c', 85);
    t.clock.set('2022-03-01T09:00:00+08:00');
  });
  afterAll(() => t.stop());

  it('shows the late unit ineligible on the eligibility board, with its reason', async () => {
    const board = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', 'office')).body;
    expect(board.scope).toMatchObject({ kind: 'subtree', orgId: 'jj', labelZh: expect.stringContaining('及所属单位') });
    // No round in the campaign at all yet: a preset judges, and the answer says so.
    expect(board.ruleSet).toMatchObject({ ruleSetId: 'preset:jiujiang_campaign_2021', basisZh: expect.stringContaining('本活动尚无评选轮次，暂按预设') });
    expect(board.items.map((i: any) => [i.projectId, i.eligible])).toEqual([['p-a', true], ['p-b', true], ['p-c', true], ['p-late', false]]);
    const late = ok(await get('/api/v1/eligibility/projects/p-late?awardType=may_day_certificate', 'office')).body;
    expect(late.unit).toMatchObject({ orgId: 'ent-late' });
    expect(late.failedReasons[0]).toMatchObject({ rule: 'applied_on_time', messageZh: expect.stringContaining('逾期报名（截止日期 2021-07-22），逾期报送已被拒收并记录') });
    expect(late.failedReasons[0].messageEn).toContain('applied late');
    // The status is named as the unit reads it on its board, not by its code.
    const summary = late.failedReasons.find((r: any) => r.rule === 'summary_accepted');
    expect(summary.messageZh).toContain(`（当前状态：${late.statusLabel.zh}）`);
    expect(summary.messageZh).not.toMatch(/当前状态：[a-z_]/);
    const unknown = await get('/api/v1/eligibility?campaignId=nope&awardType=may_day_certificate', 'office');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ code: 'CAMPAIGN.NOT_FOUND', messageZh: expect.stringContaining('nope') });
  });

  it('publishes a rule set and opens a round with its clearances copied on', async () => {
    const rules = ok(await t.get('/api/v1/rule-sets/presets', tok.office)).body.items.find((p: any) => p.key === 'jiujiang_campaign_2021').content.rules;
    const clearances = { byNomineeKind: { unit: ['tax', 'work_safety'] }, stateOwnedExtra: ['audit'] };
    const rs = ok(await post('/api/v1/rule-sets', { ruleSetId: 'jj-2021', citation: '九江市劳动竞赛委员会 2021', year: 2021, rules, clearances }, 'office'), 201);
    expect(rs.body).toMatchObject({ streamId: 'ruleSet-jj-2021', events: ['RuleSetVersionPublished'] });
    const round = { roundId: 'jj-cert', campaignId: 'jj-2021', awardType: 'may_day_certificate', ruleSetId: 'jj-2021', pools: [{ pool: 'regular', quota: 2 }], levels: ['unit', 'county', 'city'] };
    const made = ok(await post('/api/v1/award-rounds', round, 'office'), 201);
    expect(made.headers.etag).toBe('"0"');
    // Its rule set is of the campaign's year, for a certificate: nothing to warn of.
    expect(made.body.noteZh).toBeUndefined();
    const got = ok(await get(R, 'office'));
    expect(got.body).toMatchObject({ stage: 'nominating', stageLabel: { zh: '推荐中' }, honourLevel: 'city', ruleSet: { version: 1 }, allowedActions: expect.arrayContaining(['nominate']) });
    expect((await get('/api/v1/award-rounds', 'county')).body.items.map((r: any) => r.roundId)).toEqual(['jj-cert']);
    // The honour level is labelled where it is shown, as the round view labels it.
    expect((await get('/api/v1/award-rounds', 'office')).body.items[0]).toMatchObject({ honourLevel: 'city', honourLevelLabel: { zh: '市级', en: expect.any(String) } });
    expect(got.body).toMatchObject({ honourLevelLabel: { zh: '市级' } });
  });

  it('refuses an ineligible nominee with every failed reason and a nominee of the wrong kind, appending nothing', async () => {
    const before = await head();
    const late = await post(`${R}/nominations`, { nominee: { kind: 'unit', id: 'ent-late', name: '单位 ent-late' }, projectId: 'p-late' }, 'county');
    expect(late.status).toBe(422);
    expect(late.body).toMatchObject({ code: 'AWARD.NOMINEE_INELIGIBLE', messageZh: expect.stringContaining('不符合评选条件') });
    expect(late.body.failedReasons.map((r: any) => r.rule)).toEqual(['applied_on_time', 'summary_accepted', 'min_grade']);
    expect(late.body.failedReasons.every((r: any) => r.messageZh && r.messageEn)).toBe(true);
    expect(late.body.failedReasons.find((r: any) => r.rule === 'summary_accepted').messageZh).toMatch(/当前状态：[^a-z_]+）/);
    // Without its project, the project rules say once what to send, and the field is named as a form shows it (review 50 #11).
    const unlinked = (await post(`${R}/nominations`, { nominee: { kind: 'unit', id: 'ent-late', name: '单位 ent-late' } }, 'county')).body;
    expect(unlinked).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_INELIGIBLE', errors: [{ field: 'projectId' }] });
    expect(unlinked.messageZh.match(/请在推荐中填写项目编号（projectId）/g)).toHaveLength(1);
    const person = await post(`${R}/nominations`, { nominee: { kind: 'person', id: 'p-zhang', name: '张师傅', orgId: 'ent-a' }, projectId: 'p-a' }, 'county');
    expect(person.status).toBe(422);
    expect(person.body).toMatchObject({ code: 'AWARD.NOMINEE_KIND_MISMATCH', messageZh: expect.stringContaining('五一劳动奖状只能推荐单位') });
    expect(await head()).toBe(before);
  });

  it('nominates, reviews level by level and records department clearances', async () => {
    const nominate = (id: string, substitute = false) =>
      post(`${R}/nominations`, { nominationId: `n-${id}`, nominee: { kind: 'unit', id: `ent-${id}`, name: `单位 ent-${id}` }, projectId: `p-${id}`, substitute }, 'county');
    for (const id of ['a', 'b']) expect(ok(await nominate(id), 201).body).toMatchObject({ id: 'jj-cert', itemId: `n-${id}`, events: ['NominationSubmitted'] });
    expect((await nominate('c')).body.code).toBe('AWARD.QUOTA_EXCEEDED');
    ok(await nominate('c', true), 201);
    // On the list now reads as such, not as a bar beside real ones (review 49 #8, 50 #9); the late unit still reads not eligible.
    const listed = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', 'office')).body.items;
    expect(listed.map((i: any) => [i.projectId, i.eligible, i.verdict, i.verdictLabel.zh])).toEqual([
      ['p-a', false, 'nominated', '已推荐（本轮名单中）'], ['p-b', false, 'nominated', '已推荐（本轮名单中）'], ['p-c', false, 'nominated', '已推荐（本轮名单中）'], ['p-late', false, 'ineligible', '不符合条件'],
    ]);
    const unreviewed = await head();
    // Each level is taken by that level of the tree: the nominee's unit cannot pass its own county or city review.
    const selfReview = await post(`${R}/nominations/n-a/review`, { level: 'county', decision: 'approved' }, 'ent-a');
    expect(selfReview.body).toMatchObject({ status: 403, code: 'AWARD.REVIEW_LEVEL_FORBIDDEN', messageZh: expect.stringContaining('县级竞赛委员会或评选表彰办公室') });
    expect((await post(`${R}/nominations/n-a/review`, { level: 'county', decision: 'approved' }, 'office')).body).toMatchObject({ status: 403, code: 'AWARD.REVIEW_LEVEL_FORBIDDEN' });
    ok(await post(`${R}/nominations/n-a/recommend`, { workersCongressOn: '2022-02-25' }, 'ent-a'));
    expect((await post(`${R}/nominations/n-a/review`, { level: 'county', decision: 'approved' }, 'ent-a')).body).toMatchObject({ status: 403, code: 'AWARD.REVIEW_LEVEL_FORBIDDEN' });
    expect((await post(`${R}/nominations/n-b/recommend`, { workersCongressOn: '2022-02-25' }, 'ent-a')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    expect((await post(`${R}/nominations/n-a/review`, { level: 'city', decision: 'approved' }, 'county')).body).toMatchObject({ status: 403, code: 'AWARD.REVIEW_LEVEL_FORBIDDEN' });
    // Levels by their Chinese names wherever a refusal names one.
    expect((await post(`${R}/nominations/n-a/review`, { level: 'city', decision: 'approved' }, 'citizen')).body.messageZh).toMatch(/^市级意见只能由/);
    expect(await head()).toBe(unreviewed + 1);
    for (const id of ['a', 'b', 'c']) {
      expect((await post(`${R}/nominations/n-${id}/review`, { level: 'city', decision: 'approved' }, 'city')).body.code).toBe('AWARD.REVIEW_OUT_OF_ORDER');
      if (id !== 'a') ok(await post(`${R}/nominations/n-${id}/recommend`, { workersCongressOn: '2022-02-25' }, `ent-${id}`));
      ok(await post(`${R}/nominations/n-${id}/review`, { level: 'county', decision: 'approved' }, 'county'));
      ok(await post(`${R}/nominations/n-${id}/review`, { level: 'city', decision: 'approved', note: '同意' }, 'city'));
    }
    const early = await post(`${R}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2022-03-14' }, 'office');
    expect(early.status).toBe(422);
    expect(early.body.code).toBe('AWARD.CLEARANCES_OUTSTANDING');
    const view = ok(await get(R, 'office')).body;
    expect(view.nominations.find((n: any) => n.nominationId === 'n-b').clearances.map((c: any) => c.department)).toEqual(['tax', 'work_safety', 'audit']);
    expect(view.nominations.find((n: any) => n.nominationId === 'n-c')).toMatchObject({ statusLabel: { zh: '递补人选' }, clearances: [{ statusLabel: { zh: '待反馈' } }, { statusLabel: { zh: '待反馈' } }] });
    for (const id of ['a', 'b', 'c']) {
      for (const department of view.nominations.find((n: any) => n.nominationId === `n-${id}`).clearances.map((c: any) => c.department)) {
        ok(await post(`${R}/nominations/n-${id}/clearances`, { department, decision: 'granted', note: '无不良记录' }, 'office'));
      }
    }
    const forbidden = await post(`${R}/nominations/n-a/clearances`, { department: 'tax', decision: 'granted' }, 'county');
    expect(forbidden.body.code).toBe('AUTH.ROLE_REQUIRED');
    // A county's award office works in the city's round, but the sign-offs are the city office's: it is told so, not that the round is out of its scope (review 54 #5).
    const below = await post(`${R}/nominations/n-a/clearances`, { department: 'tax', decision: 'granted' }, 'lxOffice');
    expect(below.body).toMatchObject({ status: 403, code: 'AWARD.ROUND_OFFICE_ONLY', roundOrgId: 'jj', action: 'grant_clearance', messageZh: expect.stringMatching(/^“出具征求意见（同意）”由主办本轮评选的.+评选表彰办公室（或其上级）办理/) });
    expect(below.body.messageEn).toMatch(/^grant_clearance is for the award office running this round/);
    // The nominations are also a list of their own, a page at a time, and each can be read alone, as the round view shows them.
    const page = ok(await get(`${R}/nominations?limit=2&offset=1`, 'office')).body;
    const all = ok(await get(R, 'office')).body.nominations;
    expect(page).toMatchObject({ total: all.length, limit: 2, offset: 1, roundId: 'jj-cert' });
    expect(page.items).toEqual(all.slice(1, 3));
    expect(ok(await get(`${R}/nominations/n-a`, 'office')).body).toEqual({ roundId: 'jj-cert', ...all.find((n: any) => n.nominationId === 'n-a') });
    expect((await get(`${R}/nominations/n-zz`, 'office')).body).toMatchObject({ status: 404, code: 'AWARD.NOMINATION_NOT_FOUND' });
    // Review levels are named in Chinese too, on the round as on each nomination.
    expect(ok(await get(R, 'office')).body.levelLabels.map((l: any) => l.zh)).toEqual(['推荐单位', '县级', '市级']);
    for (const n of all) expect(n.levelsPassedLabels.map((l: any) => typeof l.zh)).toEqual(n.levelsPassed.map(() => 'string'));
  });

  it('runs the public notice: an upheld objection promotes the substitute, a dismissed one leaves the nomination', async () => {
    ok(await post(`${R}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2022-03-14' }, 'office'));
    // Given ahead of its first day, the notice reads as not yet begun, on the round and in the list.
    expect(ok(await get(R, 'office')).body).toMatchObject({ stage: 'notice', stageLabel: { zh: '公示待开始' }, notice: { firstDayCounted: false, summary: '公示 5 天（含工作日 5 天）：2022-03-14 至 2022-03-18' } });
    expect(ok(await get('/api/v1/award-rounds', 'office')).body.items.find((r: any) => r.roundId === 'jj-cert')).toMatchObject({ stageLabel: { zh: '公示待开始' } });
    t.clock.set('2022-03-15T10:00:00+08:00');
    expect(ok(await get(R, 'office')).body.stageLabel.zh).toBe('公示中');
    const before = await head();
    const anonymous = await post(`${R}/objections`, { nominationId: 'n-a', grounds: '材料不实' }, 'citizen');
    expect(anonymous.status).toBe(400);
    expect(anonymous.body).toMatchObject({ code: 'AWARD.OBJECTOR_IDENTITY_REQUIRED', messageZh: expect.stringContaining('实名') });
    // The nominee kinds' word (person) for the objector's is refused naming the field as what it is, not as 个人 (review 50 #14).
    const asNominee = (await post(`${R}/objections`, { nominationId: 'n-a', objector: { kind: 'person', realName: '李四', contact: '13800000000' }, grounds: '材料不实' }, 'citizen')).body;
    expect(asNominee).toMatchObject({ status: 400, errors: [{ field: 'objector.kind', messageZh: expect.stringContaining('异议人类别') }] });
    expect(await head()).toBe(before);
    const o1 = ok(await post(`${R}/objections`, { objectionId: 'o-1', nominationId: 'n-a', objector: { kind: 'individual', realName: '李四', contact: '13800000000' }, grounds: '安全台账造假' }, 'citizen'), 201);
    expect(o1.body.events).toEqual(['ObjectionRaised']);
    // An open objection offers its resolution to the award office, on the objection itself.
    const objectionActions = async (who: string) => ok(await get(R, who)).body.objections.find((o: any) => o.objectionId === 'o-1').allowedActions;
    expect(await objectionActions('office')).toEqual(['resolve_objection']);
    expect(await objectionActions('county')).toEqual([]);
    ok(await post(`${R}/objections`, { objectionId: 'o-2', nominationId: 'n-b', objector: { kind: 'organization', orgName: '某公司', sealRef: 'seal-77' }, grounds: '质量问题' }, 'citizen'), 201);
    expect((await post(`${R}/confer`, {}, 'office')).body.code).toBe('AWARD.NOTICE_NOT_ENDED');
    const upheld = ok(await post(`${R}/objections/o-1/resolve`, { outcome: 'upheld', note: '经核查属实' }, 'office'));
    expect(upheld.body.events).toEqual(['ObjectionUpheld', 'NominationWithdrawnAfterObjection', 'SubstitutePromoted']);
    expect(ok(await post(`${R}/objections/o-2/resolve`, { outcome: 'dismissed', note: '经核查不属实' }, 'office')).body.events).toEqual(['ObjectionDismissed']);
    const settled = await head();
    const changed = await post(`${R}/objections/o-1/resolve`, { outcome: 'dismissed', note: '改判' }, 'office');
    expect(changed.status).toBe(409);
    expect(changed.body).toMatchObject({ status: 409, code: 'AWARD.OBJECTION_ALREADY_RESOLVED', currentOutcome: 'upheld', messageZh: expect.stringContaining('属实') });
    expect(await head()).toBe(settled);
    const view = ok(await get(R, 'office')).body;
    expect(view.nominations.map((n: any) => [n.nominationId, n.status, n.primary])).toEqual([['n-a', 'withdrawn', false], ['n-b', 'active', true], ['n-c', 'active', true]]);
    // The notice says who was published and as what: n-c, promoted now, was published as a substitute.
    // Each with its organisation's registered name, as a 公示 names the 单位 (review 54 #6).
    const unit = (org: string) => ({ kind: 'unit', kindLabel: expect.objectContaining({ zh: expect.any(String) }), orgId: org, orgName: `单位 ${org}` });
    expect(view.notice.listed).toEqual([
      { nominationId: 'n-a', name: '单位 ent-a', substitute: false, ...unit('ent-a') }, { nominationId: 'n-b', name: '单位 ent-b', substitute: false, ...unit('ent-b') },
      { nominationId: 'n-c', name: '单位 ent-c', substitute: true, ...unit('ent-c') },
    ]);
    // The withdrawn nomination says why, naming the objection, as a removal does.
    expect(view.nominations[0].removal).toEqual({ reason: 'objection_upheld', objectionId: 'o-1', reasonLabel: { zh: '异议经核实属实，撤回推荐', en: 'withdrawn after an upheld objection' } });
    expect(view.objections.map((o: any) => [o.objectionId, o.status, o.note])).toEqual([['o-1', 'upheld', '经核查属实'], ['o-2', 'dismissed', '经核查不属实']]);
    expect(view.objections[0].objector).toMatchObject({ realName: '李四' });
    // The objections are a list and a detail of their own too, as the round view shows them.
    expect(ok(await get(`${R}/objections?limit=1&offset=1`, 'office')).body).toMatchObject({ total: 2, items: [view.objections[1]] });
    expect(ok(await get(`${R}/objections/o-1`, 'office')).body).toEqual({ roundId: 'jj-cert', ...view.objections[0] });
    expect((await get(`${R}/objections/o-9`, 'office')).body).toMatchObject({ status: 404, code: 'AWARD.OBJECTION_NOT_FOUND' });
    // Whoever raised an objection follows it to its outcome, though the nominee is not theirs to see (ent-c objected to ent-a and ent-b).
    const own = ok(await get(`${R}/objections`, 'citizen')).body.items;
    expect(own.map((o: any) => [o.objectionId, o.status, o.note])).toEqual([['o-1', 'upheld', '经核查属实'], ['o-2', 'dismissed', '经核查不属实']]);
    expect(own[0].objector).toMatchObject({ realName: '李四' });
    expect(ok(await get(R, 'citizen')).body.nominations.map((n: any) => n.nominationId)).toEqual(['n-c']);
    // An auditor of another city may object here (any auditor may); once it has, it reads the round to follow its objection: no nominee, no one else's.
    ok(await post('/api/v1/organizations', { orgId: 'nc', name: '南昌市总工会', kind: 'union', level: 'city', parentId: 'jx' }, 'admin'), 201);
    const elsewhere = await t.token({ userId: 'u-nc-audit', roles: ['auditor'], orgId: 'nc' });
    expect((await t.get(R, elsewhere)).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    const raised = await t.post(`${R}/objections`, { objectionId: 'o-3', nominationId: 'n-c', objector: { kind: 'individual', realName: '王五', contact: '13900000000' }, grounds: '台账存疑' }, elsewhere);
    expect(raised.status).toBe(201);
    const seen = ok(await t.get(`${R}?minPosition=${raised.body.position}`, elsewhere)).body;
    expect([seen.nominations, seen.honours, seen.objections.map((o: any) => [o.objectionId, o.status])]).toEqual([[], [], [['o-3', 'open']]]);
    ok(await post(`${R}/objections/o-3/resolve`, { outcome: 'dismissed', note: '经核查不属实' }, 'office'));
    // Five working days from Monday 2022-03-14: to Friday the 18th.
    expect(view.notice).toMatchObject({ calendarDays: 5, workingDays: 5, summary: '公示 5 天（含工作日 5 天）：2022-03-14 至 2022-03-18' });
    // Every status a console shows carries its Chinese label.
    expect(view.nominations.map((n: any) => n.statusLabel.zh)).toEqual(['已因异议撤回', '推荐中', '推荐中']);
    expect(view.objections.map((o: any) => o.statusLabel.zh)).toEqual(['属实', '不属实']);
    expect(view.nominations[1].clearances.map((c: any) => c.statusLabel.zh)).toEqual(['同意', '同意', '同意']);
    // Objectors' names and phones go to the organising office and auditors only; another county sees none of 浔阳's nominees.
    const county = ok(await get(R, 'county')).body;
    expect(county.objections.map((o: any) => [o.objectionId, 'objector' in o])).toEqual([['o-1', false], ['o-2', false], ['o-3', false]]);
    expect(ok(await get(R, 'auditor')).body.objections[0].objector).toMatchObject({ realName: '李四', contact: '13800000000' });
    const sibling = ok(await get(R, 'lxOffice')).body;
    expect([sibling.nominations, sibling.objections, sibling.slate.pendingClearances]).toEqual([[], [], []]);
    expect(JSON.stringify(sibling)).not.toContain('13800000000');
    // The published list (公示) is public in the round's area: the sibling county reads it whole, as a unit that objects does.
    expect(sibling.notice.listed).toEqual(view.notice.listed);
    expect(ok(await get(R, 'citizen')).body.notice.listed).toEqual(view.notice.listed);
    // Asked for one listed nominee of 浔阳, the sibling is told it is on the list and where its file is shown, not that it does not exist.
    const listedOne = view.notice.listed[0];
    expect((await get(`${R}/nominations/${listedOne.nominationId}`, 'lxOffice')).body).toMatchObject({ status: 403, code: 'AWARD.NOMINATION_OUT_OF_SCOPE', listed: listedOne, messageZh: expect.stringContaining('在本轮公示名单中') });
    expect((await get(`${R}/nominations/n-nobody`, 'lxOffice')).body).toMatchObject({ status: 404, code: 'AWARD.NOMINATION_NOT_FOUND' });
  });

  it('records the end of the notice when its last day passed, confers exactly the quota once under concurrent requests, and a revoked honour never checks valid', async () => {
    t.clock.set('2022-03-18T23:00:00+08:00');
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    expect(ok(await t.get(R, tok.office)).body.stage).toBe('notice');
    t.clock.set('2022-03-19T08:00:00+08:00');
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    const ended = ok(await t.get(R, tok.office));
    expect(ended.body).toMatchObject({ stage: 'notice_ended', stageLabel: { zh: '公示已结束' } });
    expect((await t.app.get<EventStore>(EVENT_STORE).readStream('awardRound-jj-cert')).filter((e) => e.type === 'PublicNoticeEnded').map((e) => e.metadata.actor.role)).toEqual(['system']);
    const attempts = await Promise.all([1, 2, 3, 4].map(() => post(`${R}/confer`, {}, 'office')));
    expect(attempts.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of attempts.filter((x) => x.status !== 200)) expect(r.body).toMatchObject({ status: 409, code: 'AWARD.ILLEGAL_TRANSITION', currentState: 'conferred' });
    const extra = await post(`${R}/confer`, {}, 'office');
    expect(extra.body).toMatchObject({ status: 409, code: 'AWARD.ILLEGAL_TRANSITION' });
    const honours = ok(await get('/api/v1/honours?roundId=jj-cert', 'office')).body;
    expect(honours.items.map((h: any) => [h.recipient.id, h.status]).sort()).toEqual([['ent-b', 'valid'], ['ent-c', 'valid']]);
    // A nomination that led to an honour reads as conferred, naming the honour.
    expect(ok(await get(`${R}/nominations/n-b`, 'office')).body).toMatchObject({ status: 'conferred', statusLabel: { zh: '已表彰' }, honourId: 'jj-cert/n-b' });
    const id = encodeURIComponent('jj-cert/n-b');
    expect(ok(await get(`/api/v1/honours/${id}/check`, 'citizen')).body).toMatchObject({ valid: true, status: 'valid', level: 'city', levelLabel: { zh: '市级' } });
    // Spelt out as it reads, slash and all, the id names the same honour.
    expect(ok(await get('/api/v1/honours/jj-cert/n-b/check', 'citizen')).body).toMatchObject({ valid: true, status: 'valid' });
    expect(ok(await get('/api/v1/honours/jj-cert/n-b', 'office')).body.honourId).toBe('jj-cert/n-b');
    expect(honours.items[0]).toMatchObject({ level: 'city', levelLabel: { zh: '市级' } });
    // Each row says where it is read (its id holds a '/').
    for (const h of honours.items) expect(ok(await get(h.href, 'office')).body.honourId).toBe(h.honourId);
    // What may be done to it now, to whom: the round's award office, on the round's routes; the auditor reads only.
    expect(ok(await get(honours.items[0].href, 'office')).body.allowedActions).toEqual(['revoke_honour', 'withdraw_honour', 'suspend_honour']);
    expect(ok(await get(honours.items[0].href, 'auditor')).body.allowedActions).toEqual([]);
    // Its changes are commands on the round: the detail's ETag is the round's revision, and a stale one is refused as a lost update.
    const detail = ok(await get(`/api/v1/honours/${id}`, 'office'));
    const roundTag = ok(await get(R, 'office')).headers.etag;
    expect(detail.headers.etag).toBe(roundTag);
    expect(detail.body.roundRevision).toBe(Number(JSON.parse(String(roundTag))));
    const stale = await t.post(`${R}/honours/n-b/suspend`, { reason: '核查中' }, tok.office, { 'if-match': `"${detail.body.roundRevision - 1}"` });
    expect(stale.body).toMatchObject({ status: 412, code: 'STREAM.REVISION_MISMATCH' });
    // Its history reads in words: what happened, the status it led to, who (by role).
    expect(ok(await get(honours.items[0].href, 'office')).body.history[0]).toMatchObject({ event: 'HonourConferred', eventLabel: '授予', statusLabel: { zh: '有效' }, actorRoleLabel: '评选表彰办公室' });
    expect(ok(await get(R, 'office')).body.honours).toEqual([expect.objectContaining({ level: 'city', levelLabel: { zh: '市级', en: expect.any(String) } }), expect.anything()]);
    // The register lists the recipients of one's own subtree; the check stays open to anyone signed in.
    expect(ok(await get('/api/v1/honours', 'lxOffice')).body).toMatchObject({ items: [], total: 0, scope: { kind: 'subtree', orgId: 'lx' } });
    expect((await get(`/api/v1/honours/${id}`, 'lxOffice')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    expect(ok(await get(`/api/v1/honours/${id}/check`, 'lxOffice')).body.valid).toBe(true);
    expect(ok(await get('/api/v1/honours', 'auditor')).body.total).toBe(2);
    // The auditor's replay of the round says what its view says: conferred, and on what grounds and notes each step was taken.
    const replayed = ok(await get('/api/v1/audit/streams/awardRound-jj-cert/state', 'auditor')).body.state;
    expect(replayed.nominations.find((n: any) => n.nominationId === 'n-b')).toMatchObject({ status: 'conferred', honourId: 'jj-cert/n-b', steps: expect.arrayContaining([expect.objectContaining({ step: 'ClearanceGranted' })]) });
    expect(replayed.objections.find((o: any) => o.objectionId === 'o-1')).toMatchObject({ status: 'upheld', grounds: '安全台账造假', note: '经核查属实', objector: { realName: '李四' }, raisedAt: expect.any(String), resolvedAt: expect.any(String) });
    t.clock.set('2023-05-10T10:00:00+08:00');
    expect((await post(`${R}/honours/n-b/revoke`, { reason: '以弄虚作假取得荣誉', mode: 'natural' }, 'office')).body).toMatchObject({ status: 400, code: 'REQUEST.FIELD_NOT_APPLICABLE', errors: [{ field: 'mode' }] });
    expect(ok(await post(`${R}/honours/n-b/revoke`, { reason: '以弄虚作假取得荣誉' }, 'office')).body.events).toEqual(['HonourRevoked']);
    // The nomination says what became of its honour, as the honour does (review 40 #4).
    expect(ok(await get(`${R}/nominations/n-b`, 'office')).body).toMatchObject({ status: 'conferred', statusLabel: { zh: '已表彰（荣誉已撤销）' }, honourStatus: 'revoked', honourStatusLabel: { zh: '已撤销' } });
    expect((await post(`${R}/honours/${id}/reinstate`, { reason: '恢复' }, 'office')).body.code).toBe('AWARD.HONOUR_ILLEGAL_TRANSITION');
    expect((await post(`${R}/honours/jj-cert/n-b/reinstate`, { reason: '恢复' }, 'office')).body.code).toBe('AWARD.HONOUR_ILLEGAL_TRANSITION');
    // Asked at once, without minPosition: the check itself waits for the register.
    const check = ok(await t.get(`/api/v1/honours/${id}/check`, tok.citizen)).body;
    expect(check).toMatchObject({ valid: false, status: 'revoked', statusLabel: { zh: '已撤销' }, reason: '以弄虚作假取得荣誉' });
    // Each of the round's honours offers the changes its status allows: the revoked one none.
    expect(ok(await get(R, 'office')).body.honours.map((h: any) => [h.nominationId, h.allowedActions])).toEqual([
      ['n-b', []], ['n-c', ['revoke_honour', 'withdraw_honour', 'suspend_honour']],
    ]);
    // The round list still counts two conferred, and one held now.
    expect(ok(await get('/api/v1/award-rounds', 'office')).body.items.find((r: any) => r.roundId === 'jj-cert')).toMatchObject({ honoursConferred: 2, honoursHeld: 1 });
    expect(ok(await get('/api/v1/honours?recipientId=ent-b', 'office')).body.items[0].history.map((h: any) => h.status)).toEqual(['valid', 'revoked']);
    // It stays in the register with its history, and drops out of the current honours.
    expect(ok(await get('/api/v1/honours?recipientId=ent-b', 'office')).body.items[0]).toMatchObject({ status: 'revoked', current: false });
    expect(ok(await get('/api/v1/honours?recipientId=ent-b&current=true', 'office')).body).toMatchObject({ items: [], total: 0 });
    // The board judges by the campaign's round: nominated units cannot be nominated in it again; a held honour bars a repeat, a revoked one no longer does.
    const board = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', 'office')).body;
    expect(board.ruleSet).toEqual({ ruleSetId: 'jj-2021', version: 1, basisZh: '按本活动该奖项评选轮次 jj-cert 所用的规则集 jj-2021 第 1 版判定。' });
    expect(board.awardTypeLabel).toMatchObject({ zh: '五一劳动奖状' });
    expect(board.items.find((i: any) => i.projectId === 'p-late')).toMatchObject({ verdict: 'ineligible', verdictLabel: { zh: '不符合条件' }, status: 'draft', statusLabel: { zh: '草稿' } });
    expect(board.items.map((i: any) => [i.projectId, i.failedReasons.map((r: any) => r.rule)])).toEqual([
      ['p-a', ['no_double_nomination']], ['p-b', ['no_double_nomination']], ['p-c', ['no_double_nomination', 'no_repeat_honour']], ['p-late', ['applied_on_time', 'summary_accepted', 'min_grade']],
    ]);
    // A nomination that led to an honour is named as conferred, one withdrawn after an objection as such.
    const reasonOf = (projectId: string) => board.items.find((i: any) => i.projectId === projectId).failedReasons[0].messageZh;
    expect(reasonOf('p-b')).toContain('已表彰');
    expect(reasonOf('p-a')).toContain('已因异议撤回');
    // Holding the honour is a state of its own: the winner is not shown as disqualified (review 49 #8, 50 #9). A nomination withdrawn
    // after an upheld objection, or one whose honour was revoked, is a bar and reads not eligible (review 51 #1).
    expect(board.items.map((i: any) => [i.projectId, i.eligible, i.verdict, i.verdictLabel.zh])).toEqual([
      ['p-a', false, 'ineligible', '不符合条件'], ['p-b', false, 'ineligible', '不符合条件'], ['p-c', false, 'honoured', '已获该荣誉'], ['p-late', false, 'ineligible', '不符合条件'],
    ]);
    expect(reasonOf('p-b')).toContain('荣誉已撤销');
  });

  it('never answers valid for an honour revoked a moment ago, even while the read models lag behind', async () => {
    const id = encodeURIComponent('jj-cert/n-c');
    expect(ok(await get(`/api/v1/honours/${id}/check`, 'citizen')).body.valid).toBe(true);
    const runner = t.app.get<ProjectionRunner>(PROJECTION_RUNNER);
    await runner.stop();
    const office: Actor = { userId: 'u-office', role: 'award_office', orgId: 'jj' };
    const revoke = { type: 'RevokeHonour', roundId: 'jj-cert', honourId: 'jj-cert/n-c', reason: '材料造假', at: t.clock.now().toISOString(), actor: office } as const;
    await t.app.get(AggregateRepository).execute('awardRound-jj-cert', awardRoundDecider, revoke, { actor: office, now: t.clock.now(), correlationId: 'test' });
    const answer = t.get(`/api/v1/honours/${id}/check`, tok.citizen);
    setTimeout(() => void runner.start(), 200);
    expect(ok(await answer).body).toMatchObject({ valid: false, status: 'revoked', reason: '材料造假' });
  });

  it('removes at conferral a nominee whose unit had a safety accident since its nomination, says why, and confers nothing on it', async () => {
    const R2 = '/api/v1/award-rounds/jj-cert-2';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-cert-2', campaignId: 'jj-2021', awardType: 'may_day_certificate', ruleSetId: 'jj-2021', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office'), 201);
    ok(await post(`${R2}/nominations`, { nominationId: 'n-a2', nominee: { kind: 'unit', id: 'ent-a', name: '单位 ent-a' }, projectId: 'p-a' }, 'county'), 201);
    ok(await post(`${R2}/nominations/n-a2/recommend`, { workersCongressOn: '2023-05-09' }, 'ent-a'));
    const nominated = ok(await get(R2, 'office')).body.nominations[0];
    expect(nominated.verdict.eligible).toBe(true);
    for (const { department } of nominated.clearances) ok(await post(`${R2}/nominations/n-a2/clearances`, { department, decision: 'granted', note: '无不良记录' }, 'office'));
    // Published during its first day, at 10:00: the day counts, and the answer says so.
    ok(await post(`${R2}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-05-10' }, 'office'));
    expect(ok(await get(R2, 'office')).body.notice).toMatchObject({ firstDayCounted: true, summary: '公示 7 天（含工作日 5 天）：2023-05-10 至 2023-05-16，含发布当日（10:00 发布）' });
    t.clock.set('2023-05-15T10:00:00+08:00');
    // An objection about the accident is dismissed (the office had not heard of it yet); the conferral then removes the nominee for it.
    ok(await post(`${R2}/objections`, { objectionId: 'o-a2', nominationId: 'n-a2', objector: { kind: 'individual', realName: '赵六', contact: '13700000000' }, grounds: '车间发生机械伤害事故' }, 'citizen'), 201);
    ok(await post(`${R2}/objections/o-a2/resolve`, { outcome: 'dismissed', note: '经核查未见事故记录' }, 'office'));
    ok(await post('/api/v1/organizations/ent-a/facts', { kind: 'safety_accident', occurredOn: '2023-05-14', description: '车间机械伤害事故' }, 'admin'), 201);
    t.clock.set('2023-05-20T10:00:00+08:00');
    const conferred = ok(await post(`${R2}/confer`, {}, 'office'));
    expect(conferred.body.events).toEqual(['PublicNoticeEnded', 'NominationRemoved']);
    // The answer says nothing was conferred, and why.
    expect(conferred.body.conferral).toMatchObject({ conferred: 0, removed: [{ nominationId: 'n-a2', failedReasons: [{ rule: 'exclusion_window' }] }], messageZh: expect.stringContaining('名单已无人选，本次未授予荣誉') });
    const view = ok(await get(R2, 'office')).body;
    // Nobody is left to confer: the round stays where it was, and says why when asked again.
    expect(view).toMatchObject({ stage: 'notice_ended', honours: [] });
    expect((await post(`${R2}/confer`, {}, 'office')).body).toMatchObject({ status: 422, code: 'AWARD.SLATE_EMPTY' });
    expect(view.nominations[0]).toMatchObject({
      status: 'removed',
      removal: { reason: 'ineligible_at_conferral', reasonLabel: { zh: '表彰时已不符合评选条件' }, failedReasons: [{ rule: 'exclusion_window', messageZh: expect.stringContaining('安全生产事故（2023-05-14') }] },
    });
    expect(ok(await get('/api/v1/honours?recipientId=ent-a', 'office')).body.items).toEqual([]);
    // The dismissed objection says what became of the nomination: the two records do not read as contradicting each other.
    expect(view.objections.find((o: any) => o.objectionId === 'o-a2').nominationOutcomeZh).toMatch(/^本异议核查为不属实；被异议的推荐其后表彰时已不符合评选条件：.*安全生产事故（2023-05-14/);
  });

  it('bars a unit whose project had a safety accident, in every project it enters: the accident is the organisation’s too', async () => {
    t.clock.set('2023-06-01T10:00:00+08:00');
    const c23 = { ...campaign, campaignId: 'jj-2023', year: 2023, applicationWindow: { opensAt: '2023-05-25T00:00:00+08:00', closesAt: '2023-06-30T23:59:59+08:00' } };
    ok(await post('/api/v1/campaigns', c23, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-2023/publish', {}, 'city'));
    const c23plan = { ...application('p-c23', 2023).implementationPlan, startsOn: '2023-05-01' };
    ok(await post('/api/v1/projects', { ...application('p-c23', 2023), implementationPlan: c23plan, campaignId: 'jj-2023' }, 'ent-c'), 201);
    ok(await post('/api/v1/projects/p-c23/submit', {}, 'ent-c'));
    ok(await post('/api/v1/projects/p-c23/approve', {}, 'city'));
    ok(await post('/api/v1/projects/p-c23/incidents', { occurredOn: '2023-05-30', severity: 'minor', kind: 'safety_accident', description: '吊装作业物体打击' }, 'city'), 201);
    // ent-c's 2021 project, graded and summarised, is now barred by the 2023 accident on its other project.
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-cert-3', campaignId: 'jj-2021', awardType: 'may_day_certificate', ruleSetId: 'jj-2021', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office'), 201);
    const refused = await post('/api/v1/award-rounds/jj-cert-3/nominations', { nominee: { kind: 'unit', id: 'ent-c', name: '单位 ent-c' }, projectId: 'p-c' }, 'county');
    expect(refused.status).toBe(422);
    const window = refused.body.failedReasons.find((r: any) => r.rule === 'exclusion_window');
    // The accident's project, of another campaign, named by its title as the other reasons name theirs (review 57 #5).
    expect(window.messageZh).toContain('项目“技能比武 p-c23”（p-c23）的安全生产事故（2023-05-30，2026-05-30 起方可参评）');
    expect(window.facts.barringFacts).toEqual([expect.objectContaining({ kind: 'safety_accident', projectId: 'p-c23', orgId: 'ent-c' })]);
  });

  it('confers no honour a nominee came to hold since the nomination: the second of two rounds removes it (原则上不重复授予)', async () => {
    t.clock.set('2023-07-03T09:00:00+08:00');
    const round = (roundId: string) => ({ roundId, campaignId: 'jj-2021', awardType: 'may_day_certificate', ruleSetId: 'jj-2021', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] });
    // ent-b's certificate was revoked: it holds none, and is nominated in two rounds at once.
    for (const r of ['jj-cert-5', 'jj-cert-6']) {
      ok(await post('/api/v1/award-rounds', round(r), 'office'), 201);
      ok(await post(`/api/v1/award-rounds/${r}/nominations`, { nominationId: 'n-b', nominee: { kind: 'unit', id: 'ent-b', name: '单位 ent-b' }, projectId: 'p-b' }, 'county'), 201);
      ok(await post(`/api/v1/award-rounds/${r}/nominations/n-b/recommend`, { workersCongressOn: '2023-06-30' }, 'ent-b'));
      for (const { department } of ok(await get(`/api/v1/award-rounds/${r}`, 'office')).body.nominations[0].clearances) {
        ok(await post(`/api/v1/award-rounds/${r}/nominations/n-b/clearances`, { department, decision: 'granted', note: '无不良记录' }, 'office'));
      }
      ok(await post(`/api/v1/award-rounds/${r}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-07-04' }, 'office'));
    }
    t.clock.set('2023-07-12T10:00:00+08:00');
    expect(ok(await post('/api/v1/award-rounds/jj-cert-5/confer', {}, 'office')).body.events).toEqual(['PublicNoticeEnded', 'HonourConferred']);
    const second = ok(await post('/api/v1/award-rounds/jj-cert-6/confer', {}, 'office'));
    expect(second.body.events).toEqual(['PublicNoticeEnded', 'NominationRemoved']);
    const removed = ok(await get('/api/v1/award-rounds/jj-cert-6', 'office')).body.nominations[0];
    expect(removed.removal.failedReasons).toEqual([expect.objectContaining({ rule: 'no_repeat_honour', messageZh: expect.stringContaining('原则上不重复授予') })]);
    const held = ok(await get('/api/v1/honours?recipientId=ent-b&status=valid', 'office')).body.items;
    expect(held.map((h: any) => h.honourId)).toEqual(['jj-cert-5/n-b']);
  });

  it('counts the non-public share from the organisation register: a nomination cannot claim otherwise', async () => {
    const claim = await post('/api/v1/award-rounds/jj-cert-3/nominations', { nominee: { kind: 'unit', id: 'ent-b', name: '单位 ent-b' }, projectId: 'p-b', attributes: { nonPublic: true } }, 'county');
    expect(claim.body).toMatchObject({ status: 422, code: 'AWARD.ATTRIBUTE_CONTRADICTS_REGISTER', ownership: 'state_owned', messageZh: expect.stringContaining('国有') });
  });

  it('takes a person’s instant commendation as a prerequisite honour, and removes the nominee at conferral once it is revoked', async () => {
    t.clock.set('2023-07-12T09:00:00+08:00');
    const pre = { ...campaign, campaignId: 'jj-pre', year: 2023, applicationWindow: { opensAt: '2023-07-12T00:00:00+08:00', closesAt: '2023-07-31T23:59:59+08:00' } };
    ok(await post('/api/v1/campaigns', pre, 'city'), 201);
    ok(await post('/api/v1/campaigns/jj-pre/publish', {}, 'city'));
    ok(await post('/api/v1/projects', { ...application('p-pre', 2023), campaignId: 'jj-pre' }, 'ent-a'), 201);
    ok(await post('/api/v1/projects/p-pre/submit', {}, 'ent-a'));
    ok(await post('/api/v1/projects/p-pre/approve', {}, 'city'));
    ok(await post('/api/v1/projects/p-pre/milestones', { milestoneId: 'm1', title: '技能比武决赛', reachedOn: '2023-07-12' }, 'ent-a'), 201);
    const li = { kind: 'person', name: '李师傅', orgId: 'ent-a', id: 'li-shifu' };
    const given = ok(await post('/api/v1/projects/p-pre/milestones/m1/commendations', { commendationId: 'k1', recipient: li, citation: '决赛个人第一名' }, 'city'), 201);
    expect(given.body.events).toEqual(['InstantCommendationGiven']);
    // A campaign's honours in one list: its rounds' and its projects' instant commendations (review 40 #7).
    expect(ok(await get('/api/v1/honours?campaignId=jj-pre', 'office')).body.items.map((h: any) => h.honourId)).toEqual(['instant/p-pre/k1']);
    const ofCampaign = ok(await get('/api/v1/honours?campaignId=jj-2021', 'office')).body;
    expect(ofCampaign.items.map((h: any) => h.honourId).sort()).toEqual(['jj-cert-5/n-b', 'jj-cert/n-b', 'jj-cert/n-c']);
    // Counted by type, held or not, to reconcile with the targets (review 43 #3): the revoked and suspended ones are not held.
    const held = ofCampaign.items.filter((h: any) => h.status === 'valid').length;
    expect(held).toBeLessThan(3);
    const counted = ofCampaign.items.filter((h: any) => h.status === 'valid' || h.status === 'suspended').length;
    expect(ofCampaign.byType).toEqual([{ awardType: 'may_day_certificate', awardTypeLabel: expect.objectContaining({ zh: '五一劳动奖状' }), total: 3, held, counted }]);
    const rules = [{ rule: 'nominee_kind_matches' }, { rule: 'prerequisite_honour', awardTypes: ['instant'], level: 'city', withinYears: 3 }];
    expect((await post('/api/v1/rule-sets', { ruleSetId: 'presets', citation: '前置荣誉试行办法', year: 2023, rules }, 'office')).body).toMatchObject({ status: 400, errors: [{ field: 'ruleSetId' }] });
    ok(await post('/api/v1/rule-sets', { ruleSetId: 'pre-2023', citation: '前置荣誉试行办法', year: 2023, rules, clearances: { byNomineeKind: {} } }, 'office'), 201);
    const R7 = '/api/v1/award-rounds/jj-medal';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-medal', campaignId: 'jj-pre', awardType: 'may_day_medal', ruleSetId: 'pre-2023', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office'), 201);
    const nominated = ok(await post(`${R7}/nominations`, { nominationId: 'n-li', nominee: { kind: 'person', id: 'li-shifu', name: '李师傅', orgId: 'ent-a' }, projectId: 'p-pre' }, 'county'), 201);
    expect(nominated.body.events).toEqual(['NominationSubmitted']);
    ok(await post(`${R7}/nominations/n-li/recommend`, { workersCongressOn: '2023-07-12' }, 'ent-a'));
    ok(await post(`${R7}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-07-13' }, 'office'));
    // Found out during the notice: the commendation is revoked, so the prerequisite no longer holds.
    // A withdrawal mode given with a revocation is refused, not ignored.
    expect((await post('/api/v1/projects/p-pre/commendations/k1/revoke', { reason: '比赛成绩经复核作废', mode: 'ordered' }, 'city')).body).toMatchObject({ status: 400, code: 'REQUEST.FIELD_NOT_APPLICABLE', errors: [{ field: 'mode' }] });
    ok(await post('/api/v1/projects/p-pre/commendations/k1/revoke', { reason: '比赛成绩经复核作废' }, 'city'));
    t.clock.set('2023-07-21T09:00:00+08:00');
    expect(ok(await post(`${R7}/confer`, {}, 'office')).body.events).toEqual(['PublicNoticeEnded', 'NominationRemoved']);
    const removed = ok(await get(R7, 'office')).body.nominations[0];
    expect(removed.removal.failedReasons).toEqual([expect.objectContaining({ rule: 'prerequisite_honour' })]);
  });

  it('reopens nominations after a notice, with a reason, back to nominating for a new notice', async () => {
    ok(await post('/api/v1/rule-sets', { ruleSetId: 'kind-only', citation: '试行', year: 2023, rules: [{ rule: 'nominee_kind_matches' }], clearances: { byNomineeKind: {} } }, 'office'), 201);
    const R8 = '/api/v1/award-rounds/jj-medal-2';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-medal-2', campaignId: 'jj-pre', awardType: 'may_day_medal', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office'), 201);
    ok(await post(`${R8}/nominations`, { nominationId: 'n-wang', nominee: { kind: 'person', id: 'wang', name: '王师傅', orgId: 'ent-a' }, projectId: 'p-pre' }, 'county'), 201);
    ok(await post(`${R8}/nominations/n-wang/recommend`, { workersCongressOn: '2023-07-21' }, 'ent-a'));
    ok(await post(`${R8}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-07-24' }, 'office'));
    // Given ahead of its first day, the notice may still be taken back (review 35 #1); once it runs, no longer.
    expect(ok(await get(R8, 'office')).body).toMatchObject({ stageLabel: { zh: '公示待开始' }, allowedActions: expect.arrayContaining(['reopen_nominations']) });
    const withdrawal = await post(`${R8}/nominations/n-wang/withdraw`, { reason: '已调离' }, 'county');
    expect(withdrawal.body).toMatchObject({ status: 409, code: 'AWARD.ILLEGAL_TRANSITION', messageZh: expect.stringContaining('“公示待开始”') });
    t.clock.set('2023-07-25T10:00:00+08:00');
    expect((await post(`${R8}/reopen-nominations`, { reason: '补充推荐' }, 'office')).body).toMatchObject({ status: 409, code: 'AWARD.ILLEGAL_TRANSITION', messageZh: expect.stringContaining('“公示中”') });
    t.clock.set('2023-08-01T09:00:00+08:00');
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    expect((await post(`${R8}/reopen-nominations`, {}, 'office')).body).toMatchObject({ status: 400, code: 'AWARD.REASON_REQUIRED' });
    expect(ok(await post(`${R8}/reopen-nominations`, { reason: '补充推荐一名农民工' }, 'office')).body.events).toEqual(['NominationsReopened']);
    const view = ok(await get(R8, 'office')).body;
    expect(view).toMatchObject({ stage: 'nominating', notice: null });
    // The round list agrees: no notice stands.
    expect(ok(await get('/api/v1/award-rounds', 'office')).body.items.find((r: any) => r.roundId === 'jj-medal-2')).toMatchObject({ stage: 'nominating', notice: null });
    expect(view.allowedActions).toEqual(expect.arrayContaining(['nominate', 'start_public_notice']));
  });

  it('offers each caller only what its own request would be accepted for, on the round and on each nomination', async () => {
    ok(await post('/api/v1/rule-sets', { ruleSetId: 'kind-cleared', citation: '试行', year: 2023, rules: [{ rule: 'nominee_kind_matches' }], clearances: { byNomineeKind: { person: ['tax'] } } }, 'office'), 201);
    const R9 = '/api/v1/award-rounds/jj-offers';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-offers', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-cleared', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit', 'county', 'city'] }, 'office'), 201);
    const round = async (who: string) => ok(await get(R9, who)).body;
    const offered = async (who: string) => (await round(who)).allowedActions as string[];
    const onNomination = async (who: string) => (await round(who)).nominations.find((n: any) => n.nominationId === 'n-zhao').allowedActions as string[];
    // Nominating is the recommenders' (the office, a committee or unit under the round); the auditor only reads.
    for (const who of ['office', 'county', 'ent-a']) expect(await offered(who)).toEqual(['nominate']);
    expect(await offered('auditor')).toEqual([]);
    expect((await post(`${R9}/nominations`, { nominee: { kind: 'person', id: 'zhao', name: '赵师傅', orgId: 'ent-a' } }, 'auditor')).body.code).toBe('AUTH.ROLE_REQUIRED');
    ok(await post(`${R9}/nominations`, { nominationId: 'n-zhao', nominee: { kind: 'person', id: 'zhao', name: '赵师傅', orgId: 'ent-a' } }, 'county'), 201);
    // The first level is the nominee's own unit (its workers' congress, or a review to decline); the tax sign-off is the office's.
    // Withdrawing it before the notice is the recommender's (the county) or the round's office; not the nominee's unit's, nor a level above (it declines by its review).
    expect(await onNomination('ent-a')).toEqual(['record_workers_congress_approval', 'review_nomination']);
    expect(await onNomination('office')).toEqual(['grant_clearance', 'refuse_clearance', 'withdraw_nomination']);
    // Each names the request that takes it (review 37 #5); the same action offered on the round as a whole names none.
    const on = (path: string) => ({ method: 'POST', href: `/api/v1/award-rounds/jj-offers/nominations/n-zhao${path}` });
    expect((await round('office')).nominations[0].allowedActionLabels).toEqual([
      // Granting and refusing share a request: each says what its body must decide (review 39 #6).
      { action: 'grant_clearance', label: '出具征求意见（同意）', ...on('/clearances'), body: { decision: 'granted' } },
      { action: 'refuse_clearance', label: '出具征求意见（不同意）', ...on('/clearances'), body: { decision: 'refused' } },
      { action: 'withdraw_nomination', label: '撤回推荐', ...on('/withdraw') },
    ]);
    expect((await round('office')).allowedActionLabels).toContainEqual({ action: 'grant_clearance', label: '出具征求意见（同意）' });
    expect((await round('office')).allowedActionLabels).toContainEqual({ action: 'nominate', label: expect.any(String), method: 'POST', href: '/api/v1/award-rounds/jj-offers/nominations' });
    expect(await onNomination('county')).toEqual(['withdraw_nomination']);
    for (const who of ['city', 'auditor']) expect(await onNomination(who)).toEqual([]);
    expect((await post(`${R9}/nominations/n-zhao/withdraw`, { reason: '本单位不再推荐' }, 'ent-a')).body).toMatchObject({ status: 403, code: 'AWARD.NOT_THE_RECOMMENDER' });
    expect((await post(`${R9}/nominations/n-zhao/withdraw`, { reason: '市里不同意' }, 'city')).body).toMatchObject({ status: 403, code: 'AWARD.NOT_THE_RECOMMENDER', messageZh: expect.stringContaining('审核时作出“不同意”结论') });
    expect(await offered('office')).toEqual(['nominate', 'grant_clearance', 'refuse_clearance', 'withdraw_nomination']);
    expect(await offered('ent-a')).toEqual(['nominate', 'record_workers_congress_approval', 'review_nomination']);
    expect(await offered('county')).toEqual(['nominate', 'withdraw_nomination']);
    expect((await post(`${R9}/nominations/n-zhao/clearances`, { department: 'tax', decision: 'granted' }, 'county')).body.code).toBe('AUTH.ROLE_REQUIRED');
    // Each level as it comes: the county's review is offered to the county, never to the city office (403 AWARD.REVIEW_LEVEL_FORBIDDEN).
    ok(await post(`${R9}/nominations/n-zhao/recommend`, { workersCongressOn: '2023-07-31' }, 'ent-a'));
    expect(await onNomination('county')).toEqual(['review_nomination', 'withdraw_nomination']);
    expect(await offered('county')).toContain('review_nomination');
    expect(await offered('office')).not.toContain('review_nomination');
    expect((await post(`${R9}/nominations/n-zhao/review`, { level: 'county', decision: 'approved' }, 'office')).body.code).toBe('AWARD.REVIEW_LEVEL_FORBIDDEN');
    ok(await post(`${R9}/nominations/n-zhao/review`, { level: 'county', decision: 'approved' }, 'county'));
    // At the city level the city's office may review too, and is offered it.
    expect(await onNomination('office')).toEqual(['review_nomination', 'grant_clearance', 'refuse_clearance', 'withdraw_nomination']);
    expect(await onNomination('county')).toEqual(['withdraw_nomination']);
    ok(await post(`${R9}/nominations/n-zhao/review`, { level: 'city', decision: 'approved' }, 'office'));
    ok(await post(`${R9}/nominations/n-zhao/clearances`, { department: 'tax', decision: 'granted', note: '无欠税' }, 'office'));
    expect(await offered('office')).toEqual(['nominate', 'withdraw_nomination', 'start_public_notice']);
    expect(await offered('county')).toEqual(['nominate', 'withdraw_nomination']);
    // An objection before the notice is refused naming what the unit itself may do, not the office's notice or clearances.
    const tooEarly = await post(`${R9}/objections`, { nominationId: 'n-zhao', objector: { kind: 'individual', realName: '刘某', contact: '138' }, grounds: '待核实' }, 'ent-a');
    expect(tooEarly.body).toMatchObject({ status: 409, code: 'AWARD.ILLEGAL_TRANSITION', allowedActions: await offered('ent-a') });
    expect(tooEarly.body.allowedActions).toEqual(['nominate']);
    expect(tooEarly.body.messageZh).not.toContain('开始公示');
    ok(await post(`${R9}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-08-01' }, 'office'));
    // During the notice anyone in scope may object, the auditor included; conferral waits for its end.
    expect(await offered('auditor')).toEqual(['raise_objection']);
    expect(await offered('office')).toEqual(['raise_objection']);
    const early = await post(`${R9}/confer`, {}, 'office');
    // A refusal names what this caller may do now, as its view offers it: every one with a route, and its Chinese name.
    expect(early.body).toMatchObject({ status: 409, code: 'AWARD.NOTICE_NOT_ENDED', allowedActions: await offered('office') });
    expect(early.body.allowedActions).toEqual(['raise_objection']);
    expect(early.body.allowedActions).not.toContain('end_public_notice');
    expect(early.body.allowedActionLabels).toEqual(early.body.allowedActions.map((action: string) => ({ action, label: expect.any(String) })));
    expect(early.body.allowedActionLabels[0]).toEqual({ action: 'raise_objection', label: '提出异议' });
    ok(await post(`${R9}/objections`, { nominationId: 'n-zhao', objector: { kind: 'individual', realName: '钱审计', contact: '0792-1234567' }, grounds: '待核实' }, 'auditor'), 201);
    expect(await offered('office')).toEqual(['raise_objection', 'resolve_objection']);
    expect(await offered('county')).toEqual(['raise_objection']);
  });
  it('lets the recommender withdraw a fully reviewed nominee before the notice, with a reason, when the list fails a ratio; its substitute takes the place', async () => {
    const frontline = { key: 'frontline', label: { zh: '一线职工', en: 'frontline workers' }, where: { attribute: 'frontline' }, op: '>=', percent: 60, denominator: 'all' };
    ok(await post('/api/v1/rule-sets', { ruleSetId: 'kind-frontline', citation: '试行', year: 2023, rules: [{ rule: 'nominee_kind_matches' }], ratios: [frontline], clearances: { byNomineeKind: {} } }, 'office'), 201);
    const RW = '/api/v1/award-rounds/jj-withdraw';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-withdraw', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-frontline', pools: [{ pool: 'regular', quota: 2 }], levels: ['unit'] }, 'office'), 201);
    const person = (id: string, name: string, frontline: boolean, substitute = false) => ({ nominationId: `n-${id}`, nominee: { kind: 'person', id, name, orgId: 'ent-a' }, attributes: { frontline }, substitute, ...(substitute ? { order: 1 } : {}) });
    for (const p of [person('zhang', '张师傅', true), person('li', '李工', false), person('sun', '孙师傅', true, true)]) ok(await post(`${RW}/nominations`, p, 'county'), 201);
    // One who does not say whether they are frontline is told, when nominated, how the ratio will count them (review 54 #4).
    const silent = ok(await post(`${RW}/nominations`, { nominationId: 'n-wu', nominee: { kind: 'person', id: 'wu', name: '吴师傅', orgId: 'ent-a' }, substitute: true, order: 2 }, 'county'), 201).body;
    expect(silent.noteZh).toBe('本轮结构比例：本次推荐未填写“一线职工”（attributes.frontline），统计比例时按不符合计（推荐提交后不能补填）。');
    expect(ok(await post(`${RW}/nominations`, { ...person('zhou', '周师傅', false, true), order: 3 }, 'county'), 201).body.noteZh).toBeUndefined();
    // A congress before the campaign's year (2021) cannot have decided a recommendation for it.
    expect((await post(`${RW}/nominations/n-zhang/recommend`, { workersCongressOn: '2019-03-01' }, 'ent-a')).body).toMatchObject({ status: 400, code: 'AWARD.INVALID_CONGRESS_DATE', errors: [{ field: 'workersCongressOn' }] });
    for (const id of ['zhang', 'li', 'sun']) ok(await post(`${RW}/nominations/n-${id}/recommend`, { workersCongressOn: '2023-07-21' }, 'ent-a'));
    const stuck = await post(`${RW}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-08-07' }, 'office');
    expect(stuck.body).toMatchObject({ status: 422, code: 'AWARD.SLATE_RATIOS_NOT_MET' });
    expect((await post(`${RW}/nominations/n-li/withdraw`, {}, 'county')).body).toMatchObject({ status: 400, errors: [{ field: 'reason' }] });
    // An award office above the round's (the province's) is not the round's office: it does not withdraw the city round's nominee.
    tok.provinceOffice = await t.token({ userId: 'u-jx-office', roles: ['award_office'], orgId: 'jx' });
    expect((await post(`${RW}/nominations/n-li/withdraw`, { reason: '省里不同意' }, 'provinceOffice')).body).toMatchObject({ status: 403, code: 'AWARD.NOT_THE_RECOMMENDER' });
    const withdrawn = ok(await post(`${RW}/nominations/n-li/withdraw`, { reason: '一线职工比例未达要求，改由递补人选参评' }, 'county')).body;
    expect(withdrawn).toMatchObject({ id: 'jj-withdraw', itemId: 'n-li', events: ['NominationRemoved', 'SubstitutePromoted'] });
    const view = ok(await get(RW, 'office')).body;
    expect(view.nominations.find((n: any) => n.nominationId === 'n-li')).toMatchObject({ status: 'removed', allowedActions: [], removal: { reason: 'withdrawn', by: 'recommender', reasonLabel: { zh: '推荐单位撤回' } } });
    expect(view.nominations.find((n: any) => n.nominationId === 'n-sun')).toMatchObject({ status: 'active', substitute: false });
    expect(view.allowedActions).toContain('start_public_notice');
    ok(await post(`${RW}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-08-07' }, 'office'));
    // The audit trail says why, in the recommender's words.
    const trail = ok(await get('/api/v1/audit/streams/awardRound-jj-withdraw/events?type=NominationRemoved', 'admin')).body;
    expect(trail.items).toEqual([expect.objectContaining({ who: expect.objectContaining({ orgId: 'xy' }), why: '撤回推荐：一线职工比例未达要求，改由递补人选参评' })]);
    // Once the list is public, a nominee leaves it only by an upheld objection.
    expect((await post(`${RW}/nominations/n-zhang/withdraw`, { reason: '本人申请退出' }, 'county')).body).toMatchObject({ status: 409, code: 'AWARD.ILLEGAL_TRANSITION' });
  });
  it('judges a late accident on a nominee’s project (一票否决) before the list goes public and again at conferral', async () => {
    t.clock.set('2023-09-01T09:00:00+08:00');
    ok(await post('/api/v1/rule-sets', { ruleSetId: 'veto-only', citation: '试行', year: 2021, rules: [{ rule: 'nominee_kind_matches' }, { rule: 'project_veto', incidentKinds: ['safety_accident', 'quality_accident'] }], clearances: { byNomineeKind: {} } }, 'office'), 201);
    const round = (roundId: string) => post('/api/v1/award-rounds', { roundId, campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'veto-only', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office');
    const accident = (projectId: string, incidentId: string, occurredOn: string) =>
      post(`/api/v1/projects/${projectId}/incidents`, { incidentId, occurredOn, severity: 'minor', kind: 'quality_accident', description: '产品批次质量事故' }, 'city');
    // Before the notice: the list does not go public with a nominee whose project was vetoed since; the recommender withdraws them.
    ok(await round('jj-veto'), 201);
    ok(await post('/api/v1/award-rounds/jj-veto/nominations', { nominationId: 'n-qian', nominee: { kind: 'person', id: 'qian', name: '钱工', orgId: 'ent-c' }, projectId: 'p-c' }, 'county'), 201);
    ok(await post('/api/v1/award-rounds/jj-veto/nominations/n-qian/recommend', { workersCongressOn: '2023-08-30' }, 'ent-c'));
    ok(await accident('p-c', 'q-1', '2023-08-31'), 201);
    // The round shows the nominee as no longer eligible beside the verdict it was made on, and does not offer the notice.
    const before = ok(await get('/api/v1/award-rounds/jj-veto', 'office')).body;
    expect(before.nominations[0]).toMatchObject({ verdict: { eligible: true }, noLongerEligible: [{ rule: 'project_veto', messageZh: expect.stringContaining('一票否决') }] });
    expect(before.allowedActions).not.toContain('start_public_notice');
    // The slate says so too: not ready, and why (review 53 #2).
    expect(before.slate).toMatchObject({ ready: false, notReady: { code: 'AWARD.NOMINEES_NO_LONGER_ELIGIBLE', messageZh: expect.stringContaining('钱工（n-qian）') } });
    const refused = await post('/api/v1/award-rounds/jj-veto/public-notice', { period: { kind: 'working_days', days: 5 }, startsOn: '2023-09-04' }, 'office');
    expect(refused.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEES_NO_LONGER_ELIGIBLE', barred: [{ nominationId: 'n-qian', failedReasons: [{ rule: 'project_veto' }] }] });
    expect(refused.body.messageZh).toMatch(/^1 名人选推荐后已不符合评选条件，不能公示：钱工（n-qian）：项目“技能比武 p-c”（p-c）发生一票否决事故/);
    ok(await post('/api/v1/award-rounds/jj-veto/nominations/n-qian/withdraw', { reason: '项目发生质量事故' }, 'county'));
    // During the notice: an accident then removes the nominee at conferral, with its reason, and nothing is conferred on them.
    ok(await round('jj-veto-2'), 201);
    ok(await post('/api/v1/award-rounds/jj-veto-2/nominations', { nominationId: 'n-sun', nominee: { kind: 'person', id: 'sun', name: '孙工', orgId: 'ent-b' }, projectId: 'p-b' }, 'county'), 201);
    ok(await post('/api/v1/award-rounds/jj-veto-2/nominations/n-sun/recommend', { workersCongressOn: '2023-08-30' }, 'ent-b'));
    ok(await post('/api/v1/award-rounds/jj-veto-2/public-notice', { period: { kind: 'working_days', days: 5 }, startsOn: '2023-09-04' }, 'office'));
    t.clock.set('2023-09-05T10:00:00+08:00');
    ok(await accident('p-b', 'q-2', '2023-09-05'), 201);
    // ent-b's certificate of this campaign rests on p-b: the register flags it for review, with the accident (after the
    // conferral here); whether to revoke it is the office's decision, and the public check says nothing of it (review 49 #1).
    const flagged = ok(await get('/api/v1/honours?recipientId=ent-b&current=true', 'office')).body.items[0];
    expect(flagged).toMatchObject({ honourId: 'jj-cert-5/n-b', status: 'valid', vetoReview: { incidents: [{ projectId: 'p-b', kind: 'quality_accident', occurredOn: '2023-09-05', beforeConferral: false }], noteZh: expect.stringContaining('请核查是否撤销') } });
    expect(ok(await get(`/api/v1/honours/${encodeURIComponent(flagged.honourId)}/check`, 'office')).body).not.toHaveProperty('vetoReview');
    expect(ok(await get('/api/v1/honours?recipientId=ent-b', 'office')).body.items.find((h: any) => h.status === 'revoked')).not.toHaveProperty('vetoReview');
    // The office sees it during the notice too; conferral will remove the nominee with the reason.
    expect(ok(await get('/api/v1/award-rounds/jj-veto-2', 'office')).body.nominations[0]).toMatchObject({ noLongerEligible: [{ rule: 'project_veto' }] });
    t.clock.set('2023-09-12T10:00:00+08:00');
    const conferred = ok(await post('/api/v1/award-rounds/jj-veto-2/confer', {}, 'office')).body;
    expect(conferred.conferral).toMatchObject({ conferred: 0, removed: [{ nominationId: 'n-sun', failedReasons: [{ rule: 'project_veto' }] }] });
    expect(ok(await get('/api/v1/honours?recipientId=sun', 'office')).body.items).toEqual([]);
  });
  it('skips a review level with no organisation over the nominee: a unit directly under the city (市直单位) goes from its own recommendation to the city', async () => {
    t.clock.set('2023-10-09T09:00:00+08:00');
    ok(await post('/api/v1/organizations', { orgId: 'jj-power', name: '国网九江供电公司', kind: 'enterprise', level: 'enterprise', ownership: 'state_owned', parentId: 'jj' }, 'admin'), 201);
    tok['jj-power'] = await t.token({ userId: 'u-jj-power', roles: ['unit'], orgId: 'jj-power' });
    const RL = '/api/v1/award-rounds/jj-levels';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-levels', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 2 }], levels: ['unit', 'county', 'city'] }, 'office'), 201);
    ok(await post(`${RL}/nominations`, { nominationId: 'n-pw', nominee: { kind: 'person', id: 'pw-li', name: '李线路工', orgId: 'jj-power' } }, 'city'), 201);
    ok(await post(`${RL}/nominations`, { nominationId: 'n-xy', nominee: { kind: 'person', id: 'xy-wu', name: '吴师傅', orgId: 'ent-a' } }, 'county'), 201);
    const nomination = async (id: string, who = 'office') => ok(await get(RL, who)).body.nominations.find((n: any) => n.nominationId === id);
    expect(await nomination('n-pw')).toMatchObject({ levels: ['unit', 'city'], nextLevel: 'unit' });
    expect(await nomination('n-xy')).toMatchObject({ levels: ['unit', 'county', 'city'] });
    ok(await post(`${RL}/nominations/n-pw/recommend`, { workersCongressOn: '2023-10-08' }, 'jj-power'));
    // Next is the city's review, offered to the city, not a county review nobody could take.
    expect(await nomination('n-pw', 'city')).toMatchObject({ nextLevel: 'city', nextLevelLabel: { zh: '市级' }, allowedActions: expect.arrayContaining(['review_nomination']) });
    // A county review it skips is refused as such, to whoever asks.
    expect((await post(`${RL}/nominations/n-pw/review`, { level: 'county', decision: 'approved' }, 'city')).body).toMatchObject({ status: 422, code: 'AWARD.LEVEL_NOT_APPLICABLE' });
    ok(await post(`${RL}/nominations/n-pw/review`, { level: 'city', decision: 'approved' }, 'city'));
    expect(await nomination('n-pw')).toMatchObject({ levelsPassed: ['unit', 'city'], nextLevel: null });
    // The other nominee still goes through its county.
    ok(await post(`${RL}/nominations/n-xy/recommend`, { workersCongressOn: '2023-09-15' }, 'ent-a'));
    expect((await post(`${RL}/nominations/n-xy/review`, { level: 'city', decision: 'approved' }, 'city')).body).toMatchObject({ status: 409, code: 'AWARD.REVIEW_OUT_OF_ORDER' });
    // The county held its own notice of its list before passing it up (逐级公示, review 45 #3): kept on the nomination.
    const countyNotice = { period: { kind: 'calendar_days', from: '2023-09-18', to: '2023-09-22' }, startsOn: '2023-09-18' };
    const short = await post(`${RL}/nominations/n-xy/review`, { level: 'county', decision: 'approved', notice: { ...countyNotice, period: { ...countyNotice.period, to: '2023-09-20' } } }, 'county');
    expect(short.body).toMatchObject({ status: 422, code: 'AWARD.NOTICE_TOO_SHORT', errors: [{ field: 'notice.period.to' }] });
    // A date given to a working-days notice is refused, not dropped (review 48 #13).
    const stray = await post(`${RL}/nominations/n-xy/review`, { level: 'county', decision: 'approved', notice: { period: { kind: 'working_days', days: 5, from: '2023-09-18' }, startsOn: '2023-09-18' } }, 'county');
    expect(stray.body).toMatchObject({ status: 400, code: 'NOTICE.INVALID_PERIOD', errors: [{ field: 'notice.period.from' }] });
    ok(await post(`${RL}/nominations/n-xy/review`, { level: 'county', decision: 'approved', notice: countyNotice }, 'county'));
    expect((await nomination('n-xy')).levelNotices).toEqual([{ level: 'county', levelLabel: expect.objectContaining({ zh: expect.any(String) }), startsOn: '2023-09-18', lastDay: '2023-09-22', workingDays: 5, calendarDays: 5 }]);
    ok(await post(`${RL}/nominations/n-xy/review`, { level: 'city', decision: 'approved' }, 'city'));
    ok(await post(`${RL}/public-notice`, { period: { kind: 'working_days', days: 5 }, startsOn: '2023-10-10' }, 'office'));
  });

  it('confers a 青年岗位能手 once: a second round honouring the same young champion does not confer another (原则上不重复授予, review 43 #1)', async () => {
    t.clock.set('2023-11-01T09:00:00+08:00');
    const champion = { nominee: { kind: 'person', id: 'zhou-champ', name: '周冠军', orgId: 'ent-a' }, attributes: { skillsChampion: true, age: 26 } };
    const first = await youthRound('jj-youth-1', 'technical_expert', champion, '2023-11-02');
    const second = await youthRound('jj-youth-2', 'may_day_medal', champion, '2023-11-02');
    t.clock.set('2023-11-10T09:00:00+08:00');
    expect(ok(await post(`${first}/confer`, {}, 'office')).body.events).toEqual(['PublicNoticeEnded', 'HonourConferred', 'DerivedHonourConferred']);
    // Suspended, it is still theirs: once reinstated it would be held twice (review 44 #3).
    ok(await post(`${first}/honours/${encodeURIComponent('n-zhou/youth_post_expert')}/suspend`, { reason: '核查中' }, 'office'));
    expect(ok(await post(`${second}/confer`, {}, 'office')).body.events).toEqual(['PublicNoticeEnded', 'HonourConferred']);
    const held = ok(await get('/api/v1/honours?recipientId=zhou-champ&awardType=youth_post_expert', 'office')).body;
    expect(held.items.map((h: any) => h.honourId)).toEqual(['jj-youth-1/n-zhou/youth_post_expert']);

    // The first round's 技术能手 turns out to be obtained by fraud: revoked, its 青年岗位能手 goes with it. The second
    // round's honour rests on the same championship and was conferred without one, so the person is not left with
    // none: it is conferred again from that honour, by the system, and the revocation's answer says so (review 44 #4).
    t.clock.set('2024-03-01T09:00:00+08:00');
    const revoked = ok(await post(`${first}/honours/n-zhou/revoke`, { reason: '核查发现技能竞赛成绩造假' }, 'office')).body;
    expect(revoked.events).toEqual(['HonourRevoked', 'HonourRevoked']);
    expect(revoked.noteZh).toBe('随之授予的荣誉 jj-youth-1/n-zhou/youth_post_expert 一并撤销；获奖人在 jj-youth-2 的荣誉（jj-youth-2/n-zhou）同为技能竞赛优胜者所得，已据此重新授予（jj-youth-2/n-zhou/youth_post_expert）。');
    const after = ok(await get('/api/v1/honours?recipientId=zhou-champ&awardType=youth_post_expert', 'office')).body;
    expect(after.items.map((h: any) => [h.honourId, h.status])).toEqual(
      expect.arrayContaining([['jj-youth-1/n-zhou/youth_post_expert', 'revoked'], ['jj-youth-2/n-zhou/youth_post_expert', 'valid']]),
    );
    // Recorded in the second round's stream, by the system, with what it replaces and on what date.
    const trail = ok(await get('/api/v1/audit/streams/awardRound-jj-youth-2/events?type=DerivedHonourConferred', 'admin')).body;
    expect(trail.items).toEqual([
      expect.objectContaining({
        who: expect.objectContaining({ role: 'system' }),
        data: expect.objectContaining({ sourceHonourId: 'jj-youth-2/n-zhou', conferredOn: '2024-03-01', replaces: { roundId: 'jj-youth-1', honourId: 'jj-youth-1/n-zhou/youth_post_expert' } }),
      }),
    ]);
    // The scheduler, asked afterwards, finds it done: it confers nothing more.
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    expect(ok(await get('/api/v1/audit/streams/awardRound-jj-youth-2/events?type=DerivedHonourConferred', 'admin')).body.items).toHaveLength(1);
    // Revoking the second round's honour too leaves nothing to rest on: the answer says only what went with it.
    const last = ok(await post(`${second}/honours/n-zhou/revoke`, { reason: '同上' }, 'office')).body;
    expect(last.noteZh).toBe('随之授予的荣誉 jj-youth-2/n-zhou/youth_post_expert 一并撤销。');
    // That is settled in the log, with what was looked at, so a rebuild of the read models does not ask again.
    const closed = ok(await get('/api/v1/audit/streams/awardRound-jj-youth-2/events?type=DerivedHonourFollowUpClosed', 'admin')).body.items;
    expect(closed).toEqual([expect.objectContaining({ data: expect.objectContaining({ honourId: 'jj-youth-2/n-zhou/youth_post_expert', outcome: 'none_qualifies', heldHonourId: null }) })]);

    // Had the process stopped between the revocation and the second append, the scheduler confers it (the due item
    // the revocation left): here the request's own attempt fails, the revocation still stands, and a tick does it.
    /** A technical-expert round (with its 青年岗位能手) and a medal round (without) conferred on one young champion. */
    const conferredTwice = async (id: string, name: string, [a, b]: [string, string], noticeOn: string, confersAt: string) => {
      const champ = { nominee: { kind: 'person', id, name, orgId: 'ent-a' }, attributes: { skillsChampion: true, age: 24 } };
      const rounds = [await youthRound(a, 'technical_expert', champ, noticeOn), await youthRound(b, 'may_day_medal', champ, noticeOn)];
      t.clock.set(confersAt);
      for (const r of rounds) ok(await post(`${r}/confer`, {}, 'office'));
      return rounds;
    };
    const youthOf = async (recipientId: string) => ok(await get(`/api/v1/honours?recipientId=${recipientId}&awardType=youth_post_expert`, 'office')).body.items.map((h: any) => [h.honourId, h.status]);
    t.clock.set('2024-04-01T09:00:00+08:00');
    const [third] = await conferredTwice('wu-champ', '吴冠军', ['jj-youth-3', 'jj-youth-4'], '2024-04-02', '2024-04-10T09:00:00+08:00');
    const failing = jest.spyOn(DerivedHonourAgainService.prototype, 'afterRevocation').mockRejectedValueOnce(new Error('process stopped'));
    const interrupted = ok(await post(`${third}/honours/n-zhou/revoke`, { reason: '成绩造假' }, 'office')).body;
    failing.mockRestore();
    expect(interrupted.noteZh).toBe('随之授予的荣誉 jj-youth-3/n-zhou/youth_post_expert 一并撤销；获奖人如有其他可据以授予的荣誉，系统将随后重新授予。');
    const youth = () => youthOf('wu-champ');
    expect(await youth()).toEqual([['jj-youth-3/n-zhou/youth_post_expert', 'revoked']]);
    // A tick while the read models are behind does not give up on it (review 47 #1): the next one confers it.
    const behind = jest.spyOn(ReadConsistency.prototype, 'catchUp').mockRejectedValueOnce(new DomainError('READ_MODEL.NOT_CAUGHT_UP', 'conflict', '数据正在同步，请稍后重试。', 'Catching up.'));
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    behind.mockRestore();
    expect(await youth()).toEqual([['jj-youth-3/n-zhou/youth_post_expert', 'revoked']]);
    ok(await post('/api/v1/admin/scheduler/tick', {}, 'admin'));
    expect(await youth()).toEqual(expect.arrayContaining([['jj-youth-3/n-zhou/youth_post_expert', 'revoked'], ['jj-youth-4/n-zhou/youth_post_expert', 'valid']]));

    // The other honour suspended when the first is revoked cannot carry it then; once reinstated, it does (review 48 #1).
    t.clock.set('2024-05-06T09:00:00+08:00');
    const [fifth, sixth] = await conferredTwice('sun-champ', '孙冠军', ['jj-youth-5', 'jj-youth-6'], '2024-05-07', '2024-05-15T09:00:00+08:00');
    ok(await post(`${sixth}/honours/n-zhou/suspend`, { reason: '接受调查' }, 'office'));
    expect(ok(await post(`${fifth}/honours/n-zhou/revoke`, { reason: '成绩造假' }, 'office')).body.noteZh).toBe('随之授予的荣誉 jj-youth-5/n-zhou/youth_post_expert 一并撤销。');
    const sunYouth = () => youthOf('sun-champ');
    expect(await sunYouth()).toEqual([['jj-youth-5/n-zhou/youth_post_expert', 'revoked']]);
    const reinstated = ok(await post(`${sixth}/honours/n-zhou/reinstate`, { reason: '调查结束' }, 'office')).body;
    expect(reinstated.noteZh).toBe('获奖人的青年岗位能手（jj-youth-5/n-zhou/youth_post_expert）曾随其他荣誉撤销，现据恢复的荣誉（jj-youth-6/n-zhou）重新授予（jj-youth-6/n-zhou/youth_post_expert）。');
    expect(await sunYouth()).toEqual(expect.arrayContaining([['jj-youth-5/n-zhou/youth_post_expert', 'revoked'], ['jj-youth-6/n-zhou/youth_post_expert', 'valid']]));
  });

  it('says, on a withdrawal, which substitute was passed over and the quota it would break (review 43 #8)', async () => {
    const heads = { key: 'heads', label: { zh: '企业负责人', en: 'enterprise heads' }, where: { attribute: 'occupationCategory', equals: 'enterprise_head' }, max: 1 };
    const RS = '/api/v1/award-rounds/jj-passed-over';
    const createdRound = ok(await post('/api/v1/award-rounds', { roundId: 'jj-passed-over', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 2 }], subQuotas: [heads], levels: ['unit'] }, 'office'), 201).body;
    // A rule set of another year, and a medal's with no frontline share, are said when the round is made (review 43 #10).
    expect(createdRound.noteZh).toBe('所用规则集 kind-only 第 1 版为 2023 年度（试行），与竞赛活动年度 2021 不一致，请核对；五一劳动奖章评选的规则集未设一线职工比例（结构比例），请核对。');
    const person = (id: string, head: boolean, substitute = false) => ({
      nominationId: `n-${id}`, nominee: { kind: 'person', id, name: `${id}师傅`, orgId: 'ent-a' }, attributes: head ? { occupationCategory: 'enterprise_head' } : {}, substitute, ...(substitute ? { order: 1 } : {}),
    });
    for (const p of [person('head1', true), person('worker1', false), person('head2', true, true)]) ok(await post(`${RS}/nominations`, p, 'county'), 201);
    const withdrawn = ok(await post(`${RS}/nominations/n-worker1/withdraw`, { reason: '本人调离' }, 'county')).body;
    expect(withdrawn).toMatchObject({ events: ['NominationRemoved'], noteZh: '递补人选head2师傅（n-head2）未递补：递补后将超出名额（分项名额“企业负责人”：已推荐 2 名，限 1 名）。' });
  });

  it('judges 一票否决 and an organisation’s exclusion windows under any rule set, even one that leaves them out (review 45 #1, #2)', async () => {
    // kind-only names no veto and no window. p-c had a quality accident (above); ent-a a safety accident on 2023-05-14.
    const RK = '/api/v1/award-rounds/jj-kind-only';
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-kind-only', campaignId: 'jj-2021', awardType: 'may_day_certificate', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 3 }], levels: ['unit'] }, 'office'), 201);
    const vetoed = await post(`${RK}/nominations`, { nominationId: 'n-c', nominee: { kind: 'unit', id: 'ent-c', name: 'C 公司', orgId: 'ent-c' }, projectId: 'p-c' }, 'county');
    expect(vetoed.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_INELIGIBLE' });
    expect(vetoed.body.failedReasons).toContainEqual(expect.objectContaining({ rule: 'project_veto', messageZh: expect.stringContaining('一票否决') }));
    const barred = await post(`${RK}/nominations`, { nominationId: 'n-a', nominee: { kind: 'unit', id: 'ent-a', name: 'A 公司', orgId: 'ent-a' } }, 'county');
    expect(barred.body.failedReasons).toEqual([expect.objectContaining({ rule: 'exclusion_window', messageZh: expect.stringContaining('安全生产事故（2023-05-14，2026-05-14 起方可参评）') })]);
    // Leaving the project out does not escape its veto: a unit or team is judged on its own projects in the round's campaign (review 48 #7).
    const unnamed = await post(`${RK}/nominations`, { nominationId: 'n-c2', nominee: { kind: 'unit', id: 'ent-c', name: 'C 公司', orgId: 'ent-c' } }, 'county');
    expect(unnamed.body).toMatchObject({ status: 422, code: 'AWARD.NOMINEE_INELIGIBLE' });
    expect(unnamed.body.failedReasons).toContainEqual(expect.objectContaining({ rule: 'project_veto', facts: expect.objectContaining({ projectIds: ['p-c'], vetoedProjects: [expect.objectContaining({ projectId: 'p-c' })] }) }));
    expect(unnamed.body.messageZh).toContain('推荐时未填写项目也同样适用');
    // ent-b's p-b had its quality accident during the notice above (2023-09-05): barred the same way.
    expect((await post(`${RK}/nominations`, { nominationId: 'n-b', nominee: { kind: 'unit', id: 'ent-b', name: 'B 公司', orgId: 'ent-b' } }, 'county')).body.failedReasons).toEqual([expect.objectContaining({ rule: 'project_veto' })]);
    // A unit with nothing against it is taken, its clean projects said so; so is a person of ent-a (DOMAIN bars the organisation, not its people).
    const taken = ok(await post(`${RK}/nominations`, { nominationId: 'n-late', nominee: { kind: 'unit', id: 'ent-late', name: 'Late 公司', orgId: 'ent-late' } }, 'county'), 201).body;
    expect(taken).toMatchObject({ itemId: 'n-late' });
    const verdict = ok(await get(RK, 'office')).body.nominations.find((n: any) => n.nominationId === 'n-late').verdict;
    expect(verdict.reasons.find((r: any) => r.rule === 'project_veto')).toMatchObject({ passed: true, facts: { projectIds: ['p-late'], vetoedProjects: [] } });
    ok(await post('/api/v1/award-rounds', { roundId: 'jj-kind-only-medal', campaignId: 'jj-2021', awardType: 'may_day_medal', ruleSetId: 'kind-only', pools: [{ pool: 'regular', quota: 1 }], levels: ['unit'] }, 'office'), 201);
    ok(await post('/api/v1/award-rounds/jj-kind-only-medal/nominations', { nominationId: 'n-p', nominee: { kind: 'person', id: 'a-worker', name: '钱师傅', orgId: 'ent-a' } }, 'county'), 201);
    // The board, judging by this latest round's rule set, shows the vetoed project ineligible for the same reason.
    const board = ok(await get('/api/v1/eligibility?campaignId=jj-2021&awardType=may_day_certificate', 'office')).body;
    expect(board.ruleSet).toMatchObject({ ruleSetId: 'kind-only', basisZh: expect.stringContaining('jj-kind-only') });
    expect(board.items.find((i: any) => i.projectId === 'p-c').failedReasons.map((r: any) => r.rule)).toContain('project_veto');
    expect(board.items.find((i: any) => i.projectId === 'p-a').failedReasons.map((r: any) => r.rule)).toContain('exclusion_window');
  });
});

