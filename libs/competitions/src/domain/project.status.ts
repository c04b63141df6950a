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

export const PROJECT_ACTIONS = [
  'draft',
  'edit',
  'submit',
  'approve',
  'return',
  'reject',
  'grant_extension',
  'file_progress_report',
  'record_milestone',
  'give_instant_commendation',
  'record_inspection',
  'report_rectification',
  'accept_rectification',
  'reject_rectification',
  'record_incident',
  'open_assessment',
  'add_assessor',
  'declare_conflict',
  'record_score',
  'record_self_score',
  'finalize_assessment',
  'submit_summary',
  'accept_summary',
  'return_summary',
  'withdraw',
  'terminate',
] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export const PROJECT_ACTION_LABELS: Record<ProjectAction, string> = {
  draft: '起草申报',
  edit: '修改申报材料',
  submit: '提交申报',
  approve: '审批立项',
  return: '退回修改',
  reject: '不予立项',
  grant_extension: '批准延期报送',
  file_progress_report: '报送推进情况',
  record_milestone: '记录重要推进节点',
  give_instant_commendation: '即时表彰',
  record_inspection: '登记督导检查',
  report_rectification: '报告整改情况',
  accept_rectification: '验收整改',
  reject_rectification: '退回整改',
  record_incident: '登记安全质量事故',
  open_assessment: '启动评估考核',
  add_assessor: '增补评估专家',
  declare_conflict: '申报利益冲突（回避）',
  record_score: '评分',
  record_self_score: '自评',
  finalize_assessment: '确定评估结果',
  submit_summary: '提交总结',
  accept_summary: '通过总结',
  return_summary: '退回总结',
  withdraw: '撤回',
  terminate: '终止',
};

/** Who may take each action (the decider checks it; the console hides what a role cannot do). */
export const PROJECT_ACTION_ROLES: Record<ProjectAction, readonly Role[]> = {
  draft: ['unit'],
  edit: ['unit'],
  submit: ['unit'],
  approve: ['committee'],
  return: ['committee'],
  reject: ['committee'],
  grant_extension: ['committee'],
  file_progress_report: ['unit'],
  record_milestone: ['unit', 'committee'],
  give_instant_commendation: ['committee'],
  record_inspection: ['committee'],
  report_rectification: ['unit'],
  accept_rectification: ['committee'],
  reject_rectification: ['committee'],
  record_incident: ['committee', 'unit'],
  open_assessment: ['committee'],
  add_assessor: ['committee'],
  declare_conflict: ['assessor'],
  record_score: ['assessor'],
  record_self_score: ['unit'],
  finalize_assessment: ['committee'],
  submit_summary: ['unit'],
  accept_summary: ['committee'],
  return_summary: ['committee'],
  withdraw: ['unit'],
  terminate: ['committee'],
};

/** The running project: approved and not yet assessed. */
const RUNNING: readonly ProjectStatus[] = ['in_progress', 'under_assessment'];
/** Approved and still open: findings must stay rectifiable and incidents recordable until the end. */
const APPROVED_OPEN: readonly ProjectStatus[] = ['in_progress', 'under_assessment', 'assessed', 'summary_submitted'];

/**
 * The stages in which each action may be taken. Items inside a stage (a finding, a score) have
 * their own state, which the decider checks on top of this.
 */
export const PROJECT_ACTION_STAGES: Record<ProjectAction, readonly ProjectStatus[]> = {
  draft: [],
  edit: ['draft', 'returned'],
  submit: ['draft', 'returned'],
  approve: ['submitted'],
  return: ['submitted'],
  reject: ['submitted'],
  grant_extension: ['draft', 'submitted', 'returned'],
  file_progress_report: ['in_progress'],
  record_milestone: RUNNING,
  give_instant_commendation: RUNNING,
  record_inspection: RUNNING,
  report_rectification: APPROVED_OPEN,
  accept_rectification: APPROVED_OPEN,
  reject_rectification: APPROVED_OPEN,
  // An accident that comes to light after the summary still vetoes the project's commendation (一票否决): nominations rest on summarised projects.
  record_incident: [...APPROVED_OPEN, 'summarized'],
  open_assessment: ['in_progress'],
  add_assessor: ['under_assessment'],
  declare_conflict: ['under_assessment'],
  record_score: ['under_assessment'],
  record_self_score: ['under_assessment'],
  finalize_assessment: ['under_assessment'],
  submit_summary: ['assessed'],
  accept_summary: ['summary_submitted'],
  return_summary: ['summary_submitted'],
  withdraw: OPEN_PROJECT_STATUSES,
  terminate: OPEN_PROJECT_STATUSES,
};

/**
 * The actions the project's stage allows, optionally only those a role may take. Used for
 * refusals (allowedActions), by the API and by the console.
 */
export function allowedProjectActions(state: { status: ProjectStatus | 'none' }, role?: Role | 'system'): ProjectAction[] {
  const status = state.status;
  const actions = status === 'none' ? (['draft'] as const) : PROJECT_ACTIONS.filter((a) => PROJECT_ACTION_STAGES[a].includes(status));
  return role === undefined ? [...actions] : actions.filter((a) => (PROJECT_ACTION_ROLES[a] as readonly string[]).includes(role));
}
