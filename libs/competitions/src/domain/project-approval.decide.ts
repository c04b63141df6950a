import { DomainError } from '@jingsai/shared';
import { CAMPAIGN_CATEGORIES } from './campaign.catalogue';
import { HIERARCHY_LEVEL_LABELS, HierarchyLevel } from './levels';
import { ApprovalFacts, ApproveProject, RejectProject, ReturnProject } from './project.commands';
import { ProjectEvent } from './project.events';
import { requireAllowed, requireCampaignOf, requireCampaignOpen, requireCommittee, requireProject, requireReason } from './project.guards';
import { Project, ProjectState } from './project.state';
import { mayExtendNow, narrowActions, projectActionFacts } from './project-actions-now';
import { allowedProjectActions, PROJECT_ACTION_LABELS, ProjectAction } from './project.status';

const labels = (levels: HierarchyLevel[]): string => levels.map((l) => HIERARCHY_LEVEL_LABELS[l]).join(' → ');

/**
 * The levels that must approve this project, in the campaign's order: its approval levels at
 * which the project's organisation has an ancestor committee.
 */
export function requiredApprovalLevels(facts: Pick<ApprovalFacts, 'campaign' | 'applicableLevels'>): HierarchyLevel[] {
  return facts.campaign.approvalLevels.filter((l) => facts.applicableLevels.includes(l));
}

/** What a committee can still do on the project, leaving out the decisions it cannot take now, named and labelled as a 409 names them. */
/** What this committee may still do with the project: an extension only when it organises the campaign and may grant one now. */
function committeeActionsBut(project: Project, excluded: readonly ProjectAction[], c: ApprovalFacts & { actor: ApproveProject['actor']; at: string }) {
  const mayExtend = mayExtendNow(c.actor.orgId, { organizerOrgId: c.campaign.organizerOrgId, status: c.campaign.status, endsOn: c.campaign.span?.endsOn ?? '9999-12-31' }, c.at);
  const allowedActions = narrowActions(allowedProjectActions(project, 'committee'), { ...projectActionFacts(project, { at: c.at, campaign: c.campaign }), mayExtend }).filter((a) => !excluded.includes(a));
  return { allowedActions, allowedActionLabels: allowedActions.map((a) => ({ action: a, label: PROJECT_ACTION_LABELS[a] })) };
}

/** Checks shared by approve, return and reject; answers the levels required and those still awaited. */
function committeeDecision(project: Project, c: ApprovalFacts & { actor: ApproveProject['actor']; at: string }, action: 'approve' | 'return' | 'reject') {
  requireCommittee(c.actor, action);
  // Named only while this committee could still grant it: not once the campaign is over, nor to a committee that does not organise it.
  const mayExtend = mayExtendNow(c.actor.orgId, { organizerOrgId: c.campaign.organizerOrgId, status: c.campaign.status, endsOn: c.campaign.span?.endsOn ?? '9999-12-31' }, c.at);
  requireAllowed(project, action, ['submitted'], { ...projectActionFacts(project, { at: c.at, campaign: c.campaign }), mayExtend });
  requireCampaignOf(c.campaign, project.campaignId);
  requireCampaignOpen(c.campaign);
  const required = requiredApprovalLevels(c);
  if (required.length === 0) {
    throw DomainError.unprocessable(
      'PROJECT.NO_APPROVAL_LEVEL',
      `本竞赛活动规定的立项审批层级（${labels(c.campaign.approvalLevels)}）在本项目所属单位之上均无竞赛委员会或工会，无法审批。请主办方调整审批层级。`,
      `None of the campaign's approval levels (${c.campaign.approvalLevels.join(', ')}) has a committee above this project's organisation; the organiser must change the approval levels.`,
      { approvalLevels: c.campaign.approvalLevels, applicableLevels: c.applicableLevels },
    );
  }
  if (!required.includes(c.approverLevel)) {
    throw DomainError.forbidden(
      'PROJECT.APPROVER_LEVEL_NOT_REQUIRED',
      `本项目由 ${labels(required)} 竞赛委员会（工会）审批，${HIERARCHY_LEVEL_LABELS[c.approverLevel]}竞赛委员会（工会）不参与审批。`,
      `This project is decided by the ${required.join(', then ')} committee(s), not at ${c.approverLevel} level.`,
      { approverLevel: c.approverLevel, requiredLevels: required },
    );
  }
  const done = project.application.approvedLevels;
  const awaited = required.filter((l) => !done.includes(l));
  return { required, done, awaited };
}

