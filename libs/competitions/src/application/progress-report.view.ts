import {
  beijingDate, endOfBeijingDay, owedRegimePeriods, owedSinceApproval, PROGRESS_METRICS, ProgressMetric, ProgressMetrics, ProgressReportRecord, Project, REPORTING_CADENCE_LABELS, ReportingRegime,
} from '../domain';

export const REPORT_STATUS_LABELS = {
  filed: '已按时报送',
  filed_late: '逾期后补报',
  overdue: '逾期未报',
  awaiting: '待报送',
  upcoming: '未到报送期',
  not_owed: '立项前已截止，无需报送',
  superseded: '报送周期已调整，本期不再报送',
} as const;
type ReportStatus = keyof typeof REPORT_STATUS_LABELS;

/** Why a project files no more reports, as the supervision list closes its misses. */
const NOT_REPORTING_LABELS: Partial<Record<string, string>> = {
  under_assessment: '未补报（项目已进入评估）',
  assessed: '未补报（项目已进入评估）',
  summary_submitted: '未补报（项目已进入评估）',
  summarized: '未补报（项目已进入评估）',
  withdrawn: '项目已撤回',
  terminated: '项目已终止',
};

const labelledMetrics = (metrics: ProgressMetrics) =>
  Object.entries(metrics).map(([key, value]) => ({ key, value, label: PROGRESS_METRICS[key as ProgressMetric]?.zh ?? key, unitZh: PROGRESS_METRICS[key as ProgressMetric]?.unitZh ?? '' }));

const reportView = (r: ProgressReportRecord) => ({ ...r, metricsLabelled: labelledMetrics(r.metrics) });

/**
 * 信息反馈 of one project: every period it owes (plan ∩ campaign, under the reporting rules in
 * force when each fell due: see `reportingRegimes`), what stands for it (the latest correction),
 * the full history of corrections, and whether it was on time, late or missed. A period of
 * earlier rules that was never filed can no longer be (`superseded`). `history` is every report
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
    // Rules since changed: an unfiled period cannot be filed now; one missed before the change stays missed.
    const earlierRules = regime.untilDay !== null;
    const status: ReportStatus = current
      ? current.late ? 'filed_late' : 'filed'
      : overdue ? 'overdue'
      : !owedSinceApproval(p, project.application.approvedAt) ? 'not_owed'
      : earlierRules && p.dueOn === regime.untilDay ? 'superseded'
      : passed ? 'overdue'
      : p.startsOn <= beijingDate(today) ? 'awaiting' : 'upcoming';
    return {
      period: p.period,
      cadence: p.cadence,
      cadenceLabel: REPORTING_CADENCE_LABELS[p.cadence],
      rulesVersion: regime.facts.rulesVersion,
      fileable: !earlierRules && stillReporting,
      // A miss under earlier rules stays a miss, but can no longer be filed: supervision closes it as superseded.
      ...(earlierRules && !current && status === 'overdue' ? { superseded: true, supersededLabel: REPORT_STATUS_LABELS.superseded } : {}),
      // A miss the project can no longer make good (assessment opened, or it ended): supervision closes it too, saying why.
      ...(!earlierRules && !stillReporting && !current && status === 'overdue' ? { closed: true, closedLabel: NOT_REPORTING_LABELS[project.status] ?? '项目已不再报送推进情况' } : {}),
      startsOn: p.startsOn,
      endsOn: p.endsOn,
      dueOn: p.dueOn,
      status,
      statusLabel: REPORT_STATUS_LABELS[status],
      owed: owedSinceApproval(p, project.application.approvedAt),
      markedOverdue: overdue !== null,
      current: current ? reportView(current) : null,
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
    periods,
    otherReports: outside,
  };
}
