import { Actor, DomainError } from '@jingsai/shared';
import { CAMPAIGN_CATEGORIES, CampaignCategory } from './campaign.catalogue';
import { CampaignRulesSnapshot } from './campaign-snapshot';
import { FieldProblem } from './field-problem';
import { ProjectActionFacts, narrowActions, projectActionFacts } from './project-actions-now';
import { allowedProjectActions, PROJECT_ACTION_LABELS, PROJECT_ACTION_ROLES, PROJECT_STATUS_LABELS, ProjectAction, ProjectStatus } from './project.status';
import { Project, ProjectState } from './project.state';

export function requireProject(state: ProjectState, projectId: string): Project {
  if (state.status === 'none') {
    throw DomainError.notFound('PROJECT.NOT_FOUND', `竞赛项目 ${projectId} 不存在。`, `Project ${projectId} does not exist.`, { projectId });
  }
  return state;
}

/** Units act only for their own organisation's projects. */
export function requireOwnUnit(actor: Actor, orgId: string, action: ProjectAction): void {
  if (actor.role !== 'unit' || actor.orgId !== orgId) {
    throw DomainError.forbidden(
      'PROJECT.FORBIDDEN',
      `只有项目所属参赛单位可以${PROJECT_ACTION_LABELS[action]}。`,
      `Only the project's own participating unit may ${action.replace(/_/g, ' ')} it.`,
      { role: actor.role, actorOrgId: actor.orgId, projectOrgId: orgId },
    );
  }
}

export function requireCommittee(actor: Actor, action: ProjectAction): void {
  if (actor.role !== 'committee') {
    throw DomainError.forbidden('PROJECT.FORBIDDEN', `只有竞赛委员会可以${PROJECT_ACTION_LABELS[action]}。`, `Only a competition committee may ${action.replace(/_/g, ' ')} a project.`, {
      role: actor.role,
    });
  }
}

const ASKER_LABELS: Record<string, string> = { unit: '参赛单位', committee: '竞赛委员会', assessor: '评估专家' };

/**
 * Refuse unless the project's stage allows the action; names the stage and what is allowed now
 * to those who may take this action (a committee is not told to edit the unit's draft).
 */
export function requireAllowed(project: Project, action: ProjectAction, allowed: readonly ProjectStatus[], facts: ProjectActionFacts = {}): void {
  if (allowed.includes(project.status)) return;
  const askers = PROJECT_ACTION_ROLES[action] as readonly string[];
  const open = narrowActions(allowedProjectActions(project), { ...projectActionFacts(project), ...facts });
  const next = open.filter((a) => (PROJECT_ACTION_ROLES[a] as readonly string[]).some((r) => askers.includes(r)));
  const label = PROJECT_STATUS_LABELS[project.status];
  // Nothing open to these roles is not the same as a closed project: an assessor refused before
  // assessment opens must not read that the project has ended.
  const who = askers.map((r) => ASKER_LABELS[r] ?? r);
  const noneZh = open.length ? `当前没有${who.join('或')}可办理的事项。` : '该项目已结束，不能再办理任何事项。';
  const noneEn = open.length ? ` Nothing is open to ${askers.join(' or ')} now.` : ' It is closed.';
  throw DomainError.illegalState(
    'PROJECT.ILLEGAL_TRANSITION',
    `项目当前为“${label}”状态，不能${PROJECT_ACTION_LABELS[action]}。${next.length ? `当前可办理：${next.map((a) => PROJECT_ACTION_LABELS[a]).join('、')}。` : noneZh}`,
    `The project is ${project.status}; it cannot ${action.replace(/_/g, ' ')}.${next.length ? ` Allowed now: ${next.join(', ')}.` : noneEn}`,
    project.status,
    next,
    { allowedActionLabels: next.map((a) => ({ action: a, label: PROJECT_ACTION_LABELS[a] })) },
  );
}

/** The handler must have looked up this project's campaign; anything else is a wiring error. */
export function requireCampaignOf(campaign: CampaignRulesSnapshot, campaignId: string): void {
  if (campaign.campaignId !== campaignId) {
    throw DomainError.conflict('PROJECT.CAMPAIGN_MISMATCH', '竞赛活动信息与项目不符，请刷新后重试。', `The campaign given (${campaign.campaignId}) is not the project's campaign (${campaignId}).`, {
      campaignId,
      given: campaign.campaignId,
    });
  }
}

/** The campaign must be published (not a draft, not closed). */
export function requireCampaignOpen(campaign: CampaignRulesSnapshot): void {
  if (campaign.status === 'draft') {
    throw DomainError.unprocessable('PROJECT.CAMPAIGN_NOT_PUBLISHED', '竞赛活动尚未发布，暂不能办理。', 'The campaign is not published yet.', { campaignId: campaign.campaignId });
  }
  if (campaign.status === 'closed') {
    throw DomainError.unprocessable('PROJECT.CAMPAIGN_CLOSED', '竞赛活动已结束，不能再办理。', 'The campaign is closed.', { campaignId: campaign.campaignId });
  }
}

export function requireCategoryIn(campaign: CampaignRulesSnapshot, category: CampaignCategory): void {
  if (!campaign.categories.includes(category)) {
    const offered = campaign.categories.map((c) => CAMPAIGN_CATEGORIES[c]?.zh ?? c).join('、');
    throw DomainError.validation('PROJECT.CATEGORY_NOT_IN_CAMPAIGN', `本竞赛活动不设该竞赛类别，可选：${offered}。`, `The campaign has no category "${category}"; choose one of ${campaign.categories.join(', ')}.`, {
      errors: [{ field: 'category', messageZh: `可选类别：${offered}。`, messageEn: `Choose one of ${campaign.categories.join(', ')}.` }],
    });
  }
}

export function requireReason(reason: string | null | undefined, whatZh: string): string {
  const r = reason?.trim() ?? '';
  if (!r) {
    throw DomainError.validation('PROJECT.REASON_REQUIRED', `${whatZh}必须说明理由。`, 'A reason is required.', {
      errors: [{ field: 'reason', messageZh: '请填写理由。', messageEn: 'Give a reason.' }],
    });
  }
  return r;
}

export function invalidApplication(code: 'PROJECT.INVALID' | 'PROJECT.APPLICATION_INCOMPLETE', errors: FieldProblem[]): DomainError {
  return code === 'PROJECT.INVALID'
    ? DomainError.validation(code, `申报材料有 ${errors.length} 处问题，请按提示修改。`, `The application has ${errors.length} problem(s); correct each one listed.`, { errors })
    : DomainError.validation(code, `参赛报名表和竞赛实施方案尚不完整（${errors.length} 处），请补全后再提交。`, `The registration form and implementation plan are incomplete (${errors.length} item(s)); complete them before submitting.`, { errors });
}
