import { Actor } from '@jingsai/shared';
import { DeciderSpec } from '@jingsai/testing';
import { ProgressMetrics } from './progress-metrics';
import { base, inProgress, reporting, system, underAssessment } from './project-loop.fixtures';
import { CampaignReportingFacts } from './reporting-periods';
import { projectDecider } from './project.decider';
import { ProjectEvent } from './project.events';
import { cityCommittee, drafted, otherUnit, P, unit } from './project.fixtures';
import { Project } from './project.state';
import { progressReportHistory } from './project-progress.evolve';

const spec = () => DeciderSpec.for(projectDecider);
const onTime = '2021-10-08T10:00:00+08:00';
const late = '2021-10-11T09:00:00+08:00';
const metrics: ProgressMetrics = { participants: 1200, technical_innovations: 4, suggestions_made: 30, suggestions_adopted: 18, energy_saved_tce: 45.5 };
const narrative = '开展装置技能比武两轮，合理化建议采纳 18 条。';

const file = (over: Partial<{ reportId: string; period: string; metrics: ProgressMetrics; narrative: string; at: string; actor: Actor; reporting: CampaignReportingFacts; reason: string }> = {}) => ({
  type: 'FileProgressReport' as const,
  ...base(over.at ?? onTime, over.actor ?? unit),
  reportId: 'r-1',
  period: '2021-Q3',
  metrics,
  narrative,
  reporting,
  ...over,
});
const filedData = { projectId: P.projectId, reportId: 'r-1', period: '2021-Q3', metrics, narrative, dueOn: '2021-10-10', filedAt: onTime, late: false, rulesVersion: 1 };
const filed: ProjectEvent = { type: 'ProgressReportFiled', data: filedData };
const corrected = (n: number, reportId: string, supersedes: string): ProjectEvent => ({
  type: 'ProgressReportCorrected',
  data: { ...filedData, reportId, metrics: { ...metrics, participants: 1200 + n }, revision: n, supersedesReportId: supersedes, supersedesRevision: n - 1, reason: '补录' },
});
const overdue = (at = late, actor: Actor = system) => ({ type: 'MarkProgressReportOverdue' as const, ...base(at, actor), period: '2021-Q3', dueOn: '2021-10-10' });
const overdueEvent: ProjectEvent = { type: 'ProgressReportOverdue', data: { projectId: P.projectId, period: '2021-Q3', dueOn: '2021-10-10' } };

