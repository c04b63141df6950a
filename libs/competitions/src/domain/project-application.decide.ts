import { DomainError } from '@jingsai/shared';
import { beijingDate, beijingTime, deadlinePassed, isBefore, isIsoInstant } from './calendar';
import { sameValue } from './same-value';
import { problem } from './field-problem';
import { applicationProblems, planWithinCampaign } from './project-application';
import { DraftProject, EditProjectDraft, GrantSubmissionExtension, ProjectDraftChanges, SubmitProject } from './project.commands';
import { ProjectEvent } from './project.events';
import { repeatedLateSubmissionError } from './project-refusal.error';
import {
  invalidApplication,
  requireAllowed,
  requireCampaignOf,
  requireCampaignOpen,
  requireCategoryIn,
  requireCommittee,
  requireOwnUnit,
  requireProject,
  requireReason,
} from './project.guards';
import { ProjectState } from './project.state';

const DRAFT_FIELDS = ['title', 'category', 'skillsContest', 'registrationForm', 'implementationPlan'] as const;

export function draftProject(c: DraftProject, state: ProjectState): ProjectEvent[] {
  requireOwnUnit(c.actor, c.orgId, 'draft');
  if (state.status !== 'none') {
    throw DomainError.conflict('PROJECT.ALREADY_EXISTS', `竞赛项目 ${c.projectId} 已存在。`, `Project ${c.projectId} already exists.`, { projectId: c.projectId });
  }
  requireCampaignOf(c.campaign, c.campaignId);
  requireCampaignOpen(c.campaign);
  requireCategoryIn(c.campaign, c.category);
  const errors = applicationProblems(c.title, c.registrationForm, c.implementationPlan, 'draft');
  if (errors.length > 0) throw invalidApplication('PROJECT.INVALID', errors);
  const { projectId, campaignId, orgId, category, registrationForm, implementationPlan } = c;
  return [{ type: 'ProjectDrafted', data: { projectId, campaignId, orgId, title: c.title.trim(), category, ...(typeof c.skillsContest === 'boolean' ? { skillsContest: c.skillsContest } : {}), registrationForm, implementationPlan } }];
}

export function editProjectDraft(c: EditProjectDraft, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireOwnUnit(c.actor, project.orgId, 'edit');
  requireAllowed(project, 'edit', ['draft', 'returned']);
  requireCampaignOf(c.campaign, project.campaignId);
  if (!c.changes || !DRAFT_FIELDS.some((k) => k in c.changes)) {
    throw DomainError.validation('PROJECT.NOTHING_TO_EDIT', '没有需要修改的内容（可修改：项目名称、类别、是否技能竞赛、参赛报名表、实施方案）。', `Nothing to edit; give one of ${DRAFT_FIELDS.join(', ')}.`);
  }
  const changes: ProjectDraftChanges = {};
  for (const k of DRAFT_FIELDS) {
    const value = k === 'title' && typeof c.changes.title === 'string' ? c.changes.title.trim() : c.changes[k];
    if (value !== undefined && !sameValue(value, project[k])) (changes as Record<string, unknown>)[k] = value;
  }
  if (Object.keys(changes).length === 0) return [];
  if (changes.category !== undefined) requireCategoryIn(c.campaign, changes.category);
  const next = { ...project, ...changes };
  const errors = applicationProblems(next.title, next.registrationForm, next.implementationPlan, 'draft');
  if (errors.length > 0) throw invalidApplication('PROJECT.INVALID', errors);
  return [{ type: 'ProjectDraftEdited', data: { projectId: c.projectId, changes } }];
}

