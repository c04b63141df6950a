import { Role } from '@jingsai/shared';

/** Stages of a competition project (DOMAIN.md state diagram). Later stages add their transitions. */
export const PROJECT_STATUSES = [
  'draft',
  'submitted',
  'returned',
  'in_progress',
  'under_assessment',
  'assessed',
  'summary_submitted',
  'summarized',
  'rejected',
  'withdrawn',
  'terminated',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  in_progress: '推进中',
  under_assessment: '评估中',
  assessed: '已评估',
  summary_submitted: '总结已提交',
  summarized: '已总结',
  rejected: '未立项',
  withdrawn: '已撤回',
  terminated: '已终止',
};

/** Stages from which a unit may withdraw or a committee terminate ("any open stage"). */
export const OPEN_PROJECT_STATUSES: readonly ProjectStatus[] = ['draft', 'submitted', 'returned', 'in_progress', 'under_assessment', 'assessed', 'summary_submitted'];

export const PROJECT_ACTIONS = ['draft', 'edit', 'submit', 'approve', 'return', 'reject', 'grant_extension', 'withdraw', 'terminate'] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const PROJECT_ACTION_LABELS: Record<ProjectAction, string> = {
  draft: '起草申报',
  edit: '修改申报材料',
  submit: '提交申报',
  approve: '审批立项',
  return: '退回修改',
  reject: '不予立项',
  grant_extension: '批准延期报送',
  withdraw: '撤回',
  terminate: '终止',
};

/** Who may take each action (the decider checks it; the console hides what a role cannot do). */
export const PROJECT_ACTION_ROLES: Record<ProjectAction, Role> = {
  draft: 'unit',
  edit: 'unit',
  submit: 'unit',
  approve: 'committee',
  return: 'committee',
  reject: 'committee',
  grant_extension: 'committee',
  withdraw: 'unit',
  terminate: 'committee',
};

const ACTIONS_BY_STATUS: Record<ProjectStatus, readonly ProjectAction[]> = {
  draft: ['edit', 'submit', 'grant_extension', 'withdraw', 'terminate'],
  submitted: ['approve', 'return', 'reject', 'grant_extension', 'withdraw', 'terminate'],
  returned: ['edit', 'submit', 'grant_extension', 'withdraw', 'terminate'],
  in_progress: ['withdraw', 'terminate'],
  under_assessment: ['withdraw', 'terminate'],
  assessed: ['withdraw', 'terminate'],
  summary_submitted: ['withdraw', 'terminate'],
  summarized: [],
  rejected: [],
  withdrawn: [],
  terminated: [],
};

/**
 * The actions the project's stage allows, optionally only those a role may take. Used for
 * refusals (allowedActions), by the API and by the console.
 */
export function allowedProjectActions(state: { status: ProjectStatus | 'none' }, role?: Role | 'system'): ProjectAction[] {
  const actions = state.status === 'none' ? (['draft'] as const) : ACTIONS_BY_STATUS[state.status];
  return role === undefined ? [...actions] : actions.filter((a) => PROJECT_ACTION_ROLES[a] === role);
}
