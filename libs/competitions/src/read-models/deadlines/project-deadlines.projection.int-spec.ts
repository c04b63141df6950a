import { recorded, projectionSpec } from '@jingsai/testing';
import type { Database } from 'better-sqlite3';
import { projectDeadlinesProjection } from './project-deadlines.projection';

const plan = { goals: 'g', startsOn: '2021-08-01', endsOn: '2021-12-31', measures: 'm' };
const created = (campaignId: string, cadence = 'quarterly') =>
  recorded('CampaignCreated', { campaignId, title: 't', theme: 't', year: 2021, level: 'city', organizerOrgId: 'jj', reportingCadence: cadence, applicationWindow: { opensAt: '2021-06-15T00:00:00+08:00', closesAt: '2021-07-23T00:00:00+08:00' } });
const published = (campaignId: string) => recorded('CampaignPublished', { campaignId, rulesVersion: 1 });
const drafted = (projectId: string, campaignId: string) => recorded('ProjectDrafted', { projectId, campaignId, orgId: 'ent-a', title: 't', category: 'skills', registrationForm: {}, implementationPlan: plan });
const approved = (projectId: string, approvedAt = '2021-07-20T10:00:00+08:00') => recorded('ProjectApproved', { projectId, level: 'city', rulesVersion: 1, approvedLevels: ['city'], approvedAt });

const open = (db: Database) =>
  db.prepare('SELECT kind, stream_id AS stream, item_key AS key, due_at AS due FROM deadlines WHERE settled = 0 ORDER BY kind, stream_id, item_key').all();

