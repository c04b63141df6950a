import { DomainError } from '@jingsai/shared';
import { AssessmentScheme, ConflictWaiver, rulesOfVersion, unfiledNoteZh, unfiledOverduePeriods } from '../domain';
import { LoopAction, LoopBuilder, LoopInput } from './project-loop.command';

/** The assessment scheme of the campaign's rules version in force now, read by folding the campaign stream. */
async function schemeInForce({ project, facts }: LoopInput): Promise<{ scheme: AssessmentScheme; rulesVersion: number }> {
  const campaign = await facts.campaign(project.campaignId);
  const rules = rulesOfVersion(campaign, campaign.rulesVersion);
  if (!rules) {
    throw DomainError.unprocessable('PROJECT.CAMPAIGN_NOT_PUBLISHED', '竞赛活动尚未发布规则，不能启动评估考核。', 'The campaign has no published rules; assessment cannot open.', {
      campaignId: project.campaignId,
    });
  }
  return { scheme: rules.assessment, rulesVersion: campaign.rulesVersion };
}

/** 评估考核 and 总结: requests → domain commands, with org ancestry from the organisation tree. */
export const ASSESSMENT_BUILDERS: Partial<Record<LoopAction, LoopBuilder>> = {
  async open_assessment(input) {
    const { project, body, base, facts } = input;
    const { scheme, rulesVersion } = await schemeInForce(input);
    const projectOrg = await facts.registeredOrg(project.orgId);
    const assessors = [];
    for (const a of body.assessors ?? []) assessors.push(await facts.assessorProfile(a));
    const waivers = (body.waivers ?? []) as ConflictWaiver[];
    return { command: { type: 'OpenAssessment', ...base, assessors, projectOrgPath: projectOrg.path, scheme, rulesVersion, waivers } };
  },

  async add_assessor({ body, base, facts, project }) {
    // Correcting an assigned assessor's organisation keeps the name they were assigned under unless a new one is given.
    const assigned = project.assessment?.assessors.find((a) => a.userId === body.assessor?.userId);
    const assessor = await facts.assessorProfile({ ...body.assessor, ...(assigned && !body.assessor?.name ? { name: assigned.name } : {}) });
    return { itemId: assessor.userId, command: { type: 'AddAssessor', ...base, assessor, reason: body.reason, waiverReason: body.waiverReason ?? null } };
  },

  declare_conflict({ body, base }) {
    return { command: { type: 'DeclareConflictOfInterest', ...base, reason: body.reason } };
  },

  async record_score({ project, body, base, facts }) {
    // The token's organisation as the tree places it now: the decider checks conflicts against it.
    const assessorOrgPath = (await facts.orgPath(base.actor.orgId)) ?? [];
    // The organisations an organisation mismatch would name, by name (review 50 #13).
    const assigned = project.assessment?.assessors.find((a) => a.userId === base.actor.userId)?.orgId;
    const ids = [...new Set([base.actor.orgId, ...(assigned ? [assigned] : [])])];
    const orgNames = Object.fromEntries((await Promise.all(ids.map(async (id) => [id, await facts.orgName(id)] as const))).filter((e) => e[1] !== e[0]));
    return { command: { type: 'RecordScore', ...base, assessorUserId: base.actor.userId, scores: body.scores, assessorOrgPath, reason: body.reason ?? null, orgNames } };
  },

  record_self_score({ body, base }) {
    return { command: { type: 'RecordSelfScore', ...base, scores: body.scores } };
  },

  finalize_assessment({ body, base }) {
    return { command: { type: 'FinalizeAssessment', ...base, note: body.note ?? null } };
  },

  submit_summary({ body, base }) {
    return { command: { type: 'SubmitSummary', ...base, outcomes: body.outcomes, experience: body.experience } };
  },

  accept_summary({ body, base, project }) {
    // Reports missed and never filed can no longer be once the project is summarised: the answer names them (as the project's summary does before).
    const unfiled = unfiledOverduePeriods(project);
    return {
      command: { type: 'AcceptSummary', ...base, note: body.note ?? null },
      note: (events) => (unfiled.length > 0 && events.some((e) => e.type === 'SummaryAccepted') ? { noteZh: `总结已通过。${unfiledNoteZh(unfiled)}，项目结束后不能再补报。`, noteEn: `Summary accepted. ${unfiled.length} report(s) were never filed (${unfiled.join(', ')}) and no longer can be.` } : undefined),
    };
  },

  return_summary({ body, base }) {
    return { command: { type: 'ReturnSummary', ...base, reason: body.reason } };
  },
};
