import { DomainError } from '@jingsai/shared';
import { conflictRelation } from './assessment-scoring';
import { assessmentProblems } from './campaign-rules.validate';
import { problem } from './field-problem';
import { AddAssessor, DeclareConflictOfInterest, OpenAssessment } from './project-assessment.commands';
import { ProjectAssessmentEvent } from './project-assessment.events';
import { CONFLICT_RELATION_LABELS, ConflictRelation } from './project-loop.catalogue';
import { Problems, requireRole, requireStage } from './project-loop.guards';
import { AssessorProfile, AssignedAssessor, ProjectAssessment } from './project-loop.state';
import { ProjectEvent } from './project.events';
import { requireProject, requireReason } from './project.guards';
import { Project, ProjectState } from './project.state';

type Conflict = { assessor: AssessorProfile; relation: ConflictRelation };

function assessorProfile(a: AssessorProfile, field: string, problems: Problems): AssessorProfile {
  const userId = problems.text(a?.userId, `${field}.userId`, '评估专家账号');
  const orgId = problems.text(a?.orgId, `${field}.orgId`, '评估专家所在单位');
  const name = problems.text(a?.name, `${field}.name`, '评估专家姓名');
  const pathOk = Array.isArray(a?.orgPath) && a.orgPath.every((o) => typeof o === 'string');
  if (!pathOk) problems.add(problem(`${field}.orgPath`, '缺少评估专家所在单位的上级单位路径。', 'orgPath must list the ancestors of the assessor’s organisation.'));
  return { userId, orgId, orgPath: pathOk ? [...a.orgPath] : [], name };
}

/** Names who conflicts and why, and what the committee can do. */
/** `fieldOf`: where in the request each conflicting assessor's organisation was given, for a form to mark. */
function conflictError(conflicts: Conflict[], fieldOf: (x: Conflict) => string): DomainError {
  const zh = conflicts.map((x) => `${x.assessor.name}（${CONFLICT_RELATION_LABELS[x.relation].zh}）`).join('；');
  const en = conflicts.map((x) => `${x.assessor.name} (${CONFLICT_RELATION_LABELS[x.relation].en})`).join('; ');
  return DomainError.unprocessable(
    'PROJECT.ASSESSOR_CONFLICT',
    `以下评估专家与本项目存在利益冲突，不能指派：${zh}。请更换专家；确需指派的，请说明理由予以豁免。`,
    `These assessors have a conflict of interest with this project and cannot be assigned: ${en}. Choose others, or give a waiver with a reason.`,
    {
      conflicts: conflicts.map((x) => ({ userId: x.assessor.userId, name: x.assessor.name, orgId: x.assessor.orgId, relation: x.relation })),
      errors: conflicts.map((x) => problem(fieldOf(x), `${x.assessor.name}：${CONFLICT_RELATION_LABELS[x.relation].zh}，不能指派（或说明理由予以豁免）。`, `${x.assessor.userId}: ${CONFLICT_RELATION_LABELS[x.relation].en}; choose another, or waive with a reason.`)),
    },
  );
}

const waived = (projectId: string, x: Conflict, reason: string): ProjectAssessmentEvent => ({
  type: 'ConflictOfInterestWaived',
  data: { projectId, assessorUserId: x.assessor.userId, assessorName: x.assessor.name, assessorOrgId: x.assessor.orgId, relation: x.relation, reason },
});

