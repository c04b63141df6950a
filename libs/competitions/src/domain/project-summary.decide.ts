import { DomainError } from '@jingsai/shared';
import { metricsProblems, summaryAgainstReports } from './progress-metrics';
import { comparePeriods, periodLabel } from './reporting-periods';
import { AcceptSummary, ReturnSummary, SubmitSummary } from './project-assessment.commands';
import { Problems, requireRole, requireStage } from './project-loop.guards';
import { normalizeMetrics } from './project-progress.decide';
import { ProjectEvent } from './project.events';
import { requireProject, requireReason } from './project.guards';
import { Project, ProjectState } from './project.state';

/** The submission under review (the stage check guarantees there is one). */
const latestRevision = (project: Project): number => project.summary!.submissions[project.summary!.submissions.length - 1].revision;

/** 总结: from `assessed`, first time or after a return. */
export function submitSummary(c: SubmitSummary, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'submit_summary');
  requireStage(project, 'submit_summary');
  const problems = new Problems();
  problems.add(...metricsProblems(c.outcomes, 'outcomes'));
  const experience = problems.text(c.experience, 'experience', '典型经验');
  problems.throwIfAny();
  const revision = (project.summary?.submissions.length ?? 0) + 1;
  return [{ type: 'SummarySubmitted', data: { projectId: c.projectId, revision, outcomes: normalizeMetrics(c.outcomes), experience, submittedAt: c.at } }];
}

/**
 * Periods marked overdue whose report was never filed: once the summary is accepted they can no
 * longer be (the supervision list closes them as 未补报 when the assessment opens), and the
 * summary's figures lack them. In time order.
 */
export function unfiledOverduePeriods(project: Project): string[] {
  const filed = new Set(project.progress.reports.map((r) => r.period));
  return [...new Set(project.progress.overdue.map((o) => o.period))].filter((p) => !filed.has(p)).sort(comparePeriods);
}

/** What a committee accepting a summary is told of the reports never filed. */
export const unfiledNoteZh = (unfiled: readonly string[]): string => `${unfiled.length} 期进展报告逾期未报送（${unfiled.map(periodLabel).join('、')}），总结数据不含这些报送期的报告`;

/**
 * 通过总结. Acceptance closes the project: nothing can be rectified or verified after it. So a
 * rectification awaiting the committee's own verification must be verified first, and acceptance
 * over what the committee should have looked at (figures that disagree with the reports, findings
 * never rectified) is recorded with its note.
 */
export function acceptSummary(c: AcceptSummary, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'accept_summary');
  requireStage(project, 'accept_summary');
  const findings = project.supervision.findings;
  const toVerify = findings.filter((f) => f.status === 'reported');
  if (toVerify.length > 0) {
    throw DomainError.illegalState(
      'PROJECT.RECTIFICATION_AWAITING_REVIEW',
      // Verified by the committee that inspected (or one above it), which may not be the one accepting the summary (review 57 #1).
      `尚有 ${toVerify.length} 项督导问题的整改待验收（${toVerify.map((f) => f.description).join('；')}）。总结通过后项目即结束，不能再验收：请先由提出问题的竞赛委员会（或其上级）验收或退回整改。`,
      `${toVerify.length} rectification(s) await verification (${toVerify.map((f) => f.findingId).join(', ')}) by the committee that raised them, or one above it. Accepting the summary closes the project, so they are verified first.`,
      project.status,
      ['accept_rectification', 'reject_rectification', 'return_summary'],
      { findingIds: toVerify.map((f) => f.findingId) },
    );
  }
  const note = c.note?.trim() || null;
  const latest = project.summary!.submissions[project.summary!.submissions.length - 1];
  const flagged = summaryAgainstReports(latest.outcomes, project.progress.reports).filter((x) => x.flag !== null);
  const unrectified = findings.filter((f) => f.status === 'open' || f.status === 'rejected');
  // Named with the checks when a note is asked for anyway; alone, they do not hold the acceptance up (the answer names them).
  const unfiled = unfiledOverduePeriods(project);
  if (note === null && (flagged.length > 0 || unrectified.length > 0)) {
    const issues = [
      // Named for the record: returning the summary cannot bring them back, reports having closed when assessment opened (review 50 #5).
      ...(unfiled.length > 0 ? [`${unfiledNoteZh(unfiled)}（评估开始后已不能补报，退回总结也不能补报）`] : []),
      ...flagged.map((x) => x.noteZh!),
      ...(unrectified.length > 0 ? [`${unrectified.length} 项督导问题未整改（${unrectified.map((f) => f.description).join('；')}），项目结束后将不能再整改，并影响评选资格`] : []),
    ];
    throw DomainError.unprocessable(
      'PROJECT.SUMMARY_NOTE_REQUIRED',
      `总结需核实：${issues.map((x) => x.replace(/。$/, '')).join('；')}。如确认通过，请填写验收意见（note）；否则请退回总结。`,
      `The summary needs checking: ${[...(unfiled.length > 0 ? [`${unfiled.length} report(s) never filed (${unfiled.join(', ')})`] : []), ...flagged.map((x) => `${x.metric} ${x.flag}`)].concat(unrectified.length > 0 ? [`${unrectified.length} unrectified finding(s)`] : []).join(', ')}. Give a note to accept it anyway, or return it.`,
      {
        checks: flagged, unrectifiedFindingIds: unrectified.map((f) => f.findingId), unfiledPeriods: unfiled,
        errors: [{ field: 'note', messageZh: '如确认通过，请填写验收意见', messageEn: 'Give a note to accept the summary anyway' }],
      },
    );
  }
  return [{ type: 'SummaryAccepted', data: { projectId: c.projectId, revision: latestRevision(project), note } }];
}

export function returnSummary(c: ReturnSummary, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'return_summary');
  requireStage(project, 'return_summary');
  const reason = requireReason(c.reason, '退回总结');
  return [{ type: 'SummaryReturned', data: { projectId: c.projectId, revision: latestRevision(project), reason } }];
}