describe('project deadlines projection', () => {
  it('sets the window close when a campaign is published and settles it when the window closes', () => {
    const base = [created('c1'), published('c1')];
    projectionSpec(projectDeadlinesProjection).given(base).then(open, [{ kind: 'campaign_window_close', stream: 'campaign-c1', key: 'window', due: '2021-07-22T16:00:00.000Z' }]);
    projectionSpec(projectDeadlinesProjection).given([...base, recorded('CampaignApplicationWindowClosed', { campaignId: 'c1', closesAt: 'x' })]).then(open, []);
    projectionSpec(projectDeadlinesProjection).given([created('c0')]).then(open, []);
  });

  it('moves the window close when the rules move it', () => {
    const amended = recorded('CampaignRulesAmended', {
      campaignId: 'c2', rulesVersion: 2, changes: { applicationWindow: {} }, reason: '延期',
      rules: { reportingCadence: 'quarterly', applicationWindow: { opensAt: 'x', closesAt: '2021-07-31T00:00:00+08:00' } },
    });
    projectionSpec(projectDeadlinesProjection).given([created('c2'), published('c2'), amended]).then(open, [{ kind: 'campaign_window_close', stream: 'campaign-c2', key: 'window', due: '2021-07-30T16:00:00.000Z' }]);
  });

  it('owes a report per period of the plan within the campaign year once approved; a filed or marked period is settled', () => {
    const base = [created('c3'), drafted('p1', 'c3'), approved('p1')];
    projectionSpec(projectDeadlinesProjection).given(base).then(open, [
      { kind: 'progress_report_due', stream: 'project-p1', key: '2021-Q3', due: '2021-10-10T16:00:00.000Z' },
      { kind: 'progress_report_due', stream: 'project-p1', key: '2021-Q4', due: '2022-01-10T16:00:00.000Z' },
    ]);
    projectionSpec(projectDeadlinesProjection)
      .given([...base, recorded('ProgressReportFiled', { projectId: 'p1', period: '2021-Q3' }), recorded('ProgressReportOverdue', { projectId: 'p1', period: '2021-Q4', dueOn: '2022-01-10' })])
      .then(open, []);
    projectionSpec(projectDeadlinesProjection).given([...base, recorded('AssessmentOpened', { projectId: 'p1' })]).then(open, []);
  });

  it('re-plans the reports of running projects when the rules change the cadence: every month owed once, the periods begun before the new cadence takes over under the old', () => {
    const toMonthly = recorded('CampaignRulesAmended', {
      campaignId: 'c8', rulesVersion: 2, changes: { reportingCadence: 'monthly' }, reason: '改为按月报送', amendedAt: '2021-11-02T10:00:00+08:00',
      rules: { reportingCadence: 'monthly', applicationWindow: { opensAt: 'x', closesAt: '2021-07-23T00:00:00+08:00' } },
    });
    const at = (amendedAt: string | undefined) => ({ ...toMonthly, data: { ...toMonthly.data, amendedAt } });
    const filedQ3 = recorded('ProgressReportFiled', { projectId: 'p8', period: '2021-Q3' });
    const base = [created('c8'), drafted('p8', 'c8'), approved('p8'), filedQ3, drafted('p9', 'c8'), approved('p9'), recorded('AssessmentOpened', { projectId: 'p9' })];
    const reports = (db: Database) => (open(db) as Array<{ stream: string; key: string }>).map((r) => `${r.stream} ${r.key}`);
    projectionSpec(projectDeadlinesProjection).given(base).then(reports, ['project-p8 2021-Q4']);
    // Changed on 2021-11-02, before October's monthly report is due (11-10): monthly from October, Q4 no longer owed. p9 reports no more.
    projectionSpec(projectDeadlinesProjection).given([...base, toMonthly]).then(reports, ['2021-10', '2021-11', '2021-12'].map((m) => `project-p8 ${m}`));
    projectionSpec(projectDeadlinesProjection).given([...base, toMonthly, recorded('ProgressReportFiled', { projectId: 'p8', period: '2021-10' })]).then(reports, ['2021-11', '2021-12'].map((m) => `project-p8 ${m}`));
    // Changed on 2021-11-11, after October's would have been due: Q4 is finished quarterly; monthly begins in 2022, after the plan.
    projectionSpec(projectDeadlinesProjection).given([...base, at('2021-11-11T09:00:00+08:00')]).then(reports, ['project-p8 2021-Q4']);
    // Changed on the day Q3 falls due, with Q3 unfiled: the quarter is still owed under the old rules, so its miss is recorded.
    const unfiled = [created('c8'), drafted('p10', 'c8'), approved('p10')];
    projectionSpec(projectDeadlinesProjection).given([...unfiled, at('2021-10-10T09:00:00+08:00')]).then(reports, ['2021-10', '2021-11', '2021-12', '2021-Q3'].map((m) => `project-p10 ${m}`));
    // A change recorded without its time (older logs) cannot be placed: the new rules owe every period, as the domain has it.
    projectionSpec(projectDeadlinesProjection).given([...base, at(undefined)]).then(reports, ['2021-08', '2021-09', '2021-10', '2021-11', '2021-12'].map((m) => `project-p8 ${m}`));
  });

  it('finishes the months of a quarter under way monthly after a change to quarterly, so no month is owed twice', () => {
    const toQuarterly = (amendedAt: string) =>
      recorded('CampaignRulesAmended', {
        campaignId: 'c5', rulesVersion: 2, changes: { reportingCadence: 'quarterly' }, reason: '改为按季度报送', amendedAt,
        rules: { reportingCadence: 'quarterly', applicationWindow: { opensAt: 'x', closesAt: '2021-07-23T00:00:00+08:00' } },
      });
    const base = [created('c5', 'monthly'), drafted('p5', 'c5'), approved('p5'), recorded('ProgressReportFiled', { projectId: 'p5', period: '2021-08' })];
    const keys = (db: Database) => open(db).map((r: any) => r.key);
    // On 2021-08-20: August (filed) and September stay monthly, then Q4; October to December are no longer owed monthly.
    projectionSpec(projectDeadlinesProjection).given([...base, toQuarterly('2021-08-20T10:00:00+08:00')]).then(keys, ['2021-09', '2021-Q4']);
    // On 2021-10-05: October's monthly report is not due yet, so Q4 is quarterly whole.
    projectionSpec(projectDeadlinesProjection).given([...base, toQuarterly('2021-10-05T10:00:00+08:00')]).then(keys, ['2021-09', '2021-Q4']);
    // On 2021-11-15: October's was due 11-10, so the quarter is finished monthly.
    projectionSpec(projectDeadlinesProjection).given([...base, toQuarterly('2021-11-15T10:00:00+08:00')]).then(keys, ['2021-09', '2021-10', '2021-11', '2021-12']);
 
    // Changed back to monthly on 2021-08-25: October to December are owed monthly again, open, for the scheduler to mark if missed.
    const toMonthlyAgain = recorded('CampaignRulesAmended', {
      campaignId: 'c5', rulesVersion: 3, changes: { reportingCadence: 'monthly' }, reason: '恢复按月报送', amendedAt: '2021-08-25T10:00:00+08:00',
      rules: { reportingCadence: 'monthly', applicationWindow: { opensAt: 'x', closesAt: '2021-07-23T00:00:00+08:00' } },
    });
    projectionSpec(projectDeadlinesProjection).given([...base, toQuarterly('2021-08-20T10:00:00+08:00'), toMonthlyAgain]).then(keys, ['2021-09', '2021-10', '2021-11', '2021-12']);
  });

  it('leaves a period a project filed under the earlier rules, while it was under way, under them: the project owes the new form after it', () => {
    const change = (rulesVersion: number, cadence: string, amendedAt?: string) =>
      recorded('CampaignRulesAmended', {
        campaignId: 'c6', rulesVersion, changes: { reportingCadence: cadence }, reason: '调整信息反馈频次', ...(amendedAt ? { amendedAt } : {}),
        rules: { reportingCadence: cadence, applicationWindow: { opensAt: 'x', closesAt: '2021-07-23T00:00:00+08:00' } },
      });
    const base = [created('c6'), drafted('p6', 'c6'), approved('p6'), drafted('p7', 'c6'), approved('p7'), recorded('ProgressReportFiled', { projectId: 'p6', period: '2021-Q3' })];
    const reports = (db: Database) => (open(db) as Array<{ stream: string; key: string }>).map((r) => `${r.stream} ${r.key}`);
    // Monthly from 2021-08-05 takes over on 07-01 (July's report is due 08-10). p6 had filed Q3 while it was under way: Q3 stays
    // quarterly for it, and it reports monthly from October; p7, which had filed nothing, owes August to December monthly.
    const monthly = change(2, 'monthly', '2021-08-05T10:00:00+08:00');
    projectionSpec(projectDeadlinesProjection).given([...base, monthly]).then(reports, [
      'project-p6 2021-10', 'project-p6 2021-11', 'project-p6 2021-12', 'project-p7 2021-08', 'project-p7 2021-09', 'project-p7 2021-10', 'project-p7 2021-11', 'project-p7 2021-12',
    ]);
    // Back to quarterly on 2021-08-20, taking over on 10-01: p6 owes Q4; p7 August and September monthly, then Q4.
    projectionSpec(projectDeadlinesProjection).given([...base, monthly, change(3, 'quarterly', '2021-08-20T10:00:00+08:00')]).then(reports, [
      'project-p6 2021-Q4', 'project-p7 2021-08', 'project-p7 2021-09', 'project-p7 2021-Q4',
    ]);
    // A change recorded without its time starts the regimes again: the new rules owe every period, the report moves nothing.
    projectionSpec(projectDeadlinesProjection).given([...base, change(2, 'monthly')]).then(reports, [
      ...['08', '09', '10', '11', '12'].map((m) => `project-p6 2021-${m}`), ...['08', '09', '10', '11', '12'].map((m) => `project-p7 2021-${m}`),
    ]);
  });

  it('follows the monthly cadence', () => {
    projectionSpec(projectDeadlinesProjection)
      .given([created('c4', 'monthly'), drafted('p4', 'c4'), approved('p4')])
      .then((db) => open(db).map((r: any) => r.key), ['2021-08', '2021-09', '2021-10', '2021-11', '2021-12']);
  });

  it('owes no report for a period already due when the project was approved', () => {
    const y2027 = recorded('CampaignCreated', { campaignId: 'c7', title: 't', theme: 't', year: 2027, level: 'city', organizerOrgId: 'jj', reportingCadence: 'monthly', applicationWindow: { opensAt: '2027-01-01T00:00:00+08:00', closesAt: '2027-03-01T00:00:00+08:00' } });
    const plan2027 = recorded('ProjectDrafted', { projectId: 'p7', campaignId: 'c7', orgId: 'ent-a', title: 't', category: 'skills', registrationForm: {}, implementationPlan: { ...plan, startsOn: '2027-01-01', endsOn: '2027-06-30' } });
    const keys = (db: Database) => open(db).map((r: any) => r.key);
    projectionSpec(projectDeadlinesProjection).given([y2027, plan2027, approved('p7', '2027-04-15T10:00:00+08:00')]).then(keys, ['2027-04', '2027-05', '2027-06']);
    // Approved on the due date of March (04-10): March is not owed; an approval recorded before `approvedAt` was kept falls back on when it was recorded.
    const legacy = recorded('ProjectApproved', { projectId: 'p7', level: 'city', rulesVersion: 1, approvedLevels: ['city'] }, { recordedAt: '2027-04-10T01:00:00.000Z' });
    projectionSpec(projectDeadlinesProjection).given([y2027, plan2027, legacy]).then(keys, ['2027-04', '2027-05', '2027-06']);
  });

  it('sets a rectification deadline per finding, settles it on report, reopens it on rejection', () => {
    const inspection = recorded('InspectionRecorded', {
      projectId: 'p5', inspectionId: 'i1', inspectedOn: '2021-10-12',
      findings: [{ findingId: 'f1', description: 'd', severity: 'minor', rectifyBy: '2021-10-31' }, { findingId: 'f2', description: 'd', severity: 'major', rectifyBy: '2021-11-15' }],
    });
    const base = [created('c5'), drafted('p5', 'c5'), inspection];
    projectionSpec(projectDeadlinesProjection).given(base).then(open, [
      { kind: 'rectification_due', stream: 'project-p5', key: 'f1', due: '2021-10-31T16:00:00.000Z' },
      { kind: 'rectification_due', stream: 'project-p5', key: 'f2', due: '2021-11-15T16:00:00.000Z' },
    ]);
    const reported = recorded('RectificationReported', { projectId: 'p5', findingId: 'f1', description: 'x', late: false });
    const overdue = recorded('RectificationOverdue', { projectId: 'p5', findingId: 'f2', rectifyBy: '2021-11-15' });
    projectionSpec(projectDeadlinesProjection).given([...base, reported, overdue]).then(open, []);
    const rejected = recorded('RectificationRejected', { projectId: 'p5', findingId: 'f1', note: 'n' });
    projectionSpec(projectDeadlinesProjection).given([...base, reported, overdue, rejected]).then((db) => open(db).map((r: any) => r.key), ['f1']);
    projectionSpec(projectDeadlinesProjection).given([...base, recorded('ProjectTerminated', { projectId: 'p5', reason: 'r', previousStatus: 'in_progress' })]).then(open, []);
    // A summary accepted with a finding still open (the committee noted it) leaves that finding owed.
    const summarised = [...base, reported, recorded('SummaryAccepted', { projectId: 'p5', revision: 1, note: '整改未完成' })];
    projectionSpec(projectDeadlinesProjection).given(summarised).then((db) => open(db).map((r: any) => r.key), ['f2']);
  });
});
