import { READ_MODEL_DB, upsertDeadline } from '@jingsai/api-kit';
import { ReadModelDatabase } from '@jingsai/event-store';
import { CAMPAIGN_ID, LoopWorld, ok } from '../fixtures/scheduler-loop-world';

/*
 * A committee changes the reporting cadence while projects run (信息反馈 from quarterly to
 * monthly): every month of a plan is still reported once, under the rules of the period it
 * falls in, and no report comes due retroactively.
 */
const report = (period: string, participants: number, extra: Record<string, unknown> = {}) => ({ period, metrics: { participants }, narrative: '开展技能比武', ...extra });

/** The quarterly campaign with two projects approved on 2021-07-20, plans from August to December. */
async function twoProjects(): Promise<LoopWorld> {
  const w = await LoopWorld.start();
  w.t.clock.set('2021-07-20T10:00:00+08:00');
  await w.approvedProject('p-a', 'unitA', 'xy', '纺织挡车工技能比武', 'non_public');
  await w.approvedProject('p-b', 'unitB', 'lx', '电子装配技能竞赛');
  return w;
}

/** Each period a project owes: key, cadence, rules version, status. */
const periodsIn = (w: LoopWorld) => async (projectId: string) =>
  ok(await w.get(`/api/v1/projects/${projectId}/progress-reports`, 'city')).body.periods.map((p: any) => [p.period, p.cadence, p.rulesVersion, p.status]);

describe('a change of reporting cadence while projects run', () => {
  let w: LoopWorld;
  const periods = (projectId: string) => periodsIn(w)(projectId);
  beforeAll(async () => (w = await twoProjects()));
  afterAll(() => w.stop());

  it('finishes the quarter under way quarterly when July’s monthly report would already be due, and owes monthly from October', async () => {
    w.t.clock.set('2021-08-20T10:00:00+08:00');
    ok(await w.post(`/api/v1/campaigns/${CAMPAIGN_ID}/rules-amendments`, { changes: { reportingCadence: 'monthly' }, reason: '市总工会要求改为按月报送' }, 'city'));
    // The committee and the unit are told when the new cadence takes over.
    const regimes = [
      { rulesVersion: 1, cadence: 'quarterly', cadenceLabel: '按季度报送', changedOn: null, owedFrom: null, owedBefore: '2021-10-01', noteZh: '2021-10-01 前开始的报送期按季度报送' },
      { rulesVersion: 2, cadence: 'monthly', cadenceLabel: '按月报送', changedOn: '2021-08-20', owedFrom: '2021-10-01', owedBefore: null, noteZh: '2021-10-01 起按月报送' },
    ];
    expect(ok(await w.get(`/api/v1/campaigns/${CAMPAIGN_ID}`, 'city')).body.reportingRegimes).toEqual(regimes);
    expect(ok(await w.get('/api/v1/projects/p-a/progress-reports', 'unitA')).body.reportingRegimes).toEqual(regimes);
    // July to September once, in Q3; October to December once each.
    expect(await periods('p-a')).toEqual([
      ['2021-Q3', 'quarterly', 1, 'awaiting'], ['2021-10', 'monthly', 2, 'upcoming'], ['2021-11', 'monthly', 2, 'upcoming'], ['2021-12', 'monthly', 2, 'upcoming'],
    ]);
  });

  it('refuses a month the quarter under way covers, naming the quarter to file, and takes the quarter under the earlier rules', async () => {
    w.t.clock.set('2021-09-02T10:00:00+08:00');
    const refused = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-08', 300), 'unitA', 422, 'PROJECT.PERIOD_UNDER_EARLIER_RULES');
    expect(refused).toMatchObject({ period: '2021-08', owedFrom: '2021-10-01', insteadPeriods: ['2021-Q3'], errors: [{ field: 'period' }] });
    expect(refused.messageZh).toBe('报送期 2021-08 按变更前的报送规则报送，应报送 2021-Q3；本竞赛活动自 2021-10-01 起按月报送。');
    // A quarter of the old form whose months the new cadence owes: told which months to file it in.
    const later = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-Q4', 300), 'unitA', 400, 'PROJECT.INVALID_PERIOD');
    expect(later).toMatchObject({ insteadPeriods: ['2021-10', '2021-11', '2021-12'], messageZh: '本竞赛活动自 2021-10-01 起按月报送，2021-Q4 的月份应在 2021-10、2021-11、2021-12 中报送。' });
    // Outside the plan: every period owed, under either rules.
    const outside = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-06', 300), 'unitA', 422, 'PROJECT.PERIOD_OUTSIDE_CAMPAIGN');
    expect(outside.owedPeriods).toEqual(['2021-Q3', '2021-10', '2021-11', '2021-12']);
    w.t.clock.set('2021-10-08T10:00:00+08:00');
    const filed = ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q3', 1200), 'unitA'), 201);
    expect(filed.body.events).toEqual(['ProgressReportFiled']);
    expect((await periods('p-a'))[0]).toEqual(['2021-Q3', 'quarterly', 1, 'filed']);
    // p-b has not reported since its approval in July, but its first report (Q3) is not due until 10-10: it is not stalled.
    expect(ok(await w.get(`/api/v1/supervision/stalled?campaignId=${CAMPAIGN_ID}`, 'city')).body.items).toEqual([]);
  });

  it('marks the quarter and then the months overdue as each falls due, and never a month the quarter covers', async () => {
    expect(await w.tickAt('2021-10-11T09:00:00+08:00')).toBeGreaterThanOrEqual(1);
    await w.tickAt('2021-11-11T09:00:00+08:00');
    const listed = ok(await w.get(`/api/v1/supervision/overdue?campaignId=${CAMPAIGN_ID}&includeResolved=true&kind=report`, 'city')).body.items.map((i: any) => [i.projectId, i.period]);
    expect(listed.sort()).toEqual([['p-a', '2021-10'], ['p-b', '2021-10'], ['p-b', '2021-Q3']]);
    expect((await periods('p-b')).slice(0, 2)).toEqual([['2021-Q3', 'quarterly', 1, 'overdue'], ['2021-10', 'monthly', 2, 'overdue']]);
    // The quarter missed may still be filed, late, under the rules it fell due under.
    const late = ok(await w.post('/api/v1/projects/p-b/progress-reports', report('2021-Q3', 500), 'unitB'), 201);
    expect(late.body.events).toEqual(['ProgressReportFiled']);
    expect((await periods('p-b'))[0]).toEqual(['2021-Q3', 'quarterly', 1, 'filed_late']);
  });

  it('counts each month once in the coverage statistics', async () => {
    ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-10', 400), 'unitA'), 201);
    const cov = ok(await w.get(`/api/v1/statistics/coverage?campaignId=${CAMPAIGN_ID}&groupBy=period`, 'city')).body;
    // In the order of time, labelled as people read them.
    expect(cov.groups.map((g: any) => [g.key, g.label])).toEqual([['2021-Q3', '2021年第三季度'], ['2021-10', '2021年10月']]);
    expect(cov.totals.metrics.find((m: any) => m.key === 'participants').value).toBe(1200 + 500 + 400);
  });
});

