import { metricsProblems } from './progress-metrics';
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
  return [{ type: 'SummarySubmitted', data: { projectId: c.projectId, revision, outcomes: normalizeMetrics(c.outcomes), experience } }];
}

export function acceptSummary(c: AcceptSummary, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'accept_summary');
  requireStage(project, 'accept_summary');
  return [{ type: 'SummaryAccepted', data: { projectId: c.projectId, revision: latestRevision(project), note: c.note?.trim() || null } }];
}

export function returnSummary(c: ReturnSummary, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'return_summary');
  requireStage(project, 'return_summary');
  const reason = requireReason(c.reason, '退回总结');
  return [{ type: 'SummaryReturned', data: { projectId: c.projectId, revision: latestRevision(project), reason } }];
}