export function approveProject(c: ApproveProject, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  const { required, done, awaited } = committeeDecision(project, c, 'approve');
  // Approving again is refused, naming the level (a double click with an Idempotency-Key is
  // answered with the first response before the decider runs).
  requireStillToDecide(project, c, done, 'approve', awaited[0]);
  const expected = awaited[0];
  if (c.approverLevel !== expected) {
    throw DomainError.conflict(
      'PROJECT.APPROVAL_OUT_OF_ORDER',
      `请等待${HIERARCHY_LEVEL_LABELS[expected]}竞赛委员会（工会）先行审批（审批顺序：${labels(required)}）。`,
      `The ${expected} committee must approve first (order: ${required.join(' → ')}).`,
      { expectedLevel: expected, approverLevel: c.approverLevel, requiredLevels: required, approvedLevels: done, currentState: project.status, ...committeeActionsBut(project, ['approve'], c) },
    );
  }
  requireCategoryStillOffered(project, c);
  const rulesVersion = c.campaign.rulesVersion;
  if (awaited.length > 1) {
    return [{ type: 'ProjectApprovedAtLevel', data: { projectId: c.projectId, level: c.approverLevel, rulesVersion, nextLevel: awaited[1], ...noteOf(c) } }];
  }
  return [{ type: 'ProjectApproved', data: { projectId: c.projectId, level: c.approverLevel, rulesVersion, approvedLevels: [...done, c.approverLevel], approvedAt: c.at, ...noteOf(c) } }];
}

/**
 * Approval is judged by the rules in force now: a category the organiser has since dropped
 * cannot be approved into. Returning (to choose another category) and rejecting stay open.
 */
function requireCategoryStillOffered(project: Project, c: ApproveProject): void {
  if (c.campaign.categories.includes(project.category)) return;
  const name = CAMPAIGN_CATEGORIES[project.category]?.zh ?? project.category;
  const offered = c.campaign.categories.map((x) => CAMPAIGN_CATEGORIES[x]?.zh ?? x).join('、');
  throw DomainError.unprocessable(
    'PROJECT.CATEGORY_WITHDRAWN',
    `现行竞赛规则（第 ${c.campaign.rulesVersion} 版）已不设“${name}”类别，不能按该类别立项。可退回申报单位改选类别（现设：${offered}），或由主办方恢复该类别。`,
    `The rules in force (version ${c.campaign.rulesVersion}) no longer have the category "${project.category}"; return the project so the unit can choose one of ${c.campaign.categories.join(', ')}, or have the organiser restore it.`,
    { category: project.category, categories: c.campaign.categories, rulesVersion: c.campaign.rulesVersion, currentState: project.status, ...committeeActionsBut(project, ['approve'], c) },
  );
}

/**
 * A level that already approved has passed the project on: it neither approves again nor sends
 * it back; only the levels still to decide may. `awaiting` is the level whose decision is awaited.
 */
function requireStillToDecide(project: Project, c: ApprovalFacts & { actor: ApproveProject['actor']; at: string }, done: HierarchyLevel[], action: 'approve' | 'return' | 'reject', awaiting?: HierarchyLevel): void {
  if (!done.includes(c.approverLevel)) return;
  const level = HIERARCHY_LEVEL_LABELS[c.approverLevel];
  const next = awaiting ? `现等待${HIERARCHY_LEVEL_LABELS[awaiting]}竞赛委员会（工会）审批。` : '';
  const [zh, en] =
    action === 'approve'
      ? [`${level}竞赛委员会（工会）已审批通过本项目，无需重复审批。${next}`, `The ${c.approverLevel} committee has already approved this project; it is not approved twice.${awaiting ? ` The ${awaiting} committee decides next.` : ''}`]
      : [`${level}竞赛委员会（工会）已审批通过本项目，不能再退回或驳回；如有问题请联系上级竞赛委员会。`, `The ${c.approverLevel} committee has already approved this project and can no longer return or reject it; raise any concern with the committee above.`];
  throw DomainError.conflict('PROJECT.ALREADY_APPROVED_AT_LEVEL', zh, en, {
    approverLevel: c.approverLevel,
    approvedLevels: done,
    awaitingLevel: awaiting ?? null,
    currentState: project.status,
    ...committeeActionsBut(project, ['approve', 'return', 'reject'], c),
  });
}

export function returnProject(c: ReturnProject, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  const { done } = committeeDecision(project, c, 'return');
  requireStillToDecide(project, c, done, 'return');
  const reason = requireReason(c.reason, '退回修改');
  return [{ type: 'ProjectReturned', data: { projectId: c.projectId, level: c.approverLevel, reason } }];
}

export function rejectProject(c: RejectProject, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  const { done } = committeeDecision(project, c, 'reject');
  requireStillToDecide(project, c, done, 'reject');
  const reason = requireReason(c.reason, '不予立项');
  return [{ type: 'ProjectRejected', data: { projectId: c.projectId, level: c.approverLevel, reason } }];
}

/** 审批意见 given with an approval, kept with it (nothing when none was given, so older events read the same). */
function noteOf(c: ApproveProject): { note?: string } {
  const note = typeof c.note === 'string' ? c.note.trim() : '';
  return note ? { note } : {};
}