export function openAssessment(c: OpenAssessment, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'open_assessment');
  requireStage(project, 'open_assessment');
  const problems = new Problems();
  problems.add(...assessmentProblems(c.scheme).map((p) => ({ ...p, field: p.field.replace(/^assessment/, 'scheme') })));
  if (!Number.isInteger(c.rulesVersion) || c.rulesVersion < 1) problems.add(problem('rulesVersion', '缺少竞赛规则版本。', 'rulesVersion must be a published version (1 or more).'));
  if (!Array.isArray(c.projectOrgPath)) problems.add(problem('projectOrgPath', '缺少项目单位的上级单位路径。', 'projectOrgPath must list the ancestors of the project’s organisation.'));
  const assessors = (Array.isArray(c.assessors) ? c.assessors : []).map((a, i) => assessorProfile(a, `assessors[${i}]`, problems));
  assessors.forEach((a, i) => {
    if (assessors.findIndex((b) => b.userId === a.userId) !== i) problems.add(problem(`assessors[${i}].userId`, `评估专家 ${a.name} 重复指派。`, `Assessor ${a.userId} is listed twice.`));
  });
  problems.throwIfAny();
  const need = c.scheme.minAssessors;
  if (assessors.length < need) {
    throw DomainError.unprocessable('PROJECT.NOT_ENOUGH_ASSESSORS', `评估方案要求每个项目至少 ${need} 名评估专家，当前只指派了 ${assessors.length} 名。`, `The scheme needs at least ${need} assessors; ${assessors.length} assigned.`, {
      have: assessors.length,
      need,
    });
  }
  const projectSide = { orgId: project.orgId, orgPath: c.projectOrgPath };
  const conflicts = assessors.flatMap((a) => {
    const relation = conflictRelation(projectSide, a);
    return relation ? [{ assessor: a, relation }] : [];
  });
  const waivers = Array.isArray(c.waivers) ? c.waivers : [];
  waivers.forEach((w, i) => {
    if (!conflicts.some((x) => x.assessor.userId === w?.userId)) {
      problems.add(problem(`waivers[${i}].userId`, `评估专家 ${w?.userId} 未被指派或不存在利益冲突，无需豁免。`, `Assessor ${w?.userId} is not assigned or has no conflict to waive.`));
    }
    problems.text(w?.reason, `waivers[${i}].reason`, '豁免理由');
  });
  problems.throwIfAny();
  const unwaived = conflicts.filter((x) => !waivers.some((w) => w.userId === x.assessor.userId));
  if (unwaived.length > 0) throw conflictError(unwaived, (x) => `assessors[${assessors.indexOf(x.assessor)}].orgId`);
  return [
    { type: 'AssessmentOpened', data: { projectId: c.projectId, rulesVersion: c.rulesVersion, scheme: c.scheme, projectOrgPath: [...c.projectOrgPath], assessors, openedAt: c.at, openedByOrgId: c.actor.orgId } },
    ...conflicts.map((x) => waived(c.projectId, x, waivers.find((w) => w.userId === x.assessor.userId)!.reason.trim())),
  ];
}

/** The assessment of a project under assessment (the stage check guarantees it was opened). */
export function openedAssessment(project: Project): ProjectAssessment {
  return project.assessment!;
}

export function addAssessor(c: AddAssessor, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'add_assessor');
  requireStage(project, 'add_assessor');
  const assessment = openedAssessment(project);
  const problems = new Problems();
  const assessor = assessorProfile(c.assessor, 'assessor', problems);
  problems.throwIfAny();
  const existing = assessment.assessors.find((a) => a.userId === assessor.userId);
  const reason = requireReason(c.reason, existing && existing.orgId !== assessor.orgId ? '更正评估专家所在单位' : '锁定后增补评估专家');
  if (existing && existing.orgId === assessor.orgId) {
    throw DomainError.conflict('PROJECT.ASSESSOR_ALREADY_ASSIGNED', `${assessor.name} 已是本项目的评估专家。`, `${assessor.userId} is already assigned to this project.`, { userId: assessor.userId });
  }
  // The same assessor under another organisation: a correction of a wrong registration, only before they scored or withdrew.
  if (existing) requireCorrectable(assessment, existing);
  const relation = conflictRelation({ orgId: project.orgId, orgPath: assessment.projectOrgPath }, assessor);
  const waiverReason = c.waiverReason?.trim() ?? '';
  if (relation && !waiverReason) throw conflictError([{ assessor, relation }], () => 'assessor.orgId');
  const recorded: ProjectEvent = existing
    ? { type: 'AssessorOrganisationCorrected', data: { projectId: c.projectId, assessor, previousOrgId: existing.orgId, reason } }
    : { type: 'AssessorAddedAfterLock', data: { projectId: c.projectId, assessor, reason } };
  return relation ? [recorded, waived(c.projectId, { assessor, relation }, waiverReason)] : [recorded];
}

/** An assessor's organisation is corrected only while nothing was done under the old one. */
function requireCorrectable(assessment: ProjectAssessment, assessor: AssignedAssessor): void {
  const scored = assessment.scores.some((s) => s.assessorUserId === assessor.userId);
  if (scored || assessor.declaredConflict) {
    throw DomainError.conflict(
      'PROJECT.ASSESSOR_ORG_NOT_CORRECTABLE',
      `${assessor.name} 已${scored ? '评分' : '申报回避'}，其登记单位（${assessor.orgId}）不能再更正。`,
      `${assessor.userId} has already ${scored ? 'scored' : 'withdrawn'}; the organisation registered (${assessor.orgId}) can no longer be corrected.`,
      { userId: assessor.userId, orgId: assessor.orgId },
    );
  }
}

