import { CAMPAIGN_ID, LoopWorld, ok, PLAN } from '../fixtures/scheduler-loop-world';

/*
 * The middle of the loop over HTTP, part 1: progress reports and corrections, milestones and
 * an instant commendation, inspections and rectification, incidents, and deadlines that pass
 * by themselves (the injected clock moves, the scheduler ticks) seen on the supervision views.
 */
describe('project loop over HTTP: progress, supervision, deadlines', () => {
  let w: LoopWorld;
  const report = (period: string, metrics: Record<string, number>, narrative = '开展技能比武') => ({ period, metrics, narrative });

  beforeAll(async () => {
    w = await LoopWorld.start();
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
    await w.approvedProject('p-b', 'unitB', 'lx', '电子装配技能竞赛');
    await w.approvedProject('p-power', 'power', null, '供电抢修技能比武', 'key_project');
    ok(await w.post('/api/v1/projects', { projectId: 'p-late', campaignId: CAMPAIGN_ID, title: '织造车间技术比武', category: 'skills', implementationPlan: PLAN, registrationForm: { contactName: '张伟', contactPhone: '0792-8227328', headcount: 80 } }, 'unitA'), 201);
    ok(await w.post('/api/v1/projects/p-late/submit', {}, 'unitA'));
  });
  afterAll(() => w.stop());

  it('a unit files its quarterly report, corrects it, and sees both in the history', async () => {
    w.t.clock.set('2021-10-05T10:00:00+08:00');
    const filed = ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q3', { participants: 1200, participating_enterprises: 1, technical_innovations: 5 }), 'unitA'), 201);
    expect(filed.body).toMatchObject({ id: 'p-a', events: ['ProgressReportFiled'] });
    expect(typeof filed.body.itemId).toBe('string');
    w.t.clock.set('2021-10-08T10:00:00+08:00');
    // A reason on a first report is refused: it corrects nothing.
    const first = await w.post('/api/v1/projects/p-a/progress-reports', { ...report('2021-Q4', { participants: 1 }), reason: '更正' }, 'unitA');
    expect(first.body).toMatchObject({ status: 400, code: 'REQUEST.FIELD_NOT_APPLICABLE', errors: [{ field: 'reason' }] });
    const corrected = ok(await w.post('/api/v1/projects/p-a/progress-reports', { ...report('2021-Q3', { participants: 1250, participating_enterprises: 1, technical_innovations: 6 }, '更正：补录一场比武'), reason: '漏报一场比武' }, 'unitA'), 201);
    expect(corrected.body.events).toEqual(['ProgressReportCorrected']);
    // The same figures sent again record nothing: 200, no event, and the id of the report that stands.
    const again = await w.post('/api/v1/projects/p-a/progress-reports', { ...report('2021-Q3', { participants: 1250, participating_enterprises: 1, technical_innovations: 6 }, '更正：补录一场比武'), reason: '再次说明' }, 'unitA');
    expect([again.status, again.body.events, again.body.itemId]).toEqual([200, [], corrected.body.itemId]);
    // A correction says why.
    const why = await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q3', { participants: 1260, participating_enterprises: 1, technical_innovations: 6 }), 'unitA');
    expect(why.body).toMatchObject({ status: 400, code: 'PROJECT.REASON_REQUIRED', errors: [{ field: 'reason' }] });

    const list = ok(await w.get('/api/v1/projects/p-a/progress-reports', 'xy')).body;
    expect(list).toMatchObject({ cadence: 'quarterly', cadenceLabel: '按季度报送' });
    expect(list.periods.map((p: any) => [p.period, p.dueOn, p.status])).toEqual([['2021-Q3', '2021-10-10', 'filed'], ['2021-Q4', '2022-01-10', 'awaiting']]);
    const q3 = list.periods[0];
    expect(q3).toMatchObject({ statusLabel: '已按时报送', corrections: 1, current: { revision: 2, metrics: { participants: 1250 }, supersedesReportId: filed.body.itemId } });
    expect(q3.history.map((r: any) => [r.metrics.participants, r.reason])).toEqual([[1200, undefined], [1250, '漏报一场比武']]);
    expect(q3.current.metricsLabelled).toEqual(expect.arrayContaining([{ key: 'participants', value: 1250, label: '参与职工人次', unitZh: '人次' }]));
    expect((await w.get('/api/v1/projects/p-a/progress-reports', 'unitB')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
  });

  it('refuses bad reports with a code a committee member understands, appending nothing', async () => {
    const outside = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-Q2', { participants: 1 }), 'unitA', 422, 'PROJECT.PERIOD_OUTSIDE_CAMPAIGN');
    expect(outside.messageZh).toContain('应报送的期次为：2021-Q3、2021-Q4。');
    await w.refused('/api/v1/projects/p-a/progress-reports', report('2022-Q1', { participants: 1 }), 'unitA', 422, 'PROJECT.PERIOD_OUTSIDE_CAMPAIGN');
    await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-08', { participants: 1 }), 'unitA', 400, 'PROJECT.INVALID_PERIOD');
    const figures = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-Q4', { participants: -3, smiles: 2 }), 'unitA', 400, 'PROJECT.INVALID');
    expect(figures.errors.map((e: any) => e.field)).toEqual(expect.arrayContaining(['metrics.participants', 'metrics.smiles']));
    // A wrong period beside wrong figures is listed with them, not in a second refusal after they are mended (review 35 #6).
    const both = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-13', { participants: -5 }), 'unitA', 400, 'PROJECT.INVALID');
    expect(both.errors.map((e: any) => e.field)).toEqual(['metrics.participants', 'period']);
    expect(both.errors[1].messageZh).toContain('报送期应写作 2021-Q3 的形式');
    await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-Q3', { participants: 1 }), 'unitB', 403, 'AUTH.NOT_YOUR_ORGANISATION');
    await w.refused('/api/v1/projects/p-a/progress-reports', { period: '2021-Q3', metrics: 'lots', narrative: 'x' }, 'unitA', 400, 'REQUEST.INVALID');
  });

  it('missed reports are marked overdue by the scheduler once the injected clock passes the due date, once each', async () => {
    // The application window (closing 2021-07-22 24:00) was still open on the record: it closes first.
    expect(await w.tickAt('2021-10-10T20:00:00+08:00')).toBe(1);
    expect(ok(await w.get(`/api/v1/campaigns/${CAMPAIGN_ID}`, 'city')).body).toMatchObject({ applicationWindowClosed: true });
    expect(await w.tickAt('2021-10-10T21:00:00+08:00')).toBe(0);
    expect(await w.tickAt('2021-10-11T09:00:00+08:00')).toBe(2);
    expect(await w.tickAt('2021-10-11T10:00:00+08:00')).toBe(0);
    const overdue = ok(await w.get(`/api/v1/supervision/overdue?campaignId=${CAMPAIGN_ID}`, 'city')).body;
    expect(overdue.items.map((i: any) => [i.projectId, i.kind, i.period, i.dueOn])).toEqual([['p-b', 'report', '2021-Q3', '2021-10-10'], ['p-power', 'report', '2021-Q3', '2021-10-10']]);
    expect(overdue.items[0]).toMatchObject({ itemId: 'report:p-b:2021-Q3', periodLabel: '2021年第三季度', kindLabel: '推进情况逾期未报', orgName: '濂溪电子科技公司', stateLabel: '待处理', daysOverdue: 1 });
    // The organisation's ancestors, as the board and the stalled list give them.
    expect(overdue.items[0].orgPath).toEqual(['jx', 'jj', 'lx']);
    expect(overdue.byKind).toEqual([{ key: 'report', count: 2, label: '推进情况逾期未报' }]);
    const county = ok(await w.get('/api/v1/supervision/overdue', 'xy')).body;
    expect(county.total).toBe(0);
    // The answer says whose part it holds.
    expect(county.scope).toMatchObject({ kind: 'subtree', orgId: 'xy', labelZh: expect.stringContaining('及所属单位') });
    const unit = ok(await w.get('/api/v1/supervision/overdue', 'unitB')).body;
    expect(unit.items.map((i: any) => i.projectId)).toEqual(['p-b']);
    expect(unit.scope).toMatchObject({ kind: 'org', labelZh: '本单位' });
    expect((await w.get('/api/v1/supervision/overdue?orgId=ent-b', 'xy')).status).toBe(403);
    // An organisation nobody registered is not found, rather than out of scope.
    expect((await w.get('/api/v1/supervision/overdue?orgId=nope', 'city')).body).toMatchObject({ status: 404, code: 'ORGANIZATION.NOT_FOUND' });

    // A late report still lands, is flagged late, and resolves the overdue item.
    const late = ok(await w.post('/api/v1/projects/p-power/progress-reports', report('2021-Q3', { participants: 600, participating_enterprises: 1 }), 'power'), 201);
    expect(late.body.events).toEqual(['ProgressReportFiled']);
    const after = ok(await w.get('/api/v1/supervision/overdue?includeResolved=true', 'city')).body.items;
    expect(after.find((i: any) => i.projectId === 'p-power')).toMatchObject({ state: 'filed_late', stateLabel: '已补报', reportedAt: expect.stringMatching(/^2021-/) });
    expect(ok(await w.get('/api/v1/projects/p-power/progress-reports', 'power')).body.periods[0]).toMatchObject({ status: 'filed_late', markedOverdue: true });
    // The project's record of misses says the same as the supervision list: this one filed late.
    expect(ok(await w.get('/api/v1/projects/p-power', 'city')).body.progress.overdue).toEqual([
      { period: '2021-Q3', dueOn: '2021-10-10', state: 'filed_late', stateLabel: '已补报', reportedAt: expect.stringMatching(/^2021-10-11/) },
    ]);
    expect(ok(await w.get('/api/v1/projects/p-b', 'city')).body.progress.overdue).toEqual([{ period: '2021-Q3', dueOn: '2021-10-10', state: 'open', stateLabel: '待处理', reportedAt: null }]);
  });

  it('records a milestone and an instant commendation at it', async () => {
    w.t.clock.set('2021-10-12T09:00:00+08:00');
    const m = ok(await w.post('/api/v1/projects/p-a/milestones', { milestoneId: 'm-final', title: '挡车工技能比武决赛', reachedOn: '2021-10-11', description: '120 名挡车工参赛' }, 'unitA'), 201);
    // The milestone offers the commendation given at it, to the committee.
    const milestoneActions = async (who: string) => ok(await w.get('/api/v1/projects/p-a', who)).body.progress.milestones.find((x: any) => x.milestoneId === 'm-final').allowedActionLabels;
    expect(await milestoneActions('xy')).toEqual([{ action: 'give_instant_commendation', label: '即时表彰', method: 'POST', href: '/api/v1/projects/p-a/milestones/m-final/commendations' }]);
    expect(await milestoneActions('unitA')).toEqual([]);
    expect(m.body).toMatchObject({ events: ['MilestoneRecorded'], itemId: 'm-final' });
    await w.refused('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'team', name: '细纱车间甲班' }, citation: '团体第一' }, 'unitA', 403, 'AUTH.ROLE_REQUIRED');
    const c = ok(await w.post('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'team', name: '细纱车间甲班' }, citation: '技能比武决赛团体第一名' }, 'xy'), 201);
    expect(c.body.events).toEqual(['InstantCommendationGiven']);
    await w.refused('/api/v1/projects/p-a/milestones/nope/commendations', { recipient: { kind: 'person', name: '王芳' }, citation: '个人第一' }, 'xy', 404, 'PROJECT.MILESTONE_NOT_FOUND');
    const outside = await w.refused('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'person', name: '李四', orgId: 'ent-b' }, citation: '个人第一' }, 'city', 422, 'PROJECT.RECIPIENT_OUTSIDE_PROJECT');
    expect(outside.errors[0].field).toBe('recipient.orgId');
    // Both organisations by name, with their ids.
    expect(outside.messageZh).toMatch(/^即时表彰只能授予本项目所属单位[^（]+（ent-a）及其下属班组、个人；表彰对象所在组织[^（]+（ent-b）不在其中/);
    await w.refused('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'person', name: '李四', orgId: 'nowhere' }, citation: '个人第一' }, 'xy', 422, 'PROJECT.RECIPIENT_ORG_NOT_REGISTERED');
    // The enterprise itself is no 班组 (review 54 #2).
    const notTeam = await w.refused('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'team', name: '纺织厂', orgId: 'ent-a' }, citation: '团体第一' }, 'xy', 422, 'PROJECT.RECIPIENT_NOT_A_TEAM');
    expect([notTeam.errors[0].field, notTeam.messageZh]).toEqual(['recipient.orgId', expect.stringContaining('登记为“企业”，不是班组')]);
    // Nor when it is named without its organisation (review 57 #2).
    const named = await w.refused('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'team', name: '浔阳纺织有限公司' }, citation: '团体第一' }, 'xy', 422, 'PROJECT.RECIPIENT_NOT_A_TEAM');
    expect(named.errors[0].field).toBe('recipient.name');
    // Nor another registered organisation that is no 班组, a committee included (review 58 B).
    for (const other of ['浔阳区劳动竞赛委员会', '九江市劳动竞赛委员会']) {
      const refused = await w.refused('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'team', name: other }, citation: '团体第一' }, 'xy', 422, 'PROJECT.RECIPIENT_NOT_A_TEAM');
      expect(refused.messageZh).toMatch(new RegExp(`^${other}（\\w+）登记为“劳动竞赛委员会”，不是班组`));
    }
    const own = ok(await w.post('/api/v1/projects/p-a/milestones/m-final/commendations', { recipient: { kind: 'person', name: '王芳', orgId: 'ent-a' }, citation: '个人第一名' }, 'xy'), 201);
    expect(own.body.events).toEqual(['InstantCommendationGiven']);
  });

  it('revokes, suspends and reinstates an instant commendation per recipient with a reason; a revoked one never checks valid', async () => {
    const commendation = ok(await w.post('/api/v1/projects/p-a/milestones/m-final/commendations', { commendationId: 'k-li', recipient: { kind: 'person', name: '李工', orgId: 'ent-a', id: 'li-gong' }, citation: '个人第二名' }, 'xy'), 201);
    const honourId = encodeURIComponent('instant/p-a/k-li');
    const check = async () => ok(await w.get(`/api/v1/honours/${honourId}/check`, 'city')).body;
    expect((await check()).valid).toBe(true);
    await w.refused('/api/v1/projects/p-a/commendations/k-li/suspend', { reason: '' }, 'xy', 400, 'PROJECT.INVALID');
    await w.refused('/api/v1/projects/p-a/commendations/k-li/suspend', { reason: '待核查' }, 'unitA', 403, 'AUTH.ROLE_REQUIRED');
    expect(ok(await w.post('/api/v1/projects/p-a/commendations/k-li/suspend', { reason: '举报待核查' }, 'xy')).body.events).toEqual(['InstantCommendationStatusChanged']);
    expect(await check()).toMatchObject({ valid: false, status: 'suspended', reason: '举报待核查' });
    ok(await w.post('/api/v1/projects/p-a/commendations/k-li/reinstate', { reason: '核查属实无误' }, 'xy'));
    expect((await check()).valid).toBe(true);
    ok(await w.post('/api/v1/projects/p-a/commendations/k-li/revoke', { reason: '经查材料弄虚作假' }, 'city'));
    expect(await check()).toMatchObject({ valid: false, status: 'revoked', reason: '经查材料弄虚作假' });
    const again = await w.refused('/api/v1/projects/p-a/commendations/k-li/reinstate', { reason: '申诉' }, 'city', 409, 'PROJECT.COMMENDATION_ILLEGAL_TRANSITION');
    expect(again).toMatchObject({ currentState: 'revoked', allowedActions: [] });
    await w.refused('/api/v1/projects/p-a/commendations/nope/revoke', { reason: '无' }, 'city', 404, 'PROJECT.COMMENDATION_NOT_FOUND');
    // The city's commendation is the city's (or above) to change, not the county's below it.
    ok(await w.post('/api/v1/projects/p-a/milestones/m-final/commendations', { commendationId: 'k-city', recipient: { kind: 'person', name: '周工', orgId: 'ent-a', id: 'zhou' }, citation: '市级表彰' }, 'city'), 201);
    // Told as what it is: the project is the county's to see, the commendation the city's to change (review 50 #7).
    const countyOnCity = await w.refused('/api/v1/projects/p-a/commendations/k-city/suspend', { reason: '区里暂停' }, 'xy', 403, 'PROJECT.COMMENDATION_GIVER_ONLY');
    expect(countyOnCity.messageZh).toMatch(/^该即时表彰由.+给予，只能由.+（或其上级竞赛委员会）撤销、暂停、摘牌或恢复。$/);
    // The project view names them as the register does: every one with its status, a team named without an organisation under the project's.
    const shown = ok(await w.get('/api/v1/projects/p-a', 'city')).body.progress.commendations;
    expect(shown.find((c: any) => c.commendationId === 'k-li')).toMatchObject({ status: 'revoked', statusLabel: '已撤销' });
    expect(shown.find((c: any) => c.commendationId === 'k-city').allowedActionLabels[0]).toMatchObject({ action: 'revoke', method: 'POST', href: '/api/v1/projects/p-a/commendations/k-city/revoke' });
    const milestone = ok(await w.get('/api/v1/projects/p-a', 'xy')).body.progress.milestones.find((m: any) => m.milestoneId === 'm-final');
    expect(milestone.allowedActionLabels).toEqual([expect.objectContaining({ action: 'give_instant_commendation', method: 'POST', href: '/api/v1/projects/p-a/milestones/m-final/commendations' })]);
    expect(shown.find((c: any) => c.recipient.name === '细纱车间甲班')).toMatchObject({ status: 'valid', recipient: { orgId: 'ent-a' } });
    expect(commendation.body.itemId).toBe('k-li');
  });

  it('inspections record findings with deadlines; a past deadline is refused; rectification is rejected, redone and accepted', async () => {
    const actions = async (who: string) => ok(await w.get('/api/v1/projects/p-a', who)).body.allowedActions as string[];
    const boardActions = async (who: string) => (await w.get('/api/v1/board?campaignId=' + CAMPAIGN_ID, who)).body.items.find((i: any) => i.projectId === 'p-a').allowedActions as string[];
    expect(await actions('unitA')).not.toContain('report_rectification');
    expect((await actions('xy')).filter((a) => a.endsWith('_rectification'))).toEqual([]);
    expect((await boardActions('xy')).filter((a) => a.endsWith('_rectification'))).toEqual([]);
    const past = await w.refused('/api/v1/projects/p-a/inspections', { inspectedOn: '2021-10-12', findings: [{ description: '台账不全', severity: 'minor', rectifyBy: '2021-10-01' }] }, 'xy', 400, 'PROJECT.FINDING_DEADLINE_IN_PAST');
    expect(past.errors[0].field).toBe('findings[0].rectifyBy');
    await w.refused('/api/v1/projects/p-a/inspections', { inspectedOn: '2021-10-12', findings: [] }, 'lx', 403, 'AUTH.OUT_OF_SCOPE');
    const insp = ok(await w.post('/api/v1/projects/p-a/inspections', { inspectionId: 'i1', inspectedOn: '2021-10-12', findings: [{ description: '安全培训台账不全', severity: 'major', rectifyBy: '2021-10-31' }] }, 'xy'), 201);
    expect(insp.body.events).toEqual(['InspectionRecorded']);
    // The answer names the findings recorded, so a console links each without reading the project again (review 37 #12).
    expect(insp.body.findingIds).toEqual(['i1-1']);
    const url = `/api/v1/projects/p-a/inspections/i1/findings/${insp.body.findingIds[0]}/rectification`;
    await w.refused('/api/v1/projects/p-a/inspections/i9/findings/i1-1/rectification', { description: 'x' }, 'unitA', 404, 'PROJECT.FINDING_NOT_FOUND');
    expect(await actions('unitA')).toContain('report_rectification');
    expect((await actions('xy')).filter((a) => a.endsWith('_rectification'))).toEqual([]);
    // Each finding says what may be done on it, so a console with several knows which one an action is for.
    const findingActions = async (who: string) => ok(await w.get('/api/v1/projects/p-a', who)).body.supervision.findings.find((f: any) => f.findingId === 'i1-1').allowedActions;
    expect(await findingActions('unitA')).toEqual(['report_rectification']);
    // Each offered action names its request (review 40 #6): the console sends it as given.
    const offered = ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.supervision.findings[0].allowedActionLabels[0];
    expect(offered).toMatchObject({ action: 'report_rectification', label: '报告整改情况', method: 'POST', href: url });
    ok(await w.post(offered.href, { description: '已补齐台账' }, 'unitA'), 201);
    expect(await findingActions('xy')).toEqual(['accept_rectification', 'reject_rectification']);
    expect(ok(await w.get('/api/v1/projects/p-a', 'xy')).body.supervision.findings[0].allowedActionLabels.map((l: any) => l.href)).toEqual([`${url}/accept`, `${url}/reject`]);
    expect(await findingActions('unitA')).toEqual([]);
    expect(await actions('unitA')).not.toContain('report_rectification');
    expect((await actions('xy')).filter((a) => a.endsWith('_rectification'))).toEqual(['accept_rectification', 'reject_rectification']);
    expect((await boardActions('xy')).filter((a) => a.endsWith('_rectification'))).toEqual(['accept_rectification', 'reject_rectification']);
    await w.refused(`${url}/reject`, {}, 'xy', 400, 'REQUEST.INVALID');
    expect(ok(await w.post(`${url}/reject`, { note: '复训记录缺少签到表' }, 'xy')).body.events).toEqual(['RectificationRejected']);
    ok(await w.post(url, { description: '已补齐台账并附签到表' }, 'unitA'), 201);
    expect(ok(await w.post(`${url}/accept`, { note: '整改到位' }, 'city')).body.events).toEqual(['RectificationAccepted']);
    const got = ok(await w.get('/api/v1/projects/p-a', 'unitA')).body;
    expect(got.supervision.findings[0]).toMatchObject({ findingId: 'i1-1', status: 'accepted', statusLabel: '已整改', severityLabel: '较大问题' });
    expect(got.supervision.findings[0].rectifications.map((r: any) => r.outcome)).toEqual(['rejected', 'accepted']);
    expect(got.supervision.inspections[0]).toMatchObject({ inspectionId: 'i1', inspectedByOrgId: 'xy' });
    // The city's own inspection is verified by the city (or above): the county under it does not settle it (review 49 #3).
    ok(await w.post('/api/v1/projects/p-a/inspections', { inspectionId: 'i2', inspectedOn: '2021-10-12', findings: [{ findingId: 'i2-1', description: '应急预案未演练', severity: 'minor', rectifyBy: '2021-10-31' }] }, 'city'), 201);
    ok(await w.post('/api/v1/projects/p-a/inspections/i2/findings/i2-1/rectification', { description: '已组织演练' }, 'unitA'), 201);
    // Not offered to the county either, on the project or on the finding; offered to the city (review 51 #4).
    const countyView = ok(await w.get('/api/v1/projects/p-a', 'xy')).body;
    expect(countyView.allowedActions).not.toContain('accept_rectification');
    expect(countyView.supervision.findings.find((f: any) => f.findingId === 'i2-1').allowedActions).toEqual([]);
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.supervision.findings.find((f: any) => f.findingId === 'i2-1').allowedActions).toEqual(['accept_rectification', 'reject_rectification']);
    // The board too: the row offers verifying to the city, not to the county (board v15).
    expect((await boardActions('xy')).filter((a) => a.endsWith('_rectification'))).toEqual([]);
    expect((await boardActions('city')).filter((a) => a.endsWith('_rectification'))).toEqual(['accept_rectification', 'reject_rectification']);
    // Nor counted as the county's to review (review 53 #1).
    const row = async (who: string) => (await w.get('/api/v1/board?campaignId=' + CAMPAIGN_ID, who)).body.items.find((i: any) => i.projectId === 'p-a');
    expect([(await row('xy')).findingsToReview, (await row('city')).findingsToReview]).toEqual([0, 1]);
    // Nor listed as awaiting the county's action, while it awaits the city's (review 53 #1).
    const awaits = async (who: string) => (await w.get('/api/v1/board?awaitingMyAction=true', who)).body.items.map((i: any) => i.projectId);
    expect([await awaits('xy'), await awaits('city')]).toEqual([expect.not.arrayContaining(['p-a']), expect.arrayContaining(['p-a'])]);
    const county = await w.refused('/api/v1/projects/p-a/inspections/i2/findings/i2-1/rectification/accept', { note: '已核实' }, 'xy', 403, 'PROJECT.INSPECTOR_ONLY');
    expect(county.messageZh).toContain('整改情况由');
    expect(ok(await w.post('/api/v1/projects/p-a/inspections/i2/findings/i2-1/rectification/accept', { note: '已核实' }, 'city')).body.events).toEqual(['RectificationAccepted']);
  });

  it('an unrectified finding past its deadline is marked overdue by the scheduler', async () => {
    ok(await w.post('/api/v1/projects/p-b/inspections', { inspectionId: 'ib', inspectedOn: '2021-10-12', findings: [{ findingId: 'fb', description: '现场安全防护不到位', severity: 'critical', rectifyBy: '2021-10-20' }] }, 'lx'), 201);
    expect(await w.tickAt('2021-10-20T23:00:00+08:00')).toBe(0);
    expect(await w.tickAt('2021-10-21T08:00:00+08:00')).toBe(1);
    const items = ok(await w.get('/api/v1/supervision/overdue?kind=rectification', 'lx')).body.items;
    expect(items).toEqual([expect.objectContaining({ projectId: 'p-b', findingId: 'fb', kindLabel: '督导问题逾期未整改', detail: '现场安全防护不到位', dueOn: '2021-10-20' })]);
  });

  it('incidents are counted by severity and organisation', async () => {
    ok(await w.post('/api/v1/projects/p-power/incidents', { occurredOn: '2021-10-18', severity: 'minor', kind: 'safety_accident', description: '检修时手部划伤' }, 'city'), 201);
    const incident = { occurredOn: '2021-10-19', severity: 'serious', kind: 'quality_accident', description: '批次返工' };
    const first = ok(await w.post('/api/v1/projects/p-b/incidents', incident, 'unitB', { 'idempotency-key': 'incident-1' }), 201);
    const replay = ok(await w.post('/api/v1/projects/p-b/incidents', incident, 'unitB', { 'idempotency-key': 'incident-1' }), 201);
    expect(replay.body).toMatchObject({ replayed: true, itemId: first.body.itemId, position: first.body.position });
    await w.refused('/api/v1/projects/p-b/incidents', { occurredOn: '2021-10-19', severity: 'minor', kind: 'safety_accident', description: 'x' }, 'unitA', 403, 'AUTH.NOT_YOUR_ORGANISATION');
    const all = ok(await w.get(`/api/v1/supervision/incidents?campaignId=${CAMPAIGN_ID}`, 'city')).body;
    expect(all.items.map((i: any) => [i.projectId, i.severityLabel, i.kindLabel])).toEqual([['p-b', '较大事故', '质量事故'], ['p-power', '一般事故', '安全生产事故']]);
    expect(all.bySeverity).toEqual([
      { severity: 'minor', label: '一般事故', count: 1 }, { severity: 'serious', label: '较大事故', count: 1 },
      { severity: 'major', label: '重大事故', count: 0 }, { severity: 'catastrophic', label: '特别重大事故', count: 0 },
    ]);
    expect(all.byOrg.map((o: any) => o.orgName).sort()).toEqual(['九江供电公司（市直）', '濂溪电子科技公司']);
    expect(ok(await w.get('/api/v1/supervision/incidents', 'lx')).body.total).toBe(1);
  });

  it('lists projects with no report for longer than the cadence as stalled, as of the injected clock', async () => {
    expect(ok(await w.get('/api/v1/supervision/stalled', 'city')).body.items).toEqual([]);
    w.t.clock.set('2021-11-02T10:00:00+08:00');
    expect(ok(await w.get('/api/v1/supervision/stalled', 'city')).body.items).toEqual([]);
    w.t.clock.set('2021-11-12T10:00:00+08:00');
    expect(ok(await w.get('/api/v1/supervision/stalled', 'city')).body.items.map((i: any) => i.projectId)).toEqual(['p-b']);
    // A cycle and the report's ten due days after the last report.
    w.t.clock.set('2022-01-22T10:00:00+08:00');
    const stalled = ok(await w.get('/api/v1/supervision/stalled', 'city')).body;
    expect(stalled.asOf).toBe('2022-01-22T02:00:00.000Z');
    expect(stalled.items.map((i: any) => [i.projectId, i.stalledSince])).toEqual([
      ['p-b', '2021-11-10T16:00:00.000Z'], ['p-a', '2022-01-18T02:00:00.000Z'], ['p-power', '2022-01-21T02:00:00.000Z'],
    ]);
    expect(ok(await w.get('/api/v1/supervision/stalled', 'xy')).body.items.map((i: any) => i.projectId)).toEqual(['p-a']);
    expect(stalled.items[0]).toMatchObject({ lastReportAt: null, reason: '立项后超过一个报送周期（3 个月）及报送期限 10 日未报送任何推进情况' });
    w.t.clock.set('2022-01-12T10:00:00+08:00');
  });

  it('coverage counts a unit’s participating enterprises once however many periods restate them', async () => {
    ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q4', { participants: 300, participating_enterprises: 1 }), 'unitA'), 201);
    const cov = ok(await w.get(`/api/v1/statistics/coverage?campaignId=${CAMPAIGN_ID}&groupBy=period`, 'xy')).body;
    expect(cov.totals).toMatchObject({ enterprises: 1, nonPublicEnterprises: 1, nonPublicSharePercent: 100 });
    expect(cov.totals.metrics.find((m: any) => m.key === 'participants').value).toBe(1550);
    expect(cov.targets.find((t: any) => t.metric === 'enterprises')).toMatchObject({ actual: 1, target: 10, percentComplete: 10 });
    expect(cov.groups.map((g: any) => [g.key, g.enterprises])).toEqual([['2021-Q3', 1], ['2021-Q4', 1]]);
  });

  it('a project approved after periods fell due owes no report for them, and none is marked overdue', async () => {
    w.t.clock.set('2022-01-12T11:00:00+08:00');
    ok(await w.post('/api/v1/projects/p-late/approve', {}, 'xy'));
    ok(await w.post('/api/v1/projects/p-late/approve', {}, 'city'));
    await w.tickAt('2022-01-12T12:00:00+08:00');
    const overdue = ok(await w.get('/api/v1/supervision/overdue?includeResolved=true', 'unitA')).body.items;
    expect(overdue.filter((i: any) => i.projectId === 'p-late')).toEqual([]);
    const periods = ok(await w.get('/api/v1/projects/p-late/progress-reports', 'unitA')).body.periods;
    expect(periods.map((p: any) => [p.period, p.status, p.owed])).toEqual([['2021-Q3', 'not_owed', false], ['2021-Q4', 'not_owed', false]]);
    expect(periods[0].statusLabel).toBe('立项前已截止，无需报送');
    // The unit may still report what it did; the report is not late.
    const filed = ok(await w.post('/api/v1/projects/p-late/progress-reports', report('2021-Q4', { participants: 80 }), 'unitA'), 201);
    expect(filed.body.events).toEqual(['ProgressReportFiled']);
    expect(ok(await w.get('/api/v1/projects/p-late/progress-reports', 'unitA')).body.periods[1]).toMatchObject({ status: 'filed', current: { late: false } });
  });

  it('a change of cadence leaves the periods missed under the old one overdue, on the supervision list, the board and in the project', async () => {
    const boardRow = async () => ok(await w.get(`/api/v1/board?campaignId=${CAMPAIGN_ID}`, 'city')).body.items.find((i: any) => i.projectId === 'p-b');
    expect((await boardRow()).overduePeriods).toContain('2021-Q3');
    ok(await w.post(`/api/v1/campaigns/${CAMPAIGN_ID}/rules-amendments`, { changes: { reportingCadence: 'monthly' }, reason: '市总工会要求改为按月报送' }, 'city'));
    // A committee does not clear its overdue list by changing the cadence: the quarter stays owed, on the board and the list.
    expect((await boardRow()).overduePeriods).toContain('2021-Q3');
    const items = ok(await w.get(`/api/v1/supervision/overdue?campaignId=${CAMPAIGN_ID}&includeResolved=true&kind=report`, 'city')).body.items;
    expect(items.find((i: any) => i.projectId === 'p-b' && i.period === '2021-Q3')).toMatchObject({ state: 'open', stateLabel: '待处理' });
    // p-power filed its Q3 late before the change: that stays as it was.
    expect(items.find((i: any) => i.projectId === 'p-power' && i.period === '2021-Q3')).toMatchObject({ state: 'filed_late' });
    const overdue = ok(await w.get('/api/v1/projects/p-b', 'city')).body.progress.overdue;
    expect(overdue.find((o: any) => o.period === '2021-Q3')).not.toHaveProperty('superseded');
  });

  it('after a change of cadence no period of the new cadence falls due retroactively, and a quarter missed before it may still be filed late', async () => {
    await w.tickAt('2022-01-13T09:00:00+08:00');
    const listed = async () => ok(await w.get(`/api/v1/supervision/overdue?campaignId=${CAMPAIGN_ID}&includeResolved=true&kind=report`, 'city')).body.items.map((i: any) => [i.projectId, i.period, i.state]);
    // Monthly periods that fell due before the change (2021-10 to 2021-12) were never owed: none is marked overdue.
    expect(await listed()).toEqual([['p-b', '2021-Q3', 'open'], ['p-power', '2021-Q3', 'filed_late'], ['p-b', '2021-Q4', 'open'], ['p-power', '2021-Q4', 'open']]);
    const reports = async () => ok(await w.get('/api/v1/projects/p-power/progress-reports', 'city')).body;
    expect(await reports()).toMatchObject({ cadence: 'monthly', rulesVersion: 2, otherReports: [] });
    // The quarters stand as judged under the quarterly rules; the Q4 miss is overdue and may still be filed.
    expect((await reports()).periods.map((p: any) => [p.period, p.cadence, p.status, p.fileable, p.rulesVersion, p.markedOverdue])).toEqual([
      ['2021-Q3', 'quarterly', 'filed_late', true, 1, true], ['2021-Q4', 'quarterly', 'overdue', true, 1, true],
    ]);
    const late = ok(await w.post('/api/v1/projects/p-power/progress-reports', report('2021-Q4', { participants: 120 }), 'power'), 201);
    expect(late.body.events).toEqual(['ProgressReportFiled']);
    expect((await reports()).periods[1]).toMatchObject({ period: '2021-Q4', status: 'filed_late', current: { late: true, rulesVersion: 1 } });
    expect(await listed()).toContainEqual(['p-power', '2021-Q4', 'filed_late']);
    // A quarter never owed (not of the old rules' periods) is still refused, as the new cadence's form.
    const refused = await w.post('/api/v1/projects/p-power/progress-reports', report('2022-Q1', { participants: 1 }), 'power');
    expect(refused.body).toMatchObject({ status: 400, code: 'PROJECT.INVALID_PERIOD' });
  });

  it('a terminated project’s misses read as ended by the termination, on its own page as on the supervision list (review 40 #5)', async () => {
    ok(await w.post('/api/v1/projects/p-b/terminate', { reason: '项目停工' }, 'city'));
    const listed = ok(await w.get(`/api/v1/supervision/overdue?campaignId=${CAMPAIGN_ID}&includeResolved=true&kind=report`, 'city')).body.items.filter((i: any) => i.projectId === 'p-b');
    const own = ok(await w.get('/api/v1/projects/p-b', 'city')).body.progress.overdue;
    expect(own.map((o: any) => [o.period, o.state, o.stateLabel])).toEqual(listed.map((i: any) => [i.period, i.state, i.stateLabel]));
    expect(own[0]).toMatchObject({ state: 'project_terminated', stateLabel: '项目已终止' });
  });
});

describe('a progress report filed while its period still runs (reviews 34 #4, 35 #5)', () => {
  let w: LoopWorld;
  const report = (period: string, participants: number) => ({ period, metrics: { participants }, narrative: '开展技能比武' });

  beforeAll(async () => {
    w = await LoopWorld.start();
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
  });
  afterAll(() => w.stop());

  it('is accepted with a note that its figures are as of the day filed, and the project’s reports say so until it is corrected after the period', async () => {
    w.t.clock.set('2021-08-02T10:00:00+08:00');
    const early = ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q3', 300), 'unitA'), 201);
    expect(early.body.noteZh).toContain('本期（2021年第三季度，至 2021-09-30）尚未结束');
    expect(early.body.noteZh).toContain('报送期限为 2021-10-10');
    const q3 = async () => ok(await w.get('/api/v1/projects/p-a/progress-reports', 'xy')).body.periods.find((p: any) => p.period === '2021-Q3');
    expect(await q3()).toMatchObject({ status: 'filed', filedBeforePeriodEnd: true, filedBeforePeriodEndNoteZh: expect.stringContaining('于 2021-08-02 报送，所报为截至当日的数据') });
    // Corrected once the period is over, the figures in force are no longer early ones.
    w.t.clock.set('2021-10-03T10:00:00+08:00');
    const corrected = ok(await w.post('/api/v1/projects/p-a/progress-reports', { ...report('2021-Q3', 1200), reason: '期末汇总全季数据' }, 'unitA'), 201);
    expect(corrected.body.noteZh).toBeUndefined();
    expect(await q3()).toMatchObject({ filedBeforePeriodEnd: false, filedBeforePeriodEndNoteZh: null, current: { metrics: { participants: 1200 } } });
  });
});