describe('progress reports (信息反馈)', () => {
  it('files the first report of a period, on time', () => {
    spec().given(inProgress).when(file()).then([filed]);
  });

  it('marks a report filed after the due day as late', () => {
    spec()
      .given(inProgress)
      .when(file({ at: late }))
      .then([{ type: 'ProgressReportFiled', data: { ...filedData, filedAt: late, late: true } }]);
  });

  it('keeps only known metrics, in catalogue order', () => {
    spec()
      .given(inProgress)
      .when(file({ metrics: { energy_saved_tce: 1.5, participants: 10 } }))
      .thenState((s) => expect(Object.keys((s as Project).progress.reports[0].metrics)).toEqual(['participants', 'energy_saved_tce']));
  });

  it('records a second report for the period as a correction that supersedes the first, with its reason', () => {
    spec()
      .given([...inProgress, filed])
      .when(file({ reportId: 'r-2', metrics: { ...metrics, participants: 1202 }, reason: '补录' }))
      .then([corrected(2, 'r-2', 'r-1')]);
  });

  it('keeps a correction as timely as the report it corrects: reported on time and corrected after the due day is not late, and the reverse stays late', () => {
    spec()
      .given([...inProgress, filed])
      .when(file({ reportId: 'r-2', metrics: { ...metrics, participants: 1202 }, reason: '补录', at: late }))
      .then([{ type: 'ProgressReportCorrected', data: { ...filedData, reportId: 'r-2', metrics: { ...metrics, participants: 1202 }, filedAt: late, late: false, revision: 2, supersedesReportId: 'r-1', supersedesRevision: 1, reason: '补录' } }]);
    const filedLate: ProjectEvent = { type: 'ProgressReportFiled', data: { ...filedData, filedAt: late, late: true } };
    spec()
      .given([...inProgress, filedLate])
      .when(file({ reportId: 'r-2', metrics: { ...metrics, participants: 1202 }, reason: '补录', at: late }))
      .thenState((s) => expect((s as Project).progress.reports[0]).toMatchObject({ reportId: 'r-2', late: true }));
  });

  it('refuses a correction without a reason: the auditor reads why the figures changed, as for a score sheet', () => {
    spec()
      .given([...inProgress, filed])
      .when(file({ reportId: 'r-2', metrics: { ...metrics, participants: 1202 } }))
      .thenThrows('PROJECT.REASON_REQUIRED', { kind: 'validation', details: { period: '2021-Q3', currentRevision: 1, errors: [{ field: 'reason' }] } });
  });

  it('supersedes the latest correction: the state keeps the report in force, the log every revision', () => {
    const history = [...inProgress, filed, corrected(2, 'r-2', 'r-1')];
    spec()
      .given(history)
      .when(file({ reportId: 'r-3', metrics: { ...metrics, participants: 1203 }, reason: '补录' }))
      .thenState((s) => {
        const { reports, reportIds } = (s as Project).progress;
        expect(reports.map((r) => [r.reportId, r.revision, r.supersedesReportId, r.metrics.participants])).toEqual([['r-3', 3, 'r-2', 1203]]);
        expect(reportIds).toEqual(['r-1', 'r-2', 'r-3']);
      });
    expect(progressReportHistory([...history, corrected(3, 'r-3', 'r-2')]).map((r) => [r.reportId, r.revision, r.supersedesReportId])).toEqual([['r-1', 1, null], ['r-2', 2, 'r-1'], ['r-3', 3, 'r-2']]);
  });

  it('refuses the id of a superseded report, even with its own figures (it is no longer the report in force)', () => {
    spec().given([...inProgress, filed, corrected(2, 'r-2', 'r-1')]).when(file()).thenThrows('PROJECT.DUPLICATE_ID', { kind: 'conflict' });
  });

  it('treats the same report sent again as a repeat', () => {
    spec().given([...inProgress, filed]).when(file()).thenNothing();
    spec().given([...inProgress, filed]).when(file({ reportId: 'r-9' })).thenNothing();
  });

  it('refuses reusing a report id for different figures', () => {
    spec().given([...inProgress, filed]).when(file({ narrative: '改写' })).thenThrows('PROJECT.DUPLICATE_ID', { kind: 'conflict' });
  });

  it('refuses a period outside the plan or the campaign, naming the periods owed', () => {
    const owed = { details: { owedPeriods: ['2021-Q3', '2021-Q4'], errors: [{ field: 'period' }] } };
    spec().given(inProgress).when(file({ period: '2021-Q2' })).thenThrows('PROJECT.PERIOD_OUTSIDE_CAMPAIGN', owed);
    spec().given(inProgress).when(file({ period: '2022-Q1', at: '2022-04-01T10:00:00+08:00' })).thenThrows('PROJECT.PERIOD_OUTSIDE_CAMPAIGN', owed);
    spec()
      .given(inProgress)
      .when(file({ reporting: { ...reporting, endsOn: '2021-06-30' } }))
      .thenThrows('PROJECT.PERIOD_OUTSIDE_CAMPAIGN', { details: { owedPeriods: [] } });
  });

  it('after a change to quarterly, refuses the quarter whose months are still reported monthly, naming them, and files those under the earlier rules', () => {
    // Monthly until quarterly took over on 2021-10-01 (changed 2021-08-20): August and September are owed monthly under version 1.
    const quarterlyFromQ4 = { ...reporting, rulesVersion: 2, cadence: 'quarterly' as const, owedFrom: '2021-10-01' };
    const earlierPeriods = [{ period: '2021-08', rulesVersion: 1 }, { period: '2021-09', rulesVersion: 1 }];
    spec()
      .given(inProgress)
      .when({ ...file({ reporting: quarterlyFromQ4 }), earlierPeriods })
      .thenThrows('PROJECT.PERIOD_UNDER_EARLIER_RULES', { kind: 'unprocessable', details: { period: '2021-Q3', owedFrom: '2021-10-01', insteadPeriods: ['2021-08', '2021-09'], errors: [{ field: 'period' }] } });
    spec()
      .given(inProgress)
      .when({ ...file({ reporting: quarterlyFromQ4, period: '2021-09' }), earlierPeriods })
      .then([{ type: 'ProgressReportFiled', data: { ...filedData, period: '2021-09', dueOn: '2021-10-10', rulesVersion: 1 } }]);
    spec()
      .given(inProgress)
      .when({ ...file({ reporting: quarterlyFromQ4, period: '2021-Q4', at: '2022-01-05T10:00:00+08:00' }), earlierPeriods })
      .then([{ type: 'ProgressReportFiled', data: { ...filedData, period: '2021-Q4', dueOn: '2022-01-10', filedAt: '2022-01-05T10:00:00+08:00', rulesVersion: 2 } }]);
  });

  it('refuses a period not written for the campaign’s cadence', () => {
    spec().given(inProgress).when(file({ period: '2021-08' })).thenThrows('PROJECT.INVALID_PERIOD', { details: { cadence: 'quarterly' } });
    spec().given(inProgress).when(file({ period: 'Q3' })).thenThrows('PROJECT.INVALID_PERIOD');
  });

  it('refuses reporting a period that has not begun, saying when it can be filed', () => {
    spec().given(inProgress).when(file({ period: '2021-Q4', at: '2021-09-20T10:00:00+08:00' })).thenThrows('PROJECT.PERIOD_NOT_STARTED', { details: { startsOn: '2021-10-01', errors: [{ field: 'period' }] } });
    // A campaign period and a plan running into next year: 2022-Q1 is owed, just not yet.
    const [draftedEvent, ...rest] = inProgress;
    const longPlan: ProjectEvent = { type: 'ProjectDraftEdited', data: { projectId: P.projectId, changes: { implementationPlan: { ...(draftedEvent as any).data.implementationPlan, endsOn: '2022-06-30' } } } };
    const e = spec()
      .given([draftedEvent!, longPlan, ...rest])
      .when(file({ period: '2022-Q1', at: '2021-11-20T10:00:00+08:00', reporting: { ...reporting, endsOn: '2022-06-30' } }))
      .thenThrows('PROJECT.PERIOD_NOT_STARTED', { kind: 'unprocessable', details: { fileFrom: '2022-01-01', dueOn: '2022-04-10' } });
    expect(e.messageZh).toBe('报送期 2022-Q1 尚未开始，暂不能报送：该期自 2022-01-01 起可以报送，报送截止日期为 2022-04-10。');
    expect(e.messageEn).not.toContain('outside');
  });

  it('refuses no figures at all, negative, fractional or unknown figures, and more adopted than made', () => {
    spec().given(inProgress).when(file({ metrics: { participants: -1 } })).thenThrows('PROJECT.INVALID', { kind: 'validation', details: { errors: [{ field: 'metrics.participants' }] } });
    spec().given(inProgress).when(file({ metrics: { participants: 1.5 } })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'metrics.participants' }] } });
    spec().given(inProgress).when(file({ metrics: { workers: 5 } as ProgressMetrics })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'metrics.workers' }] } });
    spec().given(inProgress).when(file({ metrics: {} })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'metrics' }] } });
    spec()
      .given(inProgress)
      .when(file({ metrics: { suggestions_made: 10, suggestions_adopted: 11 } }))
      .thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'metrics.suggestions_adopted' }] } });
  });

  it('holds suggestions adopted to those made over the running totals, not within one period (review 50 #4)', () => {
    // Q3 made 30 and adopted 18: Q4 may adopt more than it receives (August's suggestions adopted in September).
    const q4 = (m: ProgressMetrics) => file({ reportId: 'r-q4', period: '2021-Q4', at: '2022-01-05T10:00:00+08:00', metrics: m });
    spec().given([...inProgress, filed]).when(q4({ suggestions_made: 5, suggestions_adopted: 15 })).thenMatches([{ type: 'ProgressReportFiled' }]);
    const e = spec().given([...inProgress, filed]).when(q4({ suggestions_made: 0, suggestions_adopted: 20 })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'metrics.suggestions_adopted' }] } });
    expect((e.details as any).errors[0].messageZh).toBe('截至 2021-Q4 累计采纳的合理化建议（38 条）多于累计提出的（30 条），请核对本期（2021-Q4）的数字。');
  });

  it('accepts fractional energy savings and zero', () => {
    spec().given(inProgress).when(file({ metrics: { energy_saved_tce: 0.25, participants: 0 } })).thenMatches([{ type: 'ProgressReportFiled' }]);
  });

  it('refuses a report without a narrative', () => {
    spec().given(inProgress).when(file({ narrative: '  ' })).thenThrows('PROJECT.INVALID', { details: { errors: [{ field: 'narrative' }] } });
  });

  it('refuses a report by another unit or a committee', () => {
    spec().given(inProgress).when(file({ actor: otherUnit })).thenThrows('PROJECT.FORBIDDEN');
    spec().given(inProgress).when(file({ actor: cityCommittee })).thenThrows('PROJECT.FORBIDDEN');
  });

  it('refuses a report before approval or once assessment has opened', () => {
    spec().given([drafted]).when(file()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'draft' } });
    // Once assessment opens, said as such: nothing, not even returning the summary, reopens reporting (review 50 #5).
    const closed = spec().given(underAssessment()).when(file()).thenThrows('PROJECT.REPORTING_CLOSED', { kind: 'illegal_state', details: { currentState: 'under_assessment', unfiledPeriods: [] } });
    expect(closed.messageZh).toMatch(/^评估考核已(于 \d{4}-\d{2}-\d{2} )?开始，推进情况报告不能再报送或补报。$/);
    // A project terminated under assessment is told it is terminated, not that assessment opened (review 51 #9).
    const terminated: ProjectEvent = { type: 'ProjectTerminated', data: { projectId: P.projectId, reason: '发生较大安全事故', previousStatus: 'under_assessment' } };
    spec().given([...underAssessment(), terminated]).when(file()).thenThrows('PROJECT.ILLEGAL_TRANSITION', { details: { currentState: 'terminated' } });
  });

  it('refuses a report on a project that does not exist', () => {
    spec().given([]).when(file()).thenThrows('PROJECT.NOT_FOUND');
  });
});