/** An assessor recuses themself; a repeat records nothing. */
export function declareConflictOfInterest(c: DeclareConflictOfInterest, state: ProjectState): ProjectEvent[] {
  const project = requireProject(state, c.projectId);
  requireRole(c.actor, project, 'declare_conflict');
  requireStage(project, 'declare_conflict');
  const assessment = openedAssessment(project);
  // Whichever organisation the assessor signs in for: stepping aside needs no conflict check,
  // and one assigned under the wrong organisation may be the very assessor with a conflict.
  const assessor = requireAssigned(assessment, c.actor.userId, null);
  if (assessor.declaredConflict) return [];
  const reason = requireReason(c.reason, '申报利益冲突');
  const scoreExcluded = assessment.scores.some((s) => s.assessorUserId === assessor.userId);
  return [{ type: 'ConflictOfInterestDeclared', data: { projectId: c.projectId, assessorUserId: assessor.userId, reason, scoreExcluded } }];
}

/**
 * The assigned assessor acting. The conflict check was made against the organisation named at
 * assignment, so one acting for another organisation (a token of the same user elsewhere) is
 * not the assessor that was checked; `actingOrgId` null leaves the organisation unchecked.
 */
/** An organisation as a message names it: by name with its id where the name is known, else by id. */
const named = (names: Record<string, string>, orgId: string): string => (names[orgId] ? `“${names[orgId]}”（${orgId}）` : ` ${orgId} `);

export function requireAssigned(assessment: ProjectAssessment, userId: string, actingOrgId: string | null, orgNames: Record<string, string> = {}) {
  const assessor = assessment.assessors.find((a) => a.userId === userId);
  if (!assessor) {
    throw DomainError.forbidden('PROJECT.ASSESSOR_NOT_ASSIGNED', '您不是本项目的评估专家，不能评分或申报回避。', `User ${userId} is not an assessor of this project.`, { userId });
  }
  if (actingOrgId !== null && assessor.orgId !== actingOrgId) {
    throw DomainError.forbidden(
      'PROJECT.ASSESSOR_ORG_MISMATCH',
      `您被指派为本项目评估专家时登记的所在单位是${named(orgNames, assessor.orgId)}，而当前登录身份的所在单位是${named(orgNames, actingOrgId)}，利益冲突审查不适用于当前身份，不能评分（申报回避不受影响）。请以指派时登记单位的身份登录后评分；如指派时登记的单位有误，请竞赛委员会在“增补评估专家”中以您的实际单位更正（须说明理由，评分前方可更正）。`,
      `You were assigned as an assessor of organisation ${assessor.orgId}, but you act for ${actingOrgId}; the conflict check does not cover this, so you cannot score as such (declaring a conflict is still open to you). Sign in as a member of ${assessor.orgId} to score; if the assignment named the wrong organisation, the committee corrects it through "add assessor" with your actual organisation and a reason (before you score).`,
      { userId, assignedOrgId: assessor.orgId, actingOrgId },
    );
  }
  return assessor;
}

/** The conflict check of assignment, again against the tree as it stands now; a waiver still holds. */
export function requireNoConflictNow(project: Project, assessment: ProjectAssessment, assessor: AssignedAssessor, orgPath: string[] | undefined): void {
  if (!orgPath || assessor.waiver) return;
  const relation = conflictRelation({ orgId: project.orgId, orgPath: assessment.projectOrgPath }, { orgId: assessor.orgId, orgPath });
  if (!relation) return;
  throw DomainError.forbidden(
    'PROJECT.ASSESSOR_IN_CONFLICT',
    `您所在单位与本项目存在利益冲突（${CONFLICT_RELATION_LABELS[relation].zh}），不能评分。请申报回避；确需参与的，须由竞赛委员会说明理由予以豁免。`,
    `Your organisation has a conflict of interest with this project (${CONFLICT_RELATION_LABELS[relation].en}); you cannot score it. Declare the conflict, or the committee must waive it with a reason.`,
    { userId: assessor.userId, orgId: assessor.orgId, relation },
  );
}
