import { recorded, projectionSpec } from '@jingsai/testing';
import type { Database } from 'better-sqlite3';
import { supervisionProjection } from './supervision.projection';
import { BREAKDOWN_LIMIT, listIncidents, listOverdue, listStalled } from './supervision.queries';

const at = (occurredAt: string) => ({ metadata: { occurredAt } });
const org = (orgId: string, parentPath: string[]) =>
  recorded('OrganizationRegistered', { orgId, name: orgId, kind: 'enterprise', level: 'enterprise', ownership: null, industry: null, region: null, parentId: parentPath.at(-1) ?? null, parentPath });
const plan = { startsOn: '2021-08-01', endsOn: '2021-12-31' };

const world = () => [
  org('jj', []), org('xy', ['jj']), org('lx', ['jj']), org('ent-a', ['jj', 'xy']), org('ent-b', ['jj', 'lx']),
  recorded('CampaignCreated', { campaignId: 'c1', reportingCadence: 'quarterly', title: 't' }),
  recorded('ProjectDrafted', { projectId: 'pa', campaignId: 'c1', orgId: 'ent-a', title: '纺织', category: 'skills', implementationPlan: plan }),
  recorded('ProjectDrafted', { projectId: 'pb', campaignId: 'c1', orgId: 'ent-b', title: '电子', category: 'skills', implementationPlan: plan }),
  recorded('ProjectApproved', { projectId: 'pa', level: 'city', rulesVersion: 1, approvedLevels: ['city'] }, at('2021-07-20T02:00:00.000Z')),
  recorded('ProjectApproved', { projectId: 'pb', level: 'city', rulesVersion: 1, approvedLevels: ['city'] }, at('2021-07-20T02:00:00.000Z')),
];
const all = { scope: { kind: 'all' as const }, limit: 50, offset: 0 };
const now = new Date('2021-12-01T00:00:00Z');

