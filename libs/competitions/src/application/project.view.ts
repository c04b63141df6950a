import { AuthUser } from '@jingsai/auth';
import {
  CAMPAIGN_CATEGORIES, HIERARCHY_LEVEL_LABELS, PROJECT_ACTION_LABELS, PROJECT_STATUS_LABELS, Project, ProjectAction, ProjectStatus, allowedProjectActions,
} from '../domain';

const DECISIONS: readonly ProjectAction[] = ['approve', 'return', 'reject'];

/**
 * What this caller may do now: the stage's actions for the caller's roles; a committee sees
 * approve / return / reject only when the approval awaited is at its own level.
 */
export function actionsForCaller(user: AuthUser, status: ProjectStatus, nextLevel: string | null, callerLevel: string | null): ProjectAction[] {
  const out = new Set<ProjectAction>();
  if (user.roles.includes('unit')) for (const a of allowedProjectActions({ status }, 'unit')) out.add(a);
  if (user.roles.includes('committee')) {
    for (const a of allowedProjectActions({ status }, 'committee')) {
      if (!DECISIONS.includes(a) || (nextLevel !== null && nextLevel === callerLevel)) out.add(a);
    }
  }
  return [...out];
}

export function labelledActions(actions: ProjectAction[]) {
  return actions.map((a) => ({ action: a, label: PROJECT_ACTION_LABELS[a] }));
}

/** A project as the API shows it: the folded state with Chinese labels and what the caller may do. */
export function projectView(project: Project, revision: number | null, o: { requiredLevels: string[]; nextLevel: string | null; allowedActions: ProjectAction[] }) {
  return {
    projectId: project.projectId,
    campaignId: project.campaignId,
    orgId: project.orgId,
    title: project.title,
    category: project.category,
    categoryLabel: CAMPAIGN_CATEGORIES[project.category]?.zh ?? project.category,
    status: project.status,
    statusLabel: PROJECT_STATUS_LABELS[project.status],
    registrationForm: project.registrationForm,
    implementationPlan: project.implementationPlan,
    application: project.application,
    ending: project.ending,
    requiredApprovalLevels: o.requiredLevels,
    nextApprovalLevel: o.nextLevel,
    nextApprovalLevelLabel: o.nextLevel ? (HIERARCHY_LEVEL_LABELS[o.nextLevel as keyof typeof HIERARCHY_LEVEL_LABELS] ?? o.nextLevel) : null,
    allowedActions: o.allowedActions,
    allowedActionLabels: labelledActions(o.allowedActions),
    revision,
  };
}
