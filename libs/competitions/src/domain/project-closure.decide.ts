import { TerminateProject, WithdrawProject } from './project.commands';
import { ProjectEvent } from './project.events';
import { requireAllowed, requireCommittee, requireOwnUnit, requireProject, requireReason } from './project.guards';
import { ProjectState } from './project.state';
import { OPEN_PROJECT_STATUSES } from './project.status';

export function withdrawProject(c: WithdrawProject, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireOwnUnit(c.actor, project.orgId, 'withdraw');
  requireAllowed(project, 'withdraw', OPEN_PROJECT_STATUSES);
  const reason = c.reason?.trim() || null;
  return [{ type: 'ProjectWithdrawn', data: { projectId: c.projectId, reason, previousStatus: project.status } }];
}

export function terminateProject(c: TerminateProject, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireCommittee(c.actor, 'terminate');
  requireAllowed(project, 'terminate', OPEN_PROJECT_STATUSES);
  const reason = requireReason(c.reason, '终止项目');
  return [{ type: 'ProjectTerminated', data: { projectId: c.projectId, reason, previousStatus: project.status } }];
}