export function submitProject(c: SubmitProject, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireOwnUnit(c.actor, project.orgId, 'submit');
  requireAllowed(project, 'submit', ['draft', 'returned']);
  requireCampaignOf(c.campaign, project.campaignId);
  requireCampaignOpen(c.campaign);
  const { opensAt, closesAt } = c.campaign.applicationWindow;
  if (isBefore(c.at, opensAt)) {
    throw DomainError.unprocessable('PROJECT.WINDOW_NOT_OPEN', `报名将于 ${beijingTime(opensAt)} 开始，请届时再提交。`, `The application window opens at ${opensAt}; submit then.`, { windowOpensAt: opensAt });
  }
  const withinWindow = !deadlinePassed(c.at, closesAt);
  const extension = project.application.extension;
  const underExtension = !withinWindow && extension !== null && !deadlinePassed(c.at, extension.until);
  if (!withinWindow && !underExtension) {
    // The same late attempt again on the same Beijing day, the window and extension as they were: already on record.
    const last = project.application.refusals[project.application.refusals.length - 1];
    if (last && last.windowClosesAt === closesAt && last.extensionUntil === (extension?.until ?? null) && beijingDate(last.attemptedAt) === beijingDate(c.at)) {
      throw repeatedLateSubmissionError(c.projectId, last, c.at, project.application.firstSubmissionOnTime === true);
    }
    // Recorded, not thrown: award eligibility must be able to cite the late attempt.
    return [
      {
        type: 'ProjectSubmissionRefused',
        data: { projectId: c.projectId, reason: 'window_closed', windowClosesAt: closesAt, attemptedAt: c.at, extensionUntil: extension?.until ?? null },
      },
    ];
  }
  requireCategoryIn(c.campaign, project.category);
  const errors = applicationProblems(project.title, project.registrationForm, project.implementationPlan, 'submit');
  if (errors.length > 0) throw invalidApplication('PROJECT.APPLICATION_INCOMPLETE', errors);
  const outside = planWithinCampaign(project.implementationPlan, c.campaign.span);
  if (outside.length > 0) {
    throw DomainError.unprocessable(
      'PROJECT.PLAN_OUTSIDE_CAMPAIGN',
      `竞赛实施方案的起止日期不在竞赛活动的时间范围内：${outside.map((p) => p.messageZh).join('')}修改方案后再提交。`,
      `The implementation plan does not fall in the campaign's time: ${outside.map((p) => p.messageEn).join(' ')} Edit the plan, then submit.`,
      { errors: outside, campaignSpan: c.campaign.span },
    );
  }
  return [
    {
      type: 'ProjectSubmitted',
      data: { projectId: c.projectId, rulesVersion: c.campaign.rulesVersion, resubmission: project.status === 'returned', underExtension, submittedAt: c.at },
    },
  ];
}

export function grantSubmissionExtension(c: GrantSubmissionExtension, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireCommittee(c.actor, 'grant_extension');
  requireAllowed(project, 'grant_extension', ['draft', 'returned', 'submitted']);
  requireCampaignOf(c.campaign, project.campaignId);
  requireCampaignOpen(c.campaign);
  // The deadline is the organiser's (Jiujiang: the city's 市总工会); a committee below it collects applications but cannot move it.
  if (c.actor.orgId !== c.campaign.organizerOrgId) {
    throw DomainError.forbidden(
      'PROJECT.EXTENSION_ORGANISER_ONLY',
      `报名截止时间由竞赛活动主办方${c.campaign.organizerName ?? c.campaign.organizerOrgId}规定，只有主办方竞赛委员会可以批准延期报送。`,
      `The application deadline is set by the organiser (${c.campaign.organizerOrgId}); only its committee may grant an extension.`,
      { organizerOrgId: c.campaign.organizerOrgId, yourOrgId: c.actor.orgId },
    );
  }
  // Once the campaign is over no extension can be granted, whatever its date: a state, not a field to correct (409).
  const span = c.campaign.span;
  if (span && beijingDate(c.at) > span.endsOn) {
    throw DomainError.conflict(
      'PROJECT.EXTENSION_AFTER_CAMPAIGN',
      `竞赛活动已于 ${span.endsOn} 结束，不再批准延期报送。`,
      `The campaign ended on ${span.endsOn}; no extension is granted once it is over.`,
      { campaignEndsOn: span.endsOn },
    );
  }
  const reason = requireReason(c.reason, '批准延期报送');
  const { closesAt } = c.campaign.applicationWindow;
  if (!isIsoInstant(c.until)) {
    // A date alone names no instant: say what form is wanted, with an example from the date given.
    const day = typeof c.until === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(c.until) ? c.until : '2021-07-30';
    const msgZh = `延期截止时间 until 应写明日期、时刻和时区，如 ${day}T23:59:59+08:00（北京时间当日 24 时前）。`;
    const msgEn = `until must be an instant with a time and an offset, such as ${day}T23:59:59+08:00.`;
    throw DomainError.validation('PROJECT.EXTENSION_INVALID', msgZh, msgEn, { errors: [problem('until', msgZh, msgEn)] });
  }
  if (!isBefore(c.at, c.until) || !isBefore(closesAt, c.until)) {
    const msgZh = `延期截止时间必须晚于当前时间和报名截止时间（${beijingTime(closesAt)}）。`;
    const msgEn = `The extension must end after now and after the window closes (${closesAt}).`;
    throw DomainError.validation('PROJECT.EXTENSION_INVALID', msgZh, msgEn, { errors: [problem('until', msgZh, msgEn)] });
  }
  // An extension lets a unit file within the campaign, not after it: a project entered once the campaign is over could never report.
  if (span && beijingDate(c.until) > span.endsOn) {
    const msgZh = `竞赛活动于 ${span.endsOn} 结束，延期截止时间不能晚于活动结束日。`;
    const msgEn = `The campaign ends on ${span.endsOn}; an extension cannot run past it.`;
    throw DomainError.validation('PROJECT.EXTENSION_AFTER_CAMPAIGN', msgZh, msgEn, { campaignEndsOn: span.endsOn, errors: [problem('until', msgZh, msgEn)] });
  }
  return [{ type: 'SubmissionExtensionGranted', data: { projectId: c.projectId, until: c.until, reason } }];
}