describe('a change of reporting cadence after a unit reported the period under way', () => {
  let w: LoopWorld;
  const periods = (projectId: string) => periodsIn(w)(projectId);
  beforeAll(async () => (w = await twoProjects()));
  afterAll(() => w.stop());

  it('keeps the quarter the unit reported under the quarterly rules, and owes it monthly only after it; a unit that reported nothing owes monthly at once', async () => {
    w.t.clock.set('2021-08-03T10:00:00+08:00');
    ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q3', 900), 'unitA'), 201);
    w.t.clock.set('2021-08-05T10:00:00+08:00');
    ok(await w.post(`/api/v1/campaigns/${CAMPAIGN_ID}/rules-amendments`, { changes: { reportingCadence: 'monthly' }, reason: '市总工会要求改为按月报送' }, 'city'));
    // Monthly takes over on 07-01 (July's report is due 08-10); p-a's Q3, reported, keeps July to September.
    expect(await periods('p-a')).toEqual([
      ['2021-Q3', 'quarterly', 1, 'filed'], ['2021-10', 'monthly', 2, 'upcoming'], ['2021-11', 'monthly', 2, 'upcoming'], ['2021-12', 'monthly', 2, 'upcoming'],
    ]);
    expect(ok(await w.get('/api/v1/projects/p-a/progress-reports', 'unitA')).body.otherReports).toEqual([]);
    expect(await periods('p-b')).toEqual([
      ['2021-08', 'monthly', 2, 'awaiting'], ['2021-09', 'monthly', 2, 'upcoming'], ['2021-10', 'monthly', 2, 'upcoming'], ['2021-11', 'monthly', 2, 'upcoming'], ['2021-12', 'monthly', 2, 'upcoming'],
    ]);
    // The report on record stays correctable, under the rules it was filed under; its months are not owed again.
    const corrected = ok(await w.post('/api/v1/projects/p-a/progress-reports', report('2021-Q3', 950, { reason: '补录一场比武' }), 'unitA'), 201);
    expect(corrected.body.events).toEqual(['ProgressReportCorrected']);
    const refused = await w.refused('/api/v1/projects/p-a/progress-reports', report('2021-08', 300), 'unitA', 422, 'PROJECT.PERIOD_UNDER_EARLIER_RULES');
    expect(refused).toMatchObject({ owedFrom: '2021-10-01', insteadPeriods: ['2021-Q3'] });
  });

  it('marks only what each owes: p-b’s August, and nothing of p-a’s before October', async () => {
    await w.tickAt('2021-09-11T09:00:00+08:00');
    const listed = ok(await w.get(`/api/v1/supervision/overdue?campaignId=${CAMPAIGN_ID}&includeResolved=true&kind=report`, 'city')).body.items.map((i: any) => [i.projectId, i.period]);
    expect(listed).toEqual([['p-b', '2021-08']]);
    // Stalled likewise: p-b, silent a month and ten days since its approval; not p-a, whose next report is October's.
    w.t.clock.set('2021-09-20T10:00:00+08:00');
    expect(ok(await w.get(`/api/v1/supervision/stalled?campaignId=${CAMPAIGN_ID}`, 'city')).body.items.map((i: any) => i.projectId)).toEqual(['p-b']);
  });
});

describe('the scheduler, for a due item a project no longer owes', () => {
  let w: LoopWorld;
  beforeAll(async () => (w = await twoProjects()));
  afterAll(() => w.stop());

  it('records no miss the unit could never clear, and stops looking at the item', async () => {
    // An item left behind (an older build's plan, say): the quarterly campaign never owed a monthly 2021-08.
    const db = w.t.app.get<ReadModelDatabase>(READ_MODEL_DB).db;
    upsertDeadline(db, 'project_deadlines', { kind: 'progress_report_due', streamId: 'project-p-a', key: '2021-08', dueAt: '2021-09-10T16:00:00.000Z', payload: { projectId: 'p-a', period: '2021-08', dueOn: '2021-09-10' } });
    await w.tickAt('2021-09-11T09:00:00+08:00');
    expect(ok(await w.get('/api/v1/projects/p-a', 'city')).body.progress.overdue).toEqual([]);
    expect(db.prepare("SELECT settled FROM deadlines WHERE stream_id = 'project-p-a' AND item_key = '2021-08'").pluck().get()).toBe(1);
  });
});