describe('supervision projection', () => {
  it('closes overdue items nobody can act on any more, saying why: assessment opened, project terminated; not a change of cadence', () => {
    const overdueQ3 = (projectId: string) => recorded('ProgressReportOverdue', { projectId, period: '2021-Q3', dueOn: '2021-10-10' }, at('2021-10-10T16:00:00.000Z'));
    const states = (db: Database) =>
      listOverdue(db, { ...all, now, includeResolved: true }).items.map((i) => [i.projectId, i.period ?? i.findingId, i.state, i.stateLabel, i.resolvedAt]);
    const rules = (reportingCadence: string) => recorded('CampaignRulesAmended', { campaignId: 'c1', rules: { reportingCadence }, changes: { reportingCadence } }, at('2021-11-01T02:00:00.000Z'));
    const opened = recorded('AssessmentOpened', { projectId: 'pa', assessors: [], scheme: {}, rulesVersion: 1 }, at('2021-10-20T02:00:00.000Z'));
    const terminated = recorded('ProjectTerminated', { projectId: 'pb', reason: '企业停产' }, at('2021-10-25T02:00:00.000Z'));
    projectionSpec(supervisionProjection).given([...world(), overdueQ3('pa'), overdueQ3('pb'), opened, terminated]).then(states, [
      ['pa', '2021-Q3', 'unfiled', '未补报（项目已进入评估）', '2021-10-20T02:00:00.000Z'],
      ['pb', '2021-Q3', 'project_terminated', '项目已终止', '2021-10-25T02:00:00.000Z'],
    ]);
    // A change of cadence, or the same cadence again, leaves a miss open: the quarter may still be filed late.
    projectionSpec(supervisionProjection).given([...world(), overdueQ3('pa'), rules('monthly')]).then(states, [['pa', '2021-Q3', 'open', '待处理', null]]);
    projectionSpec(supervisionProjection).given([...world(), overdueQ3('pa'), rules('quarterly')]).then(states, [['pa', '2021-Q3', 'open', '待处理', null]]);
  });

  it('keeps a rectification past its deadline after the summary was accepted without it on record, as never done, not as waiting', () => {
    const inspected = recorded('InspectionRecorded', { projectId: 'pb', inspectionId: 'i', findings: [{ findingId: 'f', description: '防护不到位', severity: 'major', rectifyBy: '2021-11-20' }] });
    const summarised = recorded('SummaryAccepted', { projectId: 'pb', revision: 1, note: '整改未完成' }, at('2021-11-10T02:00:00.000Z'));
    const overdue = recorded('RectificationOverdue', { projectId: 'pb', findingId: 'f', rectifyBy: '2021-11-20' }, at('2021-11-20T16:00:00.000Z'));
    const states = (f: object) => (db: Database) => listOverdue(db, { ...all, now, ...f }).items.map((i) => [i.projectId, i.findingId, i.state, i.stateLabel]);
    projectionSpec(supervisionProjection).given([...world(), inspected, summarised, overdue]).then(states({}), []);
    projectionSpec(supervisionProjection).given([...world(), inspected, summarised, overdue]).then(states({ includeResolved: true }), [['pb', 'f', 'unrectified_at_summary', '总结通过时仍未整改（项目已结束）']]);
    // Already overdue when the summary was accepted: closed the same way.
    const early = recorded('RectificationOverdue', { projectId: 'pb', findingId: 'f', rectifyBy: '2021-11-20' }, at('2021-11-05T02:00:00.000Z'));
    projectionSpec(supervisionProjection).given([...world(), inspected, early, summarised]).then(states({ includeResolved: true }), [['pb', 'f', 'unrectified_at_summary', '总结通过时仍未整改（项目已结束）']]);
  });

  it('lists overdue reports until filed late, and overdue rectifications until accepted, in scope', () => {
    const events = [
      ...world(),
      recorded('ProgressReportOverdue', { projectId: 'pa', period: '2021-Q3', dueOn: '2021-10-10' }, at('2021-10-10T16:00:00.000Z')),
      recorded('ProgressReportOverdue', { projectId: 'pb', period: '2021-Q3', dueOn: '2021-10-10' }, at('2021-10-10T16:00:00.000Z')),
      recorded('ProgressReportFiled', { projectId: 'pb', period: '2021-Q3', filedAt: '2021-10-15T02:00:00.000Z', metrics: {} }, at('2021-10-15T02:00:00.000Z')),
      recorded('InspectionRecorded', { projectId: 'pb', inspectionId: 'i', findings: [{ findingId: 'f', description: '防护不到位', severity: 'major', rectifyBy: '2021-10-20' }] }),
      recorded('RectificationOverdue', { projectId: 'pb', findingId: 'f', rectifyBy: '2021-10-20' }, at('2021-10-20T16:00:00.000Z')),
      recorded('RectificationReported', { projectId: 'pb', findingId: 'f', description: 'x', late: true }, at('2021-11-05T02:00:00.000Z')),
    ];
    const overdue = (f: object) => (db: Database) => listOverdue(db, { ...all, now, ...f }).items.map((i) => [i.projectId, i.kind, i.period ?? i.findingId, i.state, i.daysOverdue]);
    // A reported rectification stops counting days on the day of the unit's report (10-20 → 11-05), while it waits for verification.
    projectionSpec(supervisionProjection).given(events).then(overdue({}), [['pa', 'report', '2021-Q3', 'open', 52], ['pb', 'rectification', 'f', 'reported', 16]]);
    projectionSpec(supervisionProjection).given(events).then(overdue({ includeResolved: true, kind: 'report' }), [['pa', 'report', '2021-Q3', 'open', 52], ['pb', 'report', '2021-Q3', 'filed_late', 5]]);
    projectionSpec(supervisionProjection).given(events).then(overdue({ scope: { kind: 'subtree', orgId: 'lx' } }), [['pb', 'rectification', 'f', 'reported', 16]]);
    const rejected = recorded('RectificationRejected', { projectId: 'pb', findingId: 'f', note: '未见整改照片' }, at('2021-11-08T02:00:00.000Z'));
    projectionSpec(supervisionProjection).given([...events, rejected]).then(overdue({ scope: { kind: 'subtree', orgId: 'lx' } }), [['pb', 'rectification', 'f', 'open', 42]]);
    const accepted = recorded('RectificationAccepted', { projectId: 'pb', findingId: 'f', note: null });
    projectionSpec(supervisionProjection).given([...events, accepted]).then((db) => listOverdue(db, { ...all, now }).byKind, [{ key: 'report', count: 1, label: '推进情况逾期未报' }]);
  });

  it('counts every overdue item but lists only the organisations and projects with the most', () => {
    const n = BREAKDOWN_LIMIT + 5;
    const many = [...Array(n).keys()].flatMap((i) => [
      org(`e${i}`, ['jj', 'xy']),
      recorded('ProjectDrafted', { projectId: `p${i}`, campaignId: 'c1', orgId: `e${i}`, title: `项目${i}`, category: 'skills', implementationPlan: plan }),
      recorded('ProjectApproved', { projectId: `p${i}`, level: 'city', rulesVersion: 1, approvedLevels: ['city'] }, at('2021-07-20T02:00:00.000Z')),
      ...['2021-Q3', '2021-Q4'].slice(0, i === 3 ? 2 : 1).map((period) => recorded('ProgressReportOverdue', { projectId: `p${i}`, period, dueOn: '2021-10-10' })),
    ]);
    projectionSpec(supervisionProjection).given([...world(), ...many]).thenMatches((db) => {
      const r = listOverdue(db, { ...all, now, scope: { kind: 'subtree', orgId: 'xy', path: '/jj/xy/' } });
      return { total: r.total, orgs: r.byOrg.length, projects: r.byProject.length, top: r.byProject[0] };
    }, { total: n + 1, orgs: BREAKDOWN_LIMIT, projects: BREAKDOWN_LIMIT, top: { key: 'p3', count: 2 } });
  });

  it('calls a project stalled one reporting cycle and the report’s 10 due days after its last report (or its start), as of now', () => {
    const events = [...world(), recorded('ProgressReportFiled', { projectId: 'pa', period: '2021-Q3', filedAt: '2021-10-05T02:00:00.000Z', metrics: {} })];
    const stalled = (iso: string) => (db: Database) => listStalled(db, { ...all, now: new Date(iso) }).items.map((i) => [i.projectId, i.stalledSince]);
    // pb started 2021-08-01 and never reported: stalled a quarter and ten days later (its missed Q3 report is already overdue).
    projectionSpec(supervisionProjection).given(events).then(stalled('2021-11-02T00:00:00Z'), []);
    projectionSpec(supervisionProjection).given(events).then(stalled('2021-11-11T00:00:00Z'), [['pb', '2021-11-10T16:00:00.000Z']]);
    // pa reported on 10-05 and owes the next quarter by 01-10: quiet, but not stalled, until three months and ten days have passed.
    projectionSpec(supervisionProjection).given(events).then(stalled('2022-01-12T00:00:00Z'), [['pb', '2021-11-10T16:00:00.000Z']]);
    projectionSpec(supervisionProjection).given(events).then(stalled('2022-01-16T00:00:00Z'), [['pb', '2021-11-10T16:00:00.000Z'], ['pa', '2022-01-15T02:00:00.000Z']]);
    projectionSpec(supervisionProjection).given([...events, recorded('AssessmentOpened', { projectId: 'pb' })]).then(stalled('2022-01-16T00:00:00Z'), [['pa', '2022-01-15T02:00:00.000Z']]);
  });

  it('holds running projects to the cadence owed: the earlier one until the new one takes over, never retroactively, and shows the new one', () => {
    const events = [...world(), recorded('ProgressReportFiled', { projectId: 'pa', period: '2021-Q3', filedAt: '2021-10-05T02:00:00.000Z', metrics: {} })];
    const toMonthly = (amendedAt?: string) =>
      recorded('CampaignRulesAmended', {
        campaignId: 'c1', rulesVersion: 2, changes: { reportingCadence: 'monthly' }, reason: '改为按月报送', ...(amendedAt ? { amendedAt } : {}),
        rules: { reportingCadence: 'monthly', applicationWindow: { opensAt: 'x', closesAt: 'y' } },
      }, { metadata: { occurredAt: '2021-11-20T02:00:00.000Z' } });
    const stalled = (iso: string) => (db: Database) => listStalled(db, { ...all, now: new Date(iso) }).items.map((i) => [i.projectId, i.cadence, i.stalledSince]);
    // Monthly from 11-20, which takes over on 2022-01-01 (October's report would have been due 11-10): Q4 is finished quarterly, so pa
    // (last report 10-05) is stalled a quarter and ten days after it, as before the change; pb, already stalled (since 11-10), stays so.
    const changed = [...events, toMonthly('2021-11-20T02:00:00.000Z')];
    projectionSpec(supervisionProjection).given(changed).then(stalled('2022-01-01T00:00:00Z'), [['pb', 'monthly', '2021-11-10T16:00:00.000Z']]);
    projectionSpec(supervisionProjection).given(changed).then(stalled('2022-01-16T00:00:00Z'), [
      ['pb', 'monthly', '2021-11-10T16:00:00.000Z'], ['pa', 'monthly', '2022-01-15T02:00:00.000Z'],
    ]);
    // A report after the new cadence took over is held to the monthly cycle.
    const reported = [...changed, recorded('ProgressReportFiled', { projectId: 'pa', period: '2021-Q4', filedAt: '2022-01-05T02:00:00.000Z', metrics: {} })];
    projectionSpec(supervisionProjection).given(reported).then(stalled('2022-02-16T00:00:00Z'), [
      ['pb', 'monthly', '2021-11-10T16:00:00.000Z'], ['pa', 'monthly', '2022-02-15T02:00:00.000Z'],
    ]);
    // A change recorded without its time (older logs) takes over at once: a month and ten days after the change.
    projectionSpec(supervisionProjection).given([...events, toMonthly()]).then(stalled('2022-01-01T00:00:00Z'), [
      ['pb', 'monthly', '2021-11-10T16:00:00.000Z'], ['pa', 'monthly', '2021-12-30T02:00:00.000Z'],
    ]);
  });

  it('says when the stalled list next reads differently by the clock alone, so a kept answer lasts until then', () => {
    const events = [...world(), recorded('ProgressReportFiled', { projectId: 'pa', period: '2021-Q3', filedAt: '2021-10-05T02:00:00.000Z', metrics: {} })];
    const turns = (iso: string) => (db: Database) => new Date(listStalled(db, { ...all, now: new Date(iso) }).turnsAtMs).toISOString();
    // Nothing stalled yet: until pb turns stalled.
    projectionSpec(supervisionProjection).given(events).then(turns('2021-11-02T00:00:00Z'), '2021-11-10T16:00:00.000Z');
    // pb listed (it never reported, so it shows no day count): until pa turns stalled.
    projectionSpec(supervisionProjection).given(events).then(turns('2021-11-11T00:00:00Z'), '2022-01-15T02:00:00.000Z');
    // Both listed: until pa's days since its last report grow, at the next Beijing midnight (days are Beijing calendar days, as on the overdue list).
    projectionSpec(supervisionProjection).given(events).then(turns('2022-01-16T00:00:00Z'), '2022-01-16T16:00:00.000Z');
    // Filed 10-05 at 10:00 Beijing, read 01-16 at 09:00 Beijing: 103 calendar days, though not 103 whole 24-hour spans.
    const days = (db: Database) => listStalled(db, { ...all, now: new Date('2022-01-16T01:00:00Z') }).items.find((i) => i.projectId === 'pa')?.daysSinceLastReport;
    projectionSpec(supervisionProjection).given(events).then(days, 103);
  });

  it('counts incidents by severity and organisation', () => {
    const events = [
      ...world(),
      recorded('SafetyIncidentRecorded', { projectId: 'pa', incidentId: 'x1', occurredOn: '2021-10-01', severity: 'minor', kind: 'safety_accident', description: '划伤' }),
      recorded('SafetyIncidentRecorded', { projectId: 'pb', incidentId: 'x2', occurredOn: '2021-10-02', severity: 'minor', kind: 'quality_accident', description: '返工' }),
      recorded('SafetyIncidentRecorded', { projectId: 'pb', incidentId: 'x3', occurredOn: '2021-10-03', severity: 'major', kind: 'safety_accident', description: '坍塌' }),
    ];
    projectionSpec(supervisionProjection).given(events).thenMatches((db) => listIncidents(db, all), {
      total: 3,
      bySeverity: [{ severity: 'minor', count: 2 }, { severity: 'serious', count: 0 }, { severity: 'major', count: 1 }, { severity: 'catastrophic', count: 0 }],
      byOrg: [{ key: 'ent-b', count: 2 }, { key: 'ent-a', count: 1 }],
    });
    projectionSpec(supervisionProjection).given(events).then((db) => listIncidents(db, { ...all, severity: 'major' }).items.map((i) => [i.incidentId, i.severityLabel, i.orgPath]), [['x3', '重大事故', ['jj', 'lx']]]);
  });
});
