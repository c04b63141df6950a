import { CAMPAIGN_ID, LoopWorld, campaign, ok } from '../fixtures/scheduler-loop-world';

/*
 * The middle of the loop over HTTP, part 2: assessment with locked assessor sets, conflict of
 * interest refused, scores and corrections, a trimmed mean checked by hand, the summary
 * returned and accepted; the board, coverage against targets and assessment statistics.
 */
describe('project loop over HTTP: assessment, summary, statistics', () => {
  let w: LoopWorld;
  const scores = (quality: number, schedule: number, innovation: number) => ({ scores: { quality, schedule, innovation } });
  const report = (projectId: string, who: string, period: string, metrics: Record<string, number>, reason?: string) =>
    w.post(`/api/v1/projects/${projectId}/progress-reports`, { period, metrics, narrative: '按计划推进', ...(reason ? { reason } : {}) }, who);
  const awaiting = async (who: string) => (await w.get('/api/v1/board?awaitingMyAction=true', who)).body.items.map((i: any) => i.projectId);

  beforeAll(async () => {
    w = await LoopWorld.start();
    w.t.clock.set('2021-07-20T10:00:00+08:00');
    await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
    await w.approvedProject('p-b', 'unitB', 'lx', '电子装配技能竞赛', 'non_public');
    await w.approvedProject('p-power', 'power', null, '供电抢修技能比武', 'key_project');
    w.t.clock.set('2021-10-05T10:00:00+08:00');
    ok(await report('p-a', 'unitA', '2021-Q3', { participants: 1200, participating_enterprises: 1, technical_innovations: 5, suggestions_made: 40, suggestions_adopted: 20 }), 201);
    ok(await report('p-a', 'unitA', '2021-Q3', { participants: 1250, participating_enterprises: 1, technical_innovations: 6, suggestions_made: 40, suggestions_adopted: 20 }, '补录一场比武'), 201);
    ok(await report('p-b', 'unitB', '2021-Q3', { participants: 800, participating_enterprises: 2, technical_innovations: 3, suggestions_made: 30, suggestions_adopted: 10 }), 201);
    ok(await report('p-power', 'power', '2021-Q3', { participants: 600, participating_enterprises: 1, technical_innovations: 2 }), 201);
    w.t.clock.set('2022-01-05T10:00:00+08:00');
    ok(await report('p-a', 'unitA', '2021-Q4', { participants: 1500, participating_enterprises: 1, technical_innovations: 8, suggestions_made: 60, suggestions_adopted: 35 }), 201);
    // The scheduler marks the fourth-quarter reports p-b and p-power missed (due 2022-01-10).
    await w.tickAt('2022-01-15T09:00:00+08:00');
  });
  afterAll(() => w.stop());

  it('refuses an assessor from the project’s own organisation or an ancestor, naming the conflict; nothing appended', async () => {
    const body = { assessors: [{ userId: 'as1', orgId: 'univ', name: '赵教授' }, { userId: 'asXy', orgId: 'xy', name: '李科长' }, { userId: 'asOwn', orgId: 'ent-a', name: '厂长' }] };
    const refusal = await w.refused('/api/v1/projects/p-a/assessment/open', body, 'city', 422, 'PROJECT.ASSESSOR_CONFLICT');
    expect(refusal.conflicts).toEqual([
      { userId: 'asXy', name: '李科长', orgId: 'xy', relation: 'ancestor' },
      { userId: 'asOwn', name: '厂长', orgId: 'ent-a', relation: 'same_org' },
    ]);
    expect(refusal.messageZh).toContain('李科长（评估专家所在单位是项目单位的上级）');
    expect(refusal.messageZh).toContain('厂长（评估专家与项目同属一个单位）');
    await w.refused('/api/v1/projects/p-a/assessment/open', { assessors: [{ userId: 'as1', orgId: 'univ' }, { userId: 'as2', orgId: 'nowhere' }, { userId: 'as3', orgId: 'univ' }] }, 'city', 404, 'ORGANIZATION.NOT_FOUND');
    await w.refused('/api/v1/projects/p-a/assessment/open', { assessors: [{ userId: 'as1', orgId: 'univ' }, { userId: 'as2', orgId: 'inst' }] }, 'city', 422, 'PROJECT.NOT_ENOUGH_ASSESSORS');
    await w.refused('/api/v1/projects/p-a/assessment/open', { assessors: [] }, 'unitA', 403, 'AUTH.ROLE_REQUIRED');
    // An array where an assessor object belongs is not an object (it reached the directory as an assessor, a 500).
    const notObject = await w.refused('/api/v1/projects/p-a/assessment/open', { assessors: [[]], waivers: [[]] }, 'city', 400, 'REQUEST.INVALID');
    expect(notObject.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'assessors[0]', messageZh: expect.stringContaining('应为对象') }), expect.objectContaining({ field: 'waivers[0]' })]));
  });

  it('opens assessment of the textile project with four third-party assessors; bad score sheets are refused', async () => {
    const assessors = [['as1', 'univ', '赵教授'], ['as2', 'inst', '钱研究员'], ['as3', 'univ', '孙副教授'], ['as4', 'inst', '周高工']].map(([userId, orgId, name]) => ({ userId, orgId, name }));
    const opened = ok(await w.post('/api/v1/projects/p-a/assessment/open', { assessors }, 'city'));
    expect(opened.body.events).toEqual(['AssessmentOpened']);
    expect(await awaiting('as3')).toEqual(['p-a']);
    expect((await w.get('/api/v1/board', 'as5')).body.items).toEqual([]);
    // An assessor reads the projects assigned to them, not those under their organisation: the
    // county's expert, refused above for the conflict, does not read the textile project (nor its scores).
    ok(await w.get('/api/v1/projects/p-a', 'as3'));
    // Opened after the plan's last day: nothing to say about the plan being cut short.
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.assessment).toMatchObject({ openedAt: expect.any(String), openedEarly: null });
    expect((await w.get('/api/v1/projects/p-a', 'asXy')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    // A third-party assessor reads the campaign whose project they score (its scheme), and finds it in their list; one not assigned does not.
    expect(ok(await w.get(`/api/v1/campaigns/${CAMPAIGN_ID}`, 'as3')).body.rules.assessment.criteria.map((c: any) => c.key)).toEqual(['quality', 'schedule', 'innovation']);
    expect(ok(await w.get('/api/v1/campaigns', 'as3')).body.items.map((c: any) => c.campaignId)).toEqual([CAMPAIGN_ID]);
    expect((await w.get(`/api/v1/campaigns/${CAMPAIGN_ID}`, 'as5')).body).toMatchObject({ status: 403, code: 'AUTH.OUT_OF_SCOPE' });
    expect(ok(await w.get('/api/v1/campaigns', 'as5')).body.items).toEqual([]);

    // An assessor not assigned learns no more than a read tells them, the same for scoring and stepping aside: not its title, nor its
    // stage (review 40 #2); in words about scoring (review 55 #4).
    const notAssigned = await w.refused('/api/v1/projects/p-a/assessment/scores', scores(90, 90, 90), 'as5', 403, 'AUTH.OUT_OF_SCOPE');
    expect(notAssigned.messageZh).toMatch(/^您未被指派为竞赛项目 p-a 的评估专家，不能评分或申报回避/);
    expect(notAssigned.messageZh).not.toContain('纺织挡车工技能比武');
    expect(notAssigned).not.toHaveProperty('currentState');
    const readRefusal = (await w.get('/api/v1/projects/p-a', 'as5')).body;
    expect(readRefusal).toMatchObject({ code: 'AUTH.OUT_OF_SCOPE', messageZh: expect.stringContaining('不在您的查看范围内') });
    expect((await w.refused('/api/v1/projects/p-a/assessment/conflicts', { reason: '曾参与该项目' }, 'as5', 403, 'AUTH.OUT_OF_SCOPE')).messageZh).toBe(notAssigned.messageZh);
    // The same user with a token of the project's own organisation is not the assessor the conflict check cleared.
    w.tok.as1AtOwnOrg = await w.t.token({ userId: 'as1', name: 'as1 同志', roles: ['assessor'], orgId: 'ent-a' });
    const mismatch = await w.refused('/api/v1/projects/p-a/assessment/scores', scores(99, 99, 99), 'as1AtOwnOrg', 403, 'PROJECT.ASSESSOR_ORG_MISMATCH');
    expect(mismatch).toMatchObject({ assignedOrgId: 'univ', actingOrgId: 'ent-a' });
    expect(mismatch.messageZh).toContain('以您的实际单位更正');
    // Both organisations by name, as the other messages name them (review 50 #13).
    expect(mismatch.messageZh).toMatch(/登记的所在单位是“[^”]+”（univ），而当前登录身份的所在单位是“[^”]+”（ent-a）/);
    // The committee may correct a wrongly registered organisation before the assessor scores: the conflict check runs again (here the project's own unit).
    await w.refused('/api/v1/projects/p-a/assessment/assessors', { assessor: { userId: 'as1', orgId: 'ent-a', name: '赵教授' }, reason: '更正所在单位' }, 'city', 422, 'PROJECT.ASSESSOR_CONFLICT');
    // Signed in for the other organisation, the assessor is offered stepping aside (accepted from any of their organisations), not scoring.
    expect(ok(await w.get('/api/v1/projects/p-a', 'as1AtOwnOrg')).body.allowedActions).toEqual(['declare_conflict']);
    expect(ok(await w.get('/api/v1/projects/p-a', 'as1')).body.allowedActions).toEqual(['declare_conflict', 'record_score']);
    // The board offers the same as the detail, under either sign-in.
    const boardRow = async (who: string) => ok(await w.get('/api/v1/board?awaitingMyAction=true', who)).body.items.find((i: any) => i.projectId === 'p-a');
    expect((await boardRow('as1AtOwnOrg')).allowedActions).toEqual(['declare_conflict']);
    expect((await boardRow('as1')).allowedActions).toEqual(['declare_conflict', 'record_score']);
    expect(await boardRow('as1')).not.toHaveProperty('assessorOrgsJson');
    const range = await w.refused('/api/v1/projects/p-a/assessment/scores', scores(105, 85, -1), 'as1', 400, 'PROJECT.SCORE_OUT_OF_RANGE');
    expect(range.errors.map((e: any) => e.field)).toEqual(['scores.quality', 'scores.innovation']);
    expect(range.messageZh).toContain('“比质量”的得分应在 0–100 之间');
    const unknown = await w.refused('/api/v1/projects/p-a/assessment/scores', { scores: { quality: 90, schedule: 85, innovation: 80, beauty: 99 } }, 'as1', 400, 'PROJECT.UNKNOWN_CRITERION');
    expect(unknown.messageZh).toContain('评估方案中没有指标“beauty”');
    const missing = await w.refused('/api/v1/projects/p-a/assessment/scores', { scores: { quality: 90 } }, 'as1', 400, 'PROJECT.MISSING_CRITERION');
    expect(missing.detail).toBe('The score sheet misses a criterion: Give a score for "schedule". Give a score for "innovation".');
    await w.refused('/api/v1/projects/p-a/assessment/scores', scores(90, 90, 90), 'unitA', 403, 'AUTH.ROLE_REQUIRED');
    await w.refused('/api/v1/projects/p-a/progress-reports', { period: '2021-Q4', metrics: {}, narrative: 'x' }, 'unitA', 409, 'PROJECT.REPORTING_CLOSED');
  });

  it('scores, a correction, a self-score kept apart, and a trimmed mean checked by hand', async () => {
    expect(ok(await w.post('/api/v1/projects/p-a/assessment/scores', scores(80, 85, 80), 'as1'), 201).body.events).toEqual(['ScoreRecorded']);
    await w.refused('/api/v1/projects/p-a/assessment/scores', scores(90, 85, 80), 'as1', 400, 'PROJECT.REASON_REQUIRED');
    expect(ok(await w.post('/api/v1/projects/p-a/assessment/scores', { ...scores(90, 85, 80), reason: '复核后调整质量得分' }, 'as1'), 201).body.events).toEqual(['ScoreCorrected']);
    ok(await w.post('/api/v1/projects/p-a/assessment/scores', scores(95, 90, 92), 'as2'), 201);
    await w.refused('/api/v1/projects/p-a/assessment/finalize', {}, 'city', 422, 'PROJECT.NOT_ENOUGH_SCORES');
    ok(await w.post('/api/v1/projects/p-a/assessment/scores', scores(70, 75, 72), 'as3'), 201);
    expect(await awaiting('city')).not.toContain('p-a');
    // The committee sees who has not scored yet; the unit only how many.
    const rowOf = async (who: string) => ok(await w.get('/api/v1/board?status=under_assessment', who)).body.items.find((i: any) => i.projectId === 'p-a');
    expect(await rowOf('city')).toMatchObject({ pendingAssessors: ['as4'], pendingAssessorCount: 1 });
    expect(await rowOf('unitA')).toMatchObject({ pendingAssessors: [], pendingAssessorCount: 1 });
    ok(await w.post('/api/v1/projects/p-a/assessment/scores', scores(88, 80, 86), 'as4'), 201);
    ok(await w.post('/api/v1/projects/p-a/assessment/self-scores', scores(95, 95, 95), 'unitA'), 201);
    // Until the result is fixed the unit sees no assessor's sheet and an assessor only their own.
    expect(ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.assessment.scores).toEqual([]);
    expect(ok(await w.get('/api/v1/projects/p-a', 'as2')).body.assessment.scores.map((x: any) => x.assessorUserId)).toEqual(['as2']);
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.assessment.scores.length).toBeGreaterThanOrEqual(4);
    // The committee sees ahead of finalising that a review note will be asked for; the unit sees no spread.
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.assessment.provisionalDisagreement).toMatchObject({ spread: 20.5, threshold: 15, flagged: true, scored: 4 });
    expect(ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.assessment.provisionalDisagreement).toBeNull();
    // The statistics keep to the same rule, and show the committee the spread while scores come in.
    const statsOf = async (who: string) => ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, who)).body.items.find((i: any) => i.projectId === 'p-a');
    expect((await statsOf('city')).disagreement).toEqual({ spread: 20.5, threshold: 15, flagged: true, provisional: true, label: '当前评分分歧较大，确定结果时须填写复核意见（已评 4 份，尚未汇总）' });
    // An assessor sees the projects assigned to them, as on the board (their institute's subtree holds none).
    const asView = ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, 'as2')).body;
    expect(asView.scope).toMatchObject({ kind: 'assessor', labelZh: '指派给本人评审的项目' });
    expect(asView.items.map((i: any) => i.projectId)).toContain('p-a');
    const unitView = await statsOf('unitA');
    // Not even who has scored: only how many.
    expect(unitView.assessors.map((a: any) => [a.userId, a.scored, a.withheld, a.weightedTotal, a.scores])).toEqual([
      ['as1', null, true, null, []], ['as2', null, true, null, []], ['as3', null, true, null, []], ['as4', null, true, null, []],
    ]);
    expect(unitView.scoredCount).toBe(4);
    expect(unitView.disagreement).toBeNull();
    expect(await awaiting('as3')).toEqual([]);
    expect(await awaiting('city')).toContain('p-a');

    // Weighted totals (40/30/30): as1 0.4×90+0.3×85+0.3×80 = 85.5; as2 92.6; as3 72.1; as4 85.0.
    // Trimmed mean: drop the lowest (72.1) and the highest (92.6): (85.5 + 85.0) / 2 = 85.25 → 良好.
    // 92.6 − 72.1 = 20.5 > 15: the committee reviews before the result is fixed, and its review is recorded.
    // The detail says so before the request, as the refusal will (review 37 #11); a unit is offered nothing to finalise.
    const offered = ok(await w.get('/api/v1/projects/p-a', 'city')).body;
    expect(offered.noteRequired).toEqual([expect.objectContaining({ action: 'finalize_assessment', code: 'PROJECT.DISAGREEMENT_REVIEW_REQUIRED' })]);
    expect(ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.noteRequired).toEqual([]);
    // The city opened the assessment: the county over the project may not fix its result, nor settle the city's review (review 38 #1).
    const county = ok(await w.get('/api/v1/projects/p-a', 'xy')).body;
    expect(county.allowedActions).not.toContain('finalize_assessment');
    expect(county.noteRequired).toEqual([]);
    expect((await w.get('/api/v1/board?orgId=ent-a', 'xy')).body.items[0].allowedActions).not.toContain('finalize_assessment');
    const byCounty = await w.refused('/api/v1/projects/p-a/assessment/finalize', { note: '县级确定' }, 'xy', 403, 'PROJECT.ASSESSMENT_OPENER_ONLY');
    expect(byCounty).toMatchObject({ openedByOrgId: 'jj' });
    expect((await w.get('/api/v1/board?orgId=ent-a', 'city')).body.items[0].allowedActions).toContain('finalize_assessment');
    const review = await w.refused('/api/v1/projects/p-a/assessment/finalize', {}, 'city', 422, 'PROJECT.DISAGREEMENT_REVIEW_REQUIRED');
    expect(review).toMatchObject({ spread: 20.5, threshold: 15 });
    expect(offered.noteRequired[0].messageZh).toBe(review.messageZh);
    await w.refused('/api/v1/projects/p-a/assessment/finalize', { note: '已复核', reviewer: 'x' }, 'city', 400, 'REQUEST.INVALID');
    const fin = ok(await w.post('/api/v1/projects/p-a/assessment/finalize', { note: '专家组复核：钱研究员评分偏高、孙专家偏低，均有依据，维持原评分' }, 'city'));
    expect(fin.body.events).toEqual(['AssessmentFinalized']);
    const result = ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.assessment.result;
    expect(result).toMatchObject({ total: 85.25, grade: 'good', gradeLabel: '良好', aggregation: 'trimmed_mean', totalsUsed: [85.5, 85], dropped: [72.1, 92.6], disagreement: { spread: 20.5, threshold: 15, flagged: true } });
    // Once fixed, the unit reads every sheet, but not who gave which (review 46 #3): highest total first, no names.
    const anonymous = (await statsOf('unitA')).assessors.map((a: any) => [a.userId, a.name, a.orgId, a.weightedTotal, a.anonymous]);
    expect(anonymous).toEqual([[null, '评估专家 1', null, 92.6, true], [null, '评估专家 2', null, 85.5, true], [null, '评估专家 3', null, 85, true], [null, '评估专家 4', null, 72.1, true]]);
    expect(ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.assessment.scores.map((x: any) => [x.assessorUserId, x.assessorLabel, x.weightedTotal])).toEqual([
      [null, '评估专家 1', 92.6], [null, '评估专家 2', 85.5], [null, '评估专家 3', 85], [null, '评估专家 4', 72.1],
    ]);
    // An assessor keeps their own sheet named; the committee sees every sheet with its expert.
    expect((await statsOf('as3')).assessors.map((a: any) => [a.userId, a.weightedTotal])).toEqual([['as3', 72.1], [null, 92.6], [null, 85.5], [null, 85]]);
    expect((await statsOf('city')).assessors.map((a: any) => a.userId)).toEqual(['as1', 'as2', 'as3', 'as4']);
    // Nor does the per-expert summary name an expert's mean to the unit.
    expect(ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, 'unitA')).body.byAssessor).toEqual([]);
    // The sheets carry nothing a named panel could be matched by (a correction's revision), nor the committee's review note (review 47 #3).
    const unitDetail = ok(await w.get('/api/v1/projects/p-a', 'unitA')).body.assessment;
    expect(unitDetail.scores.every((x: any) => Object.keys(x).sort().join() === 'assessorLabel,assessorUserId,scores,weightedTotal')).toBe(true);
    expect(unitDetail.result.reviewNote).toBeUndefined();
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.assessment.result.reviewNote).toContain('专家组复核');
    expect(await awaiting('unitA')).toEqual(['p-a']);
  });

  it('the summary is returned with a reason, resubmitted and accepted', async () => {
    const outcomes = { participants: 2750, participating_enterprises: 1, technical_innovations: 14, suggestions_made: 100, suggestions_adopted: 55, energy_saved_tce: 12.5 };
    await w.refused('/api/v1/projects/p-a/summary', { outcomes: { ...outcomes, suggestions_adopted: 120 }, experience: '师带徒' }, 'unitA', 400, 'PROJECT.INVALID');
    ok(await w.post('/api/v1/projects/p-a/summary', { outcomes: { ...outcomes, participants: 2700 }, experience: '以师带徒带动技能提升' }, 'unitA'), 201);
    // The committee sees each total against the reports in force (Q3 as corrected 1,250 + Q4 1,500 participant-times).
    const checks = ok(await w.get('/api/v1/projects/p-a', 'xy')).body.summary.checks;
    expect(checks.filter((c: any) => c.flag)).toEqual([
      { metric: 'participants', label: '参与职工人次', unit: '人次', summary: 2700, reports: 2750, basis: 'sum', basisLabel: '累计（各期相加）', flag: 'below', noteZh: '总结参与职工人次 2700 人次，少于各期报告合计 2750 人次，请核实。' },
      { metric: 'energy_saved_tce', label: '节能量', unit: '吨标准煤', summary: 12.5, reports: null, basis: 'sum', basisLabel: '累计（各期相加）', flag: 'unreported', noteZh: '总结节能量 12.5 吨标准煤，各期报告均未填报该指标，请核实来源。' },
    ]);
    expect(checks.find((c: any) => c.metric === 'participating_enterprises')).toMatchObject({ summary: 1, reports: 1, basis: 'latest', basisLabel: '时点（期末数）', flag: null });
    expect(await awaiting('xy')).toContain('p-a');
    await w.refused('/api/v1/projects/p-a/summary/return', {}, 'xy', 400, 'REQUEST.INVALID');
    ok(await w.post('/api/v1/projects/p-a/summary/return', { reason: '参与人次与季度报告合计不一致，请核实' }, 'xy'));
    expect((await w.get('/api/v1/board?status=assessed', 'unitA')).body.items[0]).toMatchObject({ projectId: 'p-a', returnedReason: '参与人次与季度报告合计不一致，请核实' });
    ok(await w.post('/api/v1/projects/p-a/summary', { outcomes, experience: '以师带徒带动技能提升，形成可推广的操作法' }, 'unitA'), 201);
    expect(ok(await w.get('/api/v1/projects/p-a', 'xy')).body.summary.checks.filter((c: any) => c.flag).map((c: any) => c.metric)).toEqual(['energy_saved_tce']);
    // Accepting over a flag takes a note, which the acceptance records.
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.noteRequired).toEqual([expect.objectContaining({ action: 'accept_summary', label: '通过总结', code: 'PROJECT.SUMMARY_NOTE_REQUIRED' })]);
    const unchecked = await w.refused('/api/v1/projects/p-a/summary/accept', {}, 'city', 422, 'PROJECT.SUMMARY_NOTE_REQUIRED');
    expect(unchecked.messageZh).toContain('总结节能量 12.5 吨标准煤，各期报告均未填报该指标');
    // The county returns a summary, but accepting it is the city's, which opened the assessment (review 49 #3).
    expect(ok(await w.get('/api/v1/projects/p-a', 'xy')).body.allowedActions).not.toContain('accept_summary');
    await w.refused('/api/v1/projects/p-a/summary/accept', { note: '同意' }, 'xy', 403, 'PROJECT.ASSESSMENT_OPENER_ONLY');
    expect(ok(await w.post('/api/v1/projects/p-a/summary/accept', { note: '同意' }, 'city')).body.events).toEqual(['SummaryAccepted']);
    const board = (await w.get('/api/v1/board?orgId=ent-a', 'city')).body.items[0];
    expect(board).toMatchObject({ status: 'summarized', statusLabel: '已总结', total: 85.25, gradeLabel: '良好' });
  });

  it('a second project: a recusal leaves too few scores until an assessor is added after the lock, with a reason', async () => {
    const assessors = [['as2', 'inst'], ['as3', 'univ'], ['as5', 'univ']].map(([userId, orgId]) => ({ userId, orgId }));
    ok(await w.post('/api/v1/projects/p-power/assessment/open', { assessors }, 'city'));
    expect(ok(await w.post('/api/v1/projects/p-power/assessment/conflicts', { reason: '本人曾任该公司技术顾问' }, 'as5'), 201).body.events).toEqual(['ConflictOfInterestDeclared']);
    await w.refused('/api/v1/projects/p-power/assessment/scores', scores(90, 90, 90), 'as5', 403, 'PROJECT.ASSESSOR_RECUSED');
    // Recused, the assessor is offered nothing more on the project: not on its detail, not on the board row.
    expect(ok(await w.get('/api/v1/projects/p-power', 'as5')).body.allowedActions).toEqual([]);
    const row = ok(await w.get('/api/v1/board', 'as5')).body.items.find((i: any) => i.projectId === 'p-power');
    expect([row?.allowedActions, row && 'scoredBy' in row]).toEqual([[], false]);
    ok(await w.post('/api/v1/projects/p-power/assessment/scores', scores(80, 80, 80), 'as2'), 201);
    ok(await w.post('/api/v1/projects/p-power/assessment/scores', scores(85, 85, 85), 'as3'), 201);
    await w.refused('/api/v1/projects/p-power/assessment/finalize', {}, 'city', 422, 'PROJECT.NOT_ENOUGH_SCORES');
    // Two valid sheets of the three a trimmed mean needs: neither the project view nor the board offers finalising; both say how many count.
    const offered = async () => {
      const view = ok(await w.get('/api/v1/projects/p-power', 'city')).body.allowedActions;
      const row = ok(await w.get('/api/v1/board?status=under_assessment', 'city')).body.items.find((i: any) => i.projectId === 'p-power');
      expect(row.allowedActions).toEqual(view);
      return { finalize: view.includes('finalize_assessment'), counted: [row.scoresCounted, row.scoresNeeded] };
    };
    expect(await offered()).toEqual({ finalize: false, counted: [2, 3] });
    await w.refused('/api/v1/projects/p-power/assessment/assessors', { assessor: { userId: 'as1', orgId: 'univ' } }, 'city', 400, 'REQUEST.INVALID');
    ok(await w.post('/api/v1/projects/p-power/assessment/assessors', { assessor: { userId: 'as1', orgId: 'univ', name: '赵教授' }, reason: '钱研究员回避后补足三名专家' }, 'city'), 201);
    ok(await w.post('/api/v1/projects/p-power/assessment/scores', scores(90, 90, 90), 'as1'), 201);
    expect(await offered()).toEqual({ finalize: true, counted: [3, 3] });
    ok(await w.post('/api/v1/projects/p-power/assessment/finalize', {}, 'city'));
    ok(await w.post('/api/v1/projects/p-power/summary', { outcomes: { participants: 1300, participating_enterprises: 1, technical_innovations: 4, suggestions_adopted: 10 }, experience: '抢修练兵常态化' }, 'power'), 201);
    // An accident that vetoes: the committee deciding on the summary is told it bars the project from award selection.
    ok(await w.post('/api/v1/projects/p-power/incidents', { occurredOn: '2022-01-05', severity: 'minor', kind: 'safety_accident', description: '抢修时手部划伤' }, 'city'), 201);
    expect(ok(await w.get('/api/v1/projects/p-power', 'city')).body.summary.awardNotesZh).toEqual(['发生安全生产事故，一票否决']);
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.summary.awardNotesZh).toEqual([]);
    // 1,300 participant-times against one quarter's 600: over-reporting or the last months, the committee says which.
    const over = await w.refused('/api/v1/projects/p-power/summary/accept', {}, 'city', 422, 'PROJECT.SUMMARY_NOTE_REQUIRED');
    expect(over.checks.map((c: any) => [c.metric, c.flag])).toEqual([['participants', 'above'], ['technical_innovations', 'above'], ['suggestions_adopted', 'unreported']]);
    // The fourth quarter's report was missed and never filed: the summary names it, and so do the refusal and the acceptance (review 34 #2).
    expect(ok(await w.get('/api/v1/projects/p-power', 'city')).body.summary.unfiledPeriods).toEqual(['2021-Q4']);
    expect(over.unfiledPeriods).toEqual(['2021-Q4']);
    expect(over.messageZh).toContain('1 期进展报告逾期未报送（2021年第四季度），总结数据不含这些报送期的报告（评估开始后已不能补报，退回总结也不能补报）');
    // The unit cannot file it now, and is told why, with the period that stays overdue (review 50 #5).
    const late = await w.refused('/api/v1/projects/p-power/progress-reports', { period: '2021-Q4', metrics: { participants: 700 }, narrative: '补报第四季度' }, 'power', 409, 'PROJECT.REPORTING_CLOSED');
    expect(late).toMatchObject({ unfiledPeriods: ['2021-Q4'], messageZh: expect.stringContaining('逾期未报送的报送期（2021年第四季度）作为未报送记录在案，退回总结也不能补报') });
    const accepted = ok(await w.post('/api/v1/projects/p-power/summary/accept', { note: '第四季度数据未单独报送，已核对台账' }, 'city'));
    expect(accepted.body.noteZh).toBe('总结已通过。1 期进展报告逾期未报送（2021年第四季度），总结数据不含这些报送期的报告，项目结束后不能再补报。');
    const got = ok(await w.get('/api/v1/projects/p-power', 'as1')).body;
    expect(got).toMatchObject({ status: 'summarized', assessment: { result: { total: 85, grade: 'good', dropped: [80, 90], disagreement: { flagged: false } } } });
  });

  it('assessment statistics: scores per assessor, totals, grades, rankings within campaign and category, disagreement flags', async () => {
    const stats = ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, 'city')).body;
    expect(stats.items.map((i: any) => [i.projectId, i.total, i.gradeLabel, i.rankInCampaign, i.rankInCategory, i.disagreement.flagged])).toEqual([
      ['p-a', 85.25, '良好', 1, 1, true], ['p-power', 85, '良好', 2, 1, false],
    ]);
    const pa = stats.items[0];
    expect(pa.assessors.map((a: any) => [a.userId, a.weightedTotal, a.scoreRevision])).toEqual([['as1', 85.5, 2], ['as2', 92.6, 1], ['as3', 72.1, 1], ['as4', 85, 1]]);
    expect(pa.assessors[0].scores).toEqual([{ key: 'quality', name: '比质量', weight: 40, score: 90 }, { key: 'schedule', name: '比工期', weight: 30, score: 85 }, { key: 'innovation', name: '比技术创新', weight: 30, score: 80 }]);
    expect(pa).toMatchObject({ selfAssessmentTotal: 95, aggregationLabel: '去掉一个最高分和一个最低分后平均', disagreement: { label: '评分分歧较大，已复核后确定结果' }, orgName: '浔阳纺织有限公司' });
    const power = stats.items[1];
    expect(power.assessors.map((a: any) => [a.userId, a.declaredConflict, a.addedAfterLock, a.counted])).toEqual([['as2', false, false, true], ['as3', false, false, true], ['as5', true, false, false], ['as1', false, true, true]]);
    // Its unit reads the counted sheets only, without the flags that name the one added late or the one who stepped aside (review 47 #3).
    const ownView = ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, 'power')).body.items.find((i: any) => i.projectId === 'p-power');
    expect(ownView.assessors).toHaveLength(3);
    for (const a of ownView.assessors) expect(Object.keys(a).sort()).toEqual(['anonymous', 'counted', 'name', 'orgId', 'scored', 'scores', 'userId', 'weightedTotal', 'withheld']);
    expect(stats.byAssessor.find((a: any) => a.assessorUserId === 'as1')).toMatchObject({ scored: 2, meanTotal: 87.75 });
    const county = ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, 'xy')).body;
    expect(county.items.map((i: any) => [i.projectId, i.rankInCampaign])).toEqual([['p-a', 1]]);
    expect(ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}&category=key_project`, 'city')).body.items.map((i: any) => i.projectId)).toEqual(['p-power']);
    expect((await w.get('/api/v1/statistics/assessment', 'city')).status).toBe(400);
    expect((await w.get('/api/v1/statistics/assessment?campaignId=nope', 'city')).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
  });

  it('publishes the ranking as it stands (公布排名): kept as published when the live ranking moves, readable by the campaign’s readers', async () => {
    const R = `/api/v1/campaigns/${CAMPAIGN_ID}/rankings`;
    // Only the organising committee publishes.
    await w.refused(R, {}, 'xy', 403, 'CAMPAIGN.FORBIDDEN');
    await w.refused(R, {}, 'unitA', 403, 'AUTH.ROLE_REQUIRED');
    const first = await w.post(R, { note: '经竞赛委员会审定，予以公布' }, 'city');
    expect(first.status).toBe(201);
    expect(first.headers.location).toBe(`${R}/1`);
    expect(first.body).toMatchObject({ events: ['RankingPublished'], rankingNo: 1, streamId: `ranking-${CAMPAIGN_ID}` });
    // Published again with nothing changed: not a second publication, and said so (review 48 #9).
    expect((await w.post(R, { note: '再次公布' }, 'city')).body).toMatchObject({ status: 409, code: 'RANKING.UNCHANGED', rankingNo: 1 });
    const one = ok(await w.get(`${R}/1`, 'unitA')).body;
    expect(one).toMatchObject({ rankingNo: 1, basis: 'total', basisLabel: '按总分排名', note: '经竞赛委员会审定，予以公布', count: 2, campaignRulesVersion: expect.any(Number), asOfPosition: expect.any(Number) });
    expect(one.entries.map((e: any) => [e.projectId, e.total, e.gradeLabel, e.rankInCampaign, e.rankInCategory, e.orgName])).toEqual([
      ['p-a', 85.25, '良好', 1, 1, '浔阳纺织有限公司'], ['p-power', 85, '良好', 2, 1, '九江供电公司（市直）'],
    ]);
    // The campaign now ranks on the experts' z-scores: the live ranking follows, the published one stays as it was.
    ok(await w.post(`/api/v1/campaigns/${CAMPAIGN_ID}/rules-amendments`, { changes: { assessment: { ...campaign.assessment, normalisation: 'z_score_v1' } }, reason: '按评估专家标准分排名' }, 'city'));
    expect(ok(await w.get(`/api/v1/statistics/assessment?campaignId=${CAMPAIGN_ID}`, 'city')).body.ranking.basis).toBe('z_score_v1');
    expect(ok(await w.get(`${R}/1`, 'city')).body.basis).toBe('total');
    const second = ok(await w.post(R, {}, 'city'), 201).body;
    // Taking a category off the list says what becomes of the projects already in it (review 48 #14), and putting it back says nothing.
    const narrowed = ok(await w.post(`/api/v1/campaigns/${CAMPAIGN_ID}/rules-amendments`, { changes: { categories: ['skills', 'non_public'] }, reason: '不再新增重点工程项目' }, 'city')).body;
    expect(narrowed.noteZh).toMatch(/^“重点工程立功竞赛”类别已有 \d+ 个项目，这些项目按原规则继续，不受本次修改影响；新项目不能再选报该类别。$/);
    expect(ok(await w.post(`/api/v1/campaigns/${CAMPAIGN_ID}/rules-amendments`, { changes: { categories: campaign.categories }, reason: '恢复' }, 'city')).body.noteZh).toBeUndefined();
    expect(second.rankingNo).toBe(2);
    expect(ok(await w.get(R, 'xy')).body.items.map((p: any) => [p.rankingNo, p.basis, p.count])).toEqual([[1, 'total', 2], [2, 'z_score_v1', 2]]);
    expect((await w.get(`${R}/3`, 'city')).body).toMatchObject({ status: 404, code: 'RANKING.NOT_FOUND' });
    for (const bad of ['01', '1.5', 'abc']) expect((await w.get(`${R}/${bad}`, 'city')).body).toMatchObject({ status: 400, code: 'REQUEST.INVALID', errors: [{ field: 'rankingNo' }] });
    // An auditor of a county under the organiser reads the rankings' stream, as it reads the campaign's (review 48 #11).
    w.tok.xyAuditor = await w.t.token({ userId: 'aud-xy', roles: ['auditor'], orgId: 'xy' });
    expect(ok(await w.get(`/api/v1/audit/streams/ranking-${CAMPAIGN_ID}/events`, 'xyAuditor')).body.items.map((e: any) => e.type)).toEqual(['RankingPublished', 'RankingPublished']);
    // The auditor replays the rankings' stream as it was after the first publication.
    const asOf = ok(await w.get(`/api/v1/audit/streams/ranking-${CAMPAIGN_ID}/state?atRevision=0`, 'admin')).body;
    expect(asOf.state.publications.map((p: any) => p.basis)).toEqual(['total']);
  });

  it('coverage against the campaign targets, from accepted summaries or else the latest reports', async () => {
    const cov = ok(await w.get(`/api/v1/statistics/coverage?campaignId=${CAMPAIGN_ID}&groupBy=ownership`, 'city')).body;
    // Participant-times: 2750 (p-a summary) + 1300 (p-power summary) + 800 (p-b report) = 4850 of 5000.
    expect(cov.targets.map((t: any) => [t.metric, t.actual, t.target, t.percentComplete])).toEqual([
      ['enterprises', 4, 10, 40], ['non_public_enterprises', 3, 4, 75], ['participant_times', 4850, 5000, 97], ['technical_innovations', 21, 20, 105], ['suggestions_adopted', 75, 100, 75],
    ]);
    expect(cov.targets[2].label).toBe('参与职工人次');
    expect(cov).toMatchObject({ projectsFromAcceptedSummary: 2, totals: { projects: 3, participatingUnits: 3, nonPublicUnits: 2, enterprises: 4, nonPublicEnterprises: 3, nonPublicSharePercent: 75 } });
    expect(cov.groups.map((g: any) => [g.label, g.projects, g.metrics.find((m: any) => m.key === 'participants').value])).toEqual([['非公', 2, 3550], ['国有', 1, 1300]]);
    const byPeriod = ok(await w.get(`/api/v1/statistics/coverage?campaignId=${CAMPAIGN_ID}&groupBy=period`, 'city')).body;
    expect(byPeriod.groups.map((g: any) => [g.key, g.metrics.find((m: any) => m.key === 'participants').value])).toEqual([['2021-Q3', 2650], ['2021-Q4', 1500]]);
    expect(byPeriod.noteZh).toBe('2 个项目的总结已通过，合计按总结数据计算；按报送期分组只统计各期报告，各组之和可能与合计不同。');
    const county = ok(await w.get(`/api/v1/statistics/coverage?campaignId=${CAMPAIGN_ID}&groupBy=region`, 'xy')).body;
    expect(county.groups).toEqual([expect.objectContaining({ key: '九江市浔阳区', projects: 1 })]);
    expect(county.targets.find((t: any) => t.metric === 'participant_times')).toMatchObject({ actual: 2750, percentComplete: 55 });
    // The county's part of the city's targets, and the answer says so; the organiser sees the whole campaign.
    // The same scope shape as every other list (kind, orgName, labelZh), with what coverage adds.
    expect(county.scope).toMatchObject({ kind: 'subtree', orgId: 'xy', orgName: expect.any(String), labelZh: expect.stringContaining('及所属单位'), wholeCampaign: false, noteZh: expect.stringContaining('整个竞赛活动的目标任务') });
    expect(cov.scope).toMatchObject({ kind: 'subtree', orgId: expect.any(String), wholeCampaign: true, noteZh: null });
    expect((await w.get(`/api/v1/statistics/coverage?campaignId=${CAMPAIGN_ID}&groupBy=colour`, 'city')).status).toBe(400);
    expect((await w.get('/api/v1/statistics/coverage?campaignId=nope', 'city')).body).toMatchObject({ status: 404, code: 'CAMPAIGN.NOT_FOUND' });
  });
});
