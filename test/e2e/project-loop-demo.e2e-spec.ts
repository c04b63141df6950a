import { DEMO_USERS } from '../../apps/api/src/demo/demo-users';
import { JIUJIANG_CAMPAIGN_ID, seedDemo } from '../../apps/api/src/demo/seed-demo';
import { EVENT_STORE } from '@jingsai/event-store';
import { TestApp } from '../support/test-app';

/* The demo seed carries the Jiujiang textile project through the whole middle of the loop. */
describe('demo seed: the middle of the loop', () => {
  let t: TestApp;
  const tok: Record<string, string> = {};

  beforeAll(async () => {
    t = await TestApp.start({ now: '2022-03-01T09:00:00+08:00' });
    expect(await seedDemo(t.app)).toBe(true);
    for (const u of DEMO_USERS) tok[u.userId] = await t.token(u);
  });
  afterAll(() => t.stop());

  it('writes every stream in date order, so an audit "as of" a date replays what had happened by then', async () => {
    const events = await t.app.get(EVENT_STORE).readAll({ fromPosition: 0 });
    const last = new Map<string, string>();
    const backwards: string[] = [];
    for (const e of events) {
      const before = last.get(e.streamId);
      if (before && Date.parse(e.metadata.occurredAt) < Date.parse(before)) backwards.push(`${e.streamId}@${e.revision}`);
      last.set(e.streamId, e.metadata.occurredAt);
    }
    expect(events.length).toBeGreaterThan(20);
    expect(backwards).toEqual([]);
  });

  it('refuses a command dated before what already happened to its stream: a clock set back cannot let the late unit in', async () => {
    t.clock.set('2021-07-20T09:00:00+08:00');
    try {
      const late = await t.post('/api/v1/projects/jj-electronics-innovation/submit', {}, tok['u-electronics-union']);
      expect(late.body).toMatchObject({ status: 409, code: 'STREAM.BEFORE_LAST_EVENT', streamId: 'project-jj-electronics-innovation', messageZh: expect.stringContaining('请检查系统时钟') });
      const view = await t.get('/api/v1/projects/jj-electronics-innovation', tok['u-city-committee']);
      expect(view.body.application.firstSubmissionOnTime).not.toBe(true);
    } finally {
      t.clock.set('2022-03-01T09:00:00+08:00');
    }
  });

  it('the board offers each caller what the project view offers, at the project’s revision, also after a commendation changes status', async () => {
    const agree = async (who: string) => {
      const rows = (await t.get(`/api/v1/board?campaignId=${JIUJIANG_CAMPAIGN_ID}&limit=200`, tok[who])).body.items;
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        const view = (await t.get(`/api/v1/projects/${row.projectId}`, tok[who])).body;
        expect([row.projectId, row.allowedActions, row.revision]).toEqual([row.projectId, view.allowedActions, view.revision]);
      }
      return rows;
    };
    const rows = await agree('u-city-committee');
    // 九江石化's safety accident vetoes commendations (一票否决): neither view offers one.
    expect(rows.find((r: any) => r.projectId === 'jj-petrochem-key')).toMatchObject({ vetoed: true });
    expect(rows.find((r: any) => r.projectId === 'jj-petrochem-key').allowedActions).not.toContain('give_instant_commendation');
    // A commendation offers its own changes to the committees that may make them (the giver, 浔阳区, and the city above it), even on a closed project.
    const commendation = async (who: string) => (await t.get('/api/v1/projects/jj-textile-skills', tok[who])).body.progress.commendations.find((c: any) => c.commendationId === 'tx-commend-1');
    expect((await commendation('u-city-committee')).allowedActions).toEqual(['revoke', 'withdraw', 'suspend']);
    expect((await commendation('u-textile-union')).allowedActions).toEqual([]);
    const suspended = await t.post('/api/v1/projects/jj-textile-skills/commendations/tx-commend-1/suspend', { reason: '复核材料' }, tok['u-city-committee']);
    expect(suspended.status).toBe(200);
    expect(await commendation('u-xunyang-committee')).toMatchObject({
      status: 'suspended', allowedActions: ['revoke', 'withdraw', 'reinstate'], allowedActionLabels: [{ action: 'revoke', label: '撤销' }, { action: 'withdraw', label: '摘牌' }, { action: 'reinstate', label: '恢复' }],
    });
    // The honours register names its status in the same words as the project view.
    const register = (await t.get(`/api/v1/honours/${encodeURIComponent('instant/jj-textile-skills/tx-commend-1')}?minPosition=${suspended.body.position}`, tok['u-city-committee'])).body;
    expect([register.status, register.statusLabel.zh]).toEqual(['suspended', (await commendation('u-city-committee')).statusLabel]);
    const afterwards = await t.get(`/api/v1/board?campaignId=${JIUJIANG_CAMPAIGN_ID}&minPosition=${suspended.body.position}&limit=200`, tok['u-city-committee']);
    expect(afterwards.body.items.find((r: any) => r.projectId === 'jj-textile-skills').revision).toBe(suspended.body.revision);
    await agree('u-xunyang-committee');
    await agree('u-textile-union');
  });

  it('the textile project is summarised with a trimmed-mean total of 90.85 (优秀)', async () => {
    const res = await t.get('/api/v1/projects/jj-textile-skills', tok['u-city-committee']);
    expect(res.body).toMatchObject({ status: 'summarized', assessment: { result: { total: 90.85, grade: 'excellent', gradeLabel: '优秀', dropped: [86.55, 94.2] } } });
    expect(res.body.progress.reports.map((r: any) => [r.period, r.revision])).toEqual([['2021-Q3', 1], ['2021-Q3', 2], ['2021-Q4', 1]]);
    // The auditor's replay at the head shows the same reports: a correction is a new report that supersedes, never an edit.
    const replayed = (await t.get('/api/v1/audit/streams/project-jj-textile-skills/state', tok['u-auditor'])).body.state;
    expect(replayed.progress.reports.map((r: any) => [r.reportId, r.supersedesReportId])).toEqual(res.body.progress.reports.map((r: any) => [r.reportId, r.supersedesReportId]));
    // What people read is labelled here as in the reports list: metrics, the way scores combine, the approval levels.
    expect(res.body.progress.reports[0].metricsLabelled[0]).toMatchObject({ label: expect.any(String), unitZh: expect.any(String) });
    expect(res.body.assessment.aggregationLabel).toContain('去掉一个最高分和一个最低分');
    expect(res.body.assessment.scheme.gradeBands.map((b: any) => b.label)).toEqual(['优秀', '良好', '合格', '不合格']);
    expect(res.body.summary.submissions[0].outcomesLabelled[0]).toMatchObject({ label: expect.any(String), unitZh: expect.any(String) });
    expect(res.body.supervision.findings[0].rectifications.at(-1)).toMatchObject({ outcome: 'accepted', outcomeLabel: '验收通过' });
    expect(res.body.requiredApprovalLevelLabels.map((l: any) => l.level)).toEqual(res.body.requiredApprovalLevels);
    // Those levels are the rules in force's, and say which version that is; the approval given names its own.
    expect([res.body.requiredApprovalLevelsRulesVersion, res.body.application.approvedRulesVersion]).toEqual([1, 1]);
    expect(res.body.supervision.findings[0]).toMatchObject({ status: 'accepted' });
    expect((await t.get('/api/v1/projects/jj-textile-skills', tok['u-assessor-qian'])).status).toBe(200);
  });

  it('the seed records the window closing and the missing petrochem Q4 report when they fell due, so the scheduler has nothing left; statistics read the seed', async () => {
    await t.get('/api/v1/board', tok['u-admin']);
    const tick = await t.post('/api/v1/admin/scheduler/tick', {}, tok['u-admin']);
    // The application window closing, and 九江石化's 2021-Q4 report (due 2022-01-10) never filed: both on record, at their instants.
    expect(tick.body.commandsSent).toBe(0);
    const asOf = async (stream: string, at: string) => (await t.get(`/api/v1/audit/streams/${stream}/state?asOf=${encodeURIComponent(at)}`, tok['u-auditor'])).body.state;
    expect((await asOf(`campaign-${JIUJIANG_CAMPAIGN_ID}`, '2021-08-01T00:00:00+08:00')).applicationWindowClosed).toBe(true);
    expect((await asOf('project-jj-petrochem-key', '2022-01-31T00:00:00+08:00')).progress.overdue.map((o: any) => o.period)).toEqual(['2021-Q4']);
    const head = await t.app.get(EVENT_STORE).headPosition();
    const overdue = await t.get(`/api/v1/supervision/overdue?campaignId=${JIUJIANG_CAMPAIGN_ID}&includeResolved=true&minPosition=${head}`, tok['u-city-committee']);
    expect(overdue.body.items.map((i: any) => [i.projectId, i.period, i.stateLabel])).toEqual([['jj-petrochem-key', '2021-Q4', '待处理']]);
    const incidents = await t.get(`/api/v1/supervision/incidents?campaignId=${JIUJIANG_CAMPAIGN_ID}`, tok['u-city-committee']);
    expect(incidents.body.items).toEqual([expect.objectContaining({ projectId: 'jj-petrochem-key', severityLabel: '一般事故' })]);
    const stats = await t.get(`/api/v1/statistics/assessment?campaignId=${JIUJIANG_CAMPAIGN_ID}`, tok['u-city-committee']);
    expect(stats.body.items[0]).toMatchObject({ projectId: 'jj-textile-skills', total: 90.85, rankInCampaign: 1 });
    const cov = await t.get(`/api/v1/statistics/coverage?campaignId=${JIUJIANG_CAMPAIGN_ID}&groupBy=ownership`, tok['u-city-committee']);
    // The notice sets no targets: the figures reached are reported against none.
    expect(cov.body.targets).toEqual([]);
    expect(cov.body.totals.metrics.find((m: any) => m.key === 'participants')).toMatchObject({ label: '参与职工人次', value: 3510 });
    expect(cov.body.groups.map((g: any) => g.label)).toEqual(['非公', '国有']);
  });
  it('judges the late unit by the campaign’s entry rule in a May Day round whose rule set leaves it out (a national preset): deemed not to have entered', async () => {
    const office = tok['u-award-office'];
    const preset = (await t.get('/api/v1/rule-sets/presets', office)).body.items.find((p: any) => p.key === 'national_may_day_medal_2024').content;
    expect(preset.rules.map((r: any) => r.rule)).not.toContain('applied_on_time');
    const published = await t.post('/api/v1/rule-sets', { ruleSetId: 'nat-2024', ...preset }, office);
    expect(published.status).toBe(201);
    const one = (await t.get(`/api/v1/eligibility/projects/jj-electronics-innovation?awardType=may_day_medal&ruleSetId=nat-2024&minPosition=${published.body.position}`, office)).body;
    expect(one.eligible).toBe(false);
    expect(one.failedReasons.map((r: any) => r.rule)).toContain('applied_on_time');
    const round = { roundId: 'jx-medal', campaignId: JIUJIANG_CAMPAIGN_ID, awardType: 'may_day_medal', ruleSetId: 'nat-2024', pools: [{ pool: 'regular', quota: 5 }], levels: ['unit', 'county', 'city'] };
    expect((await t.post('/api/v1/award-rounds', round, office)).status).toBe(201);
    const nominated = await t.post('/api/v1/award-rounds/jx-medal/nominations', { nominee: { kind: 'person', id: 'person-chen', name: '陈工' }, projectId: 'jj-electronics-innovation' }, tok['u-electronics-union']);
    expect(nominated.body).toMatchObject({ status: 422 });
    expect(JSON.stringify(nominated.body)).toContain('applied_on_time');
    // The rules a verdict was judged by are read by every auditor, a city's included, as its campaign export holds them.
    const rules = await t.get('/api/v1/audit/streams/ruleSet-nat-2024/events', tok['u-auditor']);
    expect(rules.status).toBe(200);
    expect(rules.body.items[0]).toMatchObject({ type: 'RuleSetVersionPublished' });
    expect((await t.get('/api/v1/audit/verify?streamId=ruleSet-nat-2024', tok['u-auditor'])).status).toBe(200);
  });
  it('offers an extension to the organising committee while the campaign runs, and to no one once it is over', async () => {
    const offered = async (who: string) => {
      const view = (await t.get('/api/v1/projects/jj-electronics-innovation', tok[who])).body.allowedActions;
      const row = (await t.get(`/api/v1/board?campaignId=${JIUJIANG_CAMPAIGN_ID}&limit=200`, tok[who])).body.items.find((i: any) => i.projectId === 'jj-electronics-innovation');
      expect(row).toBeDefined();
      expect(row.allowedActions).toEqual(view);
      return view.includes('grant_extension');
    };
    // (A county committee is offered none on its projects: projects.e2e.)
    expect(await offered('u-city-committee')).toBe(true);
    t.clock.set('2023-01-11T09:00:00+08:00');
    try {
      expect(await offered('u-city-committee')).toBe(false);
    } finally {
      t.clock.set('2022-03-01T09:00:00+08:00');
    }
    // Nor once the organiser has closed the campaign, before its period ends.
    const closed = await t.post(`/api/v1/campaigns/${JIUJIANG_CAMPAIGN_ID}/close`, { reason: '提前结束' }, tok['u-city-committee']);
    expect(closed.status).toBe(200);
    expect(await offered('u-city-committee')).toBe(false);
  });
});

/* The README's demo clock starts on 20 July 2021: the seed writes no deadline the clock has not reached. */
describe('demo seed on a clock inside its story', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ now: '2021-07-20T09:00:00+08:00' });
    expect(await seedDemo(t.app)).toBe(true);
  });
  afterAll(() => t.stop());

  it('keeps the window open on 20 July 2021, so the organiser may still extend it', async () => {
    const city = await t.token(DEMO_USERS.find((u) => u.userId === 'u-city-committee')!);
    const campaign = (await t.get(`/api/v1/campaigns/${JIUJIANG_CAMPAIGN_ID}`, city)).body;
    expect(campaign).toMatchObject({ status: 'published', applicationWindowClosed: false });
    const extended = await t.post(
      `/api/v1/campaigns/${JIUJIANG_CAMPAIGN_ID}/rules-amendments`,
      { changes: { applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-30T00:00:00+08:00' } }, reason: '延长报名' },
      city,
    );
    expect(extended.status).toBe(200);
  });
});
