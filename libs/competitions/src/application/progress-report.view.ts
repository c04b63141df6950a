import {
  beijingDate, endOfBeijingDay, owedRegimePeriods, owedSinceApproval, PROGRESS_METRICS, ProgressMetric, ProgressMetrics, ProgressReportRecord, Project, REPORTING_CADENCE_LABELS, ReportingRegime,
} from '../domain';
import { reportingRegimesView } from './campaign.view';

export const REPORT_STATUS_LABELS = {
  filed: '已按时报送',
  filed_late: '逾期后补报',
  overdue: '逾期未报',
  awaiting: '待报送',
  upcoming: '未到报送期',
  not_owed: '立项前已截止，无需报送',
  unfiled: '逾期未报，项目已不再报送',
  no_longer_owed: '项目已不再报送，本期无需报送',
} as const;
type ReportStatus = keyof typeof REPORT_STATUS_LABELS;

/** Why a project files no more reports: a miss closed for it (as the supervision list says), and a period it no longer owes. */
const ASSESSED = { miss: '未补报（项目已进入评估）', notOwed: '项目已进入评估，本期无需报送' };
const NOT_REPORTING_LABELS: Partial<Record<string, { miss: string; notOwed: string }>> = {
  under_assessment: ASSESSED,
  assessed: ASSESSED,
  summary_submitted: ASSESSED,
  summarized: ASSESSED,
  withdrawn: { miss: '项目已撤回', notOwed: '项目已撤回，本期无需报送' },
  terminated: { miss: '项目已终止', notOwed: '项目已终止，本期无需报送' },
};

export const labelledMetrics = (metrics: ProgressMetrics) =>
  Object.entries(metrics).map(([key, value]) => ({ key, value, label: PROGRESS_METRICS[key as ProgressMetric]?.zh ?? key, unitZh: PROGRESS_METRICS[key as ProgressMetric]?.unitZh ?? '' }));

export const reportView = (r: ProgressReportRecord) => ({ ...r, metricsLabelled: labelledMetrics(r.metrics) });

/**
 * A report in force filed before its period's last day: the period still ran, so its figures are
 * as of the day filed. Filing is open from a period's first day (units report as work happens);
 * the view says so, and that a correction completes the figures once the period is over.
 */
export function earlyFiling(current: Pick<ProgressReportRecord, 'filedAt'> | null, endsOn: string): { filedBeforePeriodEnd: boolean; filedBeforePeriodEndNoteZh: string | null } {
  const early = current !== null && beijingDate(current.filedAt) < endsOn;
  return {
    filedBeforePeriodEnd: early,
    filedBeforePeriodEndNoteZh: early ? `本期（至 ${endsOn}）尚未结束时于 ${beijingDate(current!.filedAt)} 报送，所报为截至当日的数据；期末后如有变化，请提交更正并说明理由。` : null,
  };
}

/**
 * 信息反馈 of one project: every period it owes (plan ∩ campaign, under the reporting rules in
 * force when each fell due: see `reportingRegimes`), what stands for it (the latest correction),
 * the full history of corrections, and whether it was on time, late or missed. A period of
 * earlier rules (a cadence since changed) fell due before the change: it is judged, and may still
 * be filed, as any other. `history` is every report
 * and correction, from the project's events (`progressReportHistory`).
 */
export function progressReportsView(project: Project, history: ProgressReportRecord[], regimes: ReportingRegime[], now: Date) {
  const approved = project.application.approvedRulesVersion !== null;
  const owed = approved ? owedRegimePeriods(regimes, project.implementationPlan) : [];
  const reporting = regimes[regimes.length - 1]!.facts;
  // Reports are filed only while the project runs (filing refuses them from the assessment on).
  const stillReporting = project.status === 'in_progress';
  const today = now.toISOString();
  const periods = owed.map(({ period: p, regime }) => {
    const revisions = history.filter((r) => r.period === p.period);
    const current = project.progress.reports.find((r) => r.period === p.period) ?? null;
    const overdue = project.progress.overdue.find((o) => o.period === p.period) ?? null;
    const passed = today >= new Date(endOfBeijingDay(p.dueOn)).toISOString();
    // The views agree with the supervision list: a period the project can no longer file is closed there, and here says why.
    // A period of rules since changed fell due before the change: missed, it stays overdue and may still be filed late.
    const ended = NOT_REPORTING_LABELS[project.status];
    const status: ReportStatus = current
      ? current.late ? 'filed_late' : 'filed'
      : !owedSinceApproval(p, project.application.approvedAt) ? 'not_owed'
      : !stillReporting ? (overdue ? 'unfiled' : 'no_longer_owed')
      : overdue || passed ? 'overdue'
      : p.startsOn <= beijingDate(today) ? 'awaiting' : 'upcoming';
    const statusLabel = status === 'unfiled' && ended ? ended.miss : status === 'no_longer_owed' && ended ? ended.notOwed : REPORT_STATUS_LABELS[status];
    return {
      period: p.period,
      cadence: p.cadence,
      cadenceLabel: REPORTING_CADENCE_LABELS[p.cadence],
      rulesVersion: regime.facts.rulesVersion,
      // As filing decides: a period is filed from its first day (PROJECT.PERIOD_NOT_STARTED before), by the rules in force, while the project runs.
      fileable: stillReporting && p.startsOn <= beijingDate(today),

      startsOn: p.startsOn,
      endsOn: p.endsOn,
      dueOn: p.dueOn,
      status,
      statusLabel,
      owed: owedSinceApproval(p, project.application.approvedAt) && status !== 'no_longer_owed',
      markedOverdue: overdue !== null,
      current: current ? reportView(current) : null,
      // Filed before the period's last day (filing opens on its first): figures as of that day, which a correction may complete.
      ...earlyFiling(current, p.endsOn),
      corrections: Math.max(0, revisions.length - 1),
      history: revisions.map(reportView),
    };
  });
  const known = new Set(owed.map((p) => p.period.period));
  const outside = history.filter((r) => !known.has(r.period)).map(reportView);
  return {
    projectId: project.projectId,
    cadence: reporting.cadence,
    cadenceLabel: REPORTING_CADENCE_LABELS[reporting.cadence],
    rulesVersion: reporting.rulesVersion,
    // After a change of cadence, which periods each stretch of rules owes (the campaign's, as filing applies them).
    reportingRegimes: reportingRegimesView(regimes),
    periods,
    otherReports: outside,
  };
}