describe('overdue reports', () => {
  it('records a missed period once its due day has ended', () => {
    spec().given(inProgress).when(overdue()).then([overdueEvent]);
  });

  it('lets a committee record it by hand', () => {
    spec().given(inProgress).when(overdue(late, cityCommittee)).then([overdueEvent]);
  });

  it('is idempotent: a repeat, or a period already filed, records nothing', () => {
    spec().given([...inProgress, overdueEvent]).when(overdue()).thenNothing();
    spec().given([...inProgress, filed]).when(overdue()).thenNothing();
  });

  it('records nothing once the project has left the in-progress stage', () => {
    spec().given(underAssessment()).when(overdue()).thenNothing();
  });

  it('records nothing for a period due on or before the day the project was approved: it was never owed', () => {
    const approvedLate = (approvedAt: string): ProjectEvent[] => inProgress.map((e) => (e.type === 'ProjectApproved' ? ({ ...e, data: { ...e.data, approvedAt } } as ProjectEvent) : e));
    spec().given(approvedLate('2021-10-10T15:00:00+08:00')).when(overdue()).thenNothing();
    spec().given(approvedLate('2021-10-12T09:00:00+08:00')).when(overdue()).thenNothing();
    spec().given(approvedLate('2021-10-09T23:00:00+08:00')).when(overdue()).then([overdueEvent]);
  });

  it('keeps the overdue mark after a late filing', () => {
    spec()
      .given([...inProgress, overdueEvent])
      .when(file({ at: late }))
      .thenState((s) => expect((s as Project).progress).toMatchObject({ overdue: [{ period: '2021-Q3' }], reports: [{ late: true }] }));
  });

  it('refuses marking before the due day has ended', () => {
    spec().given(inProgress).when(overdue('2021-10-10T23:59:00+08:00')).thenThrows('PROJECT.NOT_YET_DUE', { kind: 'unprocessable' });
  });

  it('refuses a unit marking its own report overdue, and a bad period', () => {
    spec().given(inProgress).when(overdue(late, unit)).thenThrows('PROJECT.FORBIDDEN');
    spec().given(inProgress).when({ ...overdue(), period: 'Q3' }).thenThrows('PROJECT.INVALID');
  });
});
