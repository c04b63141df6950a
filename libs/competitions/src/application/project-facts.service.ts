import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, ReadConsistency } from '@jingsai/api-kit';
import { AuthUser, ORG_DIRECTORY, OrgDirectory, requireRole, requireSameOrg, requireWithinScope } from '@jingsai/auth';
import { DomainError, Role, streamIdOf } from '@jingsai/shared';
import { ORG_KIND_LABELS, OrgKind } from '@jingsai/organizations';
import { APPROVING_KINDS, ASSESSMENT_OWNER_ACTIONS, ApprovalFacts, AssessorProfile, Campaign, ProjectAction, CampaignRulesSnapshot, HierarchyLevel, ProgressReportRecord, Project, campaignDecider, campaignRulesSnapshot, isHierarchyLevel, progressReportHistory, projectDecider, neverPublished } from '../domain';
import { campaignStream } from './campaign-stream';

export const projectStream = (projectId: string) => streamIdOf('project', projectId);

/**
 * What project handlers look up before deciding: the project and its campaign, who may act on
 * it (scope), and the approval facts from the organisation tree. The domain gets them on the command.
 */
@Injectable()
export class ProjectFacts {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  /** The service clock (the one commands are decided at). */
  now(): Date {
    return this.commands.now();
  }

  async project(projectId: string): Promise<{ project: Project; revision: number | null }> {
    const { state, revision } = await this.commands.state(projectStream(projectId), projectDecider);
    if (state.status === 'none') {
      throw DomainError.notFound('PROJECT.NOT_FOUND', `竞赛项目 ${projectId} 不存在。`, `Project ${projectId} does not exist.`, { projectId });
    }
    return { project: state, revision };
  }

  /**
   * Every progress report and correction of the project as of `revision` (the state's). With no
   * correction ever filed, the reports in force are the whole history, in the order filed; only
   * a project with corrections has its events read.
   */
  async reportHistory(project: Project, revision: number | null): Promise<ProgressReportRecord[]> {
    const { reports, reportIds } = project.progress;
    if (reportIds.length === reports.length) return reports;
    return progressReportHistory(await this.commands.events(projectStream(project.projectId), revision));
  }

  async campaign(campaignId: string): Promise<Campaign> {
    const { state } = await this.commands.state(campaignStream(campaignId), campaignDecider);
    if (state.status === 'none') {
      throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${campaignId} 不存在。`, `Campaign ${campaignId} does not exist.`, { campaignId });
    }
    return state;
  }

  /**
   * A campaign the caller may ask about: as {@link campaign}, and another region's draft reads as
   * absent (404), as its detail does, so its id and title do not leak through statistics.
   */
  async visibleCampaign(user: AuthUser, campaignId: string): Promise<Campaign> {
    const campaign = await this.campaign(campaignId);
    if (neverPublished(campaign) && !user.roles.includes('admin') && !this.orgs.isWithin(campaign.organizerOrgId, user.orgId)) {
      throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${campaignId} 不存在。`, `Campaign ${campaignId} does not exist.`, { campaignId });
    }
    return campaign;
  }

  async snapshot(campaignId: string): Promise<CampaignRulesSnapshot> {
    const snapshot = campaignRulesSnapshot(await this.campaign(campaignId));
    return { ...snapshot, organizerName: this.orgs.get(snapshot.organizerOrgId)?.name ?? null };
  }

  /** A unit acts only for its own organisation. */
  asUnit(user: AuthUser, orgId: string): Role {
    const role = requireRole(user, 'unit');
    requireSameOrg(user.orgId, orgId);
    return role;
  }

  /** A committee acts only on projects of organisations in its subtree. */
  async asCommittee(user: AuthUser, orgId: string): Promise<Role> {
    const role = requireRole(user, 'committee');
    // Organisations never move, so "within" once seen is final; only a "no" may be the read model lagging behind a new registration.
    if (!this.orgs.isWithin(orgId, user.orgId)) await this.consistency.catchUp();
    requireWithinScope(this.orgs, user.orgId, orgId, 'project');
    return role;
  }

  /** Whether the caller is a committee whose scope holds every one of these organisations (what `asCommittee` would let pass). */
  committeeOver(user: AuthUser, ...orgIds: string[]): boolean {
    return user.roles.includes('committee') && orgIds.every((o) => this.orgs.isWithin(o, user.orgId));
  }

  /**
   * An instant commendation is changed (revoked, suspended, withdrawn, reinstated) by the committee
   * that gave it, or one above it; a county over the project is told so, not that the project is
   * outside its scope (review 50 #7).
   */
  requireCommendationGiver(user: AuthUser, givenByOrgId: string, commendationId: string): void {
    if (this.committeeOver(user, givenByOrgId)) return;
    const name = this.orgs.get(givenByOrgId)?.name ?? givenByOrgId;
    throw DomainError.forbidden(
      'PROJECT.COMMENDATION_GIVER_ONLY',
      `该即时表彰由${name}给予，只能由${name}（或其上级竞赛委员会）撤销、暂停、摘牌或恢复。`,
      `This instant commendation was given by ${givenByOrgId}; only that committee (or one above it) revokes, suspends, withdraws or reinstates it.`,
      { commendationId, givenByOrgId, yourOrgId: user.orgId },
    );
  }

  /** Whether the caller is the committee that opened the project's assessment, or one above it (undefined: none opened, or its opener not recorded). */
  assessmentOwner(user: AuthUser, project: Project): boolean | undefined {
    const opener = project.assessment?.openedByOrgId;
    return opener === undefined ? undefined : this.orgs.isWithin(opener, user.orgId);
  }

  /**
   * Fixing the result (with its review of a disagreement) and adding an assessor belong to the
   * committee that opened the assessment, or one above it: another committee over the project (a
   * county under the city that opened it) would otherwise settle the city's review (review 38 #1),
   * as an extension is held to its organiser.
   */
  requireAssessmentOwner(user: AuthUser, project: Project, action: string): void {
    if (!ASSESSMENT_OWNER_ACTIONS.includes(action as ProjectAction) || this.assessmentOwner(user, project) !== false) return;
    const opener = project.assessment!.openedByOrgId!;
    const name = this.orgs.get(opener)?.name ?? opener;
    throw DomainError.forbidden(
      'PROJECT.ASSESSMENT_OPENER_ONLY',
      `本项目的评估考核由${name}启动，确定评估结果（含评分分歧的复核）、增补评估专家和验收竞赛总结由${name}（或其上级竞赛委员会）办理。`,
      `The assessment of this project was opened by ${opener}; fixing its result (with the review of a disagreement), adding an assessor and accepting the summary are for that committee (or one above it).`,
      { openedByOrgId: opener, yourOrgId: user.orgId },
    );
  }

  /** Whether the caller is the committee that made this inspection, or one above it (an inspection recorded before its committee was kept: any). */
  mayVerify(user: AuthUser, project: Project, inspectionId: string): boolean {
    const inspector = project.supervision.inspections.find((i) => i.inspectionId === inspectionId)?.inspectedByOrgId;
    return !inspector || this.orgs.isWithin(inspector, user.orgId);
  }

  /**
   * A rectification is verified (accepted or rejected) by the committee that inspected, or one
   * above it (review 49 #3): a county under the city verifying the city's own findings would
   * settle the city's inspection. An inspection recorded before its committee was kept is any
   * committee's over the project, as before.
   */
  requireInspector(user: AuthUser, project: Project, action: string, params: Record<string, string> | undefined): void {
    if (action !== 'accept_rectification' && action !== 'reject_rectification') return;
    const finding = project.supervision.findings.find((f) => f.findingId === params?.findingId);
    if (!finding || this.mayVerify(user, project, finding.inspectionId)) return;
    const inspection = project.supervision.inspections.find((i) => i.inspectionId === finding.inspectionId);
    const inspector = inspection!.inspectedByOrgId!;
    const name = this.orgs.get(inspector)?.name ?? inspector;
    throw DomainError.forbidden(
      'PROJECT.INSPECTOR_ONLY',
      `督导问题 ${finding!.findingId} 由${name}在 ${inspection!.inspectedOn} 的督导检查中提出，整改情况由${name}（或其上级竞赛委员会）审核。`,
      `Finding ${finding!.findingId} was raised by ${inspector} at its inspection of ${inspection!.inspectedOn}; its rectification is verified by that committee (or one above it).`,
      { inspectionId: inspection!.inspectionId, inspectedByOrgId: inspector, yourOrgId: user.orgId },
    );
  }

  /** A committee in scope, or else the project's own unit (milestones, incidents). */
  async asCommitteeOrUnit(user: AuthUser, orgId: string): Promise<Role> {
    return user.roles.includes('committee') ? this.asCommittee(user, orgId) : this.asUnit(user, orgId);
  }

  /** An assessor acts only on projects they are assigned to (before assessment opens the stage check answers). */
  asAssessor(user: AuthUser, project: Project): Role {
    const role = requireRole(user, 'assessor');
    // An assessor never assigned to the project learns of it no more than a read tells them, that it is not theirs (not its title,
    // nor its stage), in words about scoring rather than reading (review 55 #4).
    if (!this.canSeeProject(user, project)) {
      const { projectId, orgId } = project;
      throw DomainError.forbidden(
        'AUTH.OUT_OF_SCOPE',
        `您未被指派为竞赛项目 ${projectId} 的评估专家，不能评分或申报回避；评估专家只能查看和评审指派给本人的项目。如需参与，请由竞赛委员会增补。`,
        `You are not an assessor of project ${projectId}: an assessor reads and scores only the projects assigned to them; a committee must add you first.`,
        { projectId, yourOrgId: user.orgId, targetOrgId: orgId, projectOrgId: orgId },
      );
    }
    if (project.assessment && !project.assessment.assessors.some((a) => a.userId === user.userId)) {
      throw DomainError.forbidden(
        'PROJECT.ASSESSOR_NOT_ASSIGNED',
        `您未被指派为“${project.title}”的评估专家，不能评分或申报回避。如需参与，请由竞赛委员会增补。`,
        `You are not an assessor of project ${project.projectId}; a committee must add you first.`,
        { userId: user.userId, projectId: project.projectId },
      );
    }
    return role;
  }

  /** An assessor as the conflict check needs them: their organisation's ancestors from the tree. */
  async assessorProfile(input: { userId: string; orgId: string; name?: string }): Promise<AssessorProfile> {
    const org = await this.registeredOrg(input.orgId);
    return { userId: input.userId, orgId: input.orgId, orgPath: [...org.path], name: input.name?.trim() || input.userId };
  }

  /** Ancestors (root first) of a registered organisation; null when it is not registered. */
  async orgPath(orgId: string): Promise<string[] | null> {
    const node = await this.orgOrCaughtUp(orgId);
    return node ? [...node.path] : null;
  }

  /**
   * The registered organisation a team commendation names (review 54 #2, 57 #2, 58 B): the one its
   * orgId names, or, given by name alone, one registered under that name that is not a 班组. Null
   * when there is none to check.
   */
  async teamNamed(recipient: { orgId?: string | null; name?: unknown }): Promise<RegisteredOrgKind | null> {
    if (recipient.orgId) return kindOf(await this.orgOrCaughtUp(recipient.orgId));
    if (typeof recipient.name !== 'string') return null;
    return kindOf((this.orgs.named?.(recipient.name.trim()) ?? []).find((n) => n.kind !== 'team'));
  }

  /** An organisation's registered name, or its id when it has none. */
  async orgName(orgId: string): Promise<string> {
    return (await this.orgOrCaughtUp(orgId))?.name ?? orgId;
  }

  /**
   * An organisation from the tree, looked up once; only one not found yet waits for the read
   * model (it may have just been registered) and is looked up again: a score need not wait for
   * every projection to reach the log's head.
   */
  private async orgOrCaughtUp(orgId: string) {
    const node = this.orgs.get(orgId);
    if (node) return node;
    await this.consistency.catchUp();
    return this.orgs.get(orgId);
  }

  /** A registered organisation, after the read model caught up with the log if it was not found. */
  async registeredOrg(orgId: string) {
    const node = await this.orgOrCaughtUp(orgId);
    if (!node) {
      throw DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${orgId} 尚未登记，请联系管理员。`, `Organisation ${orgId} is not registered; ask the administrator.`, { orgId });
    }
    return node;
  }

  /**
   * Whether the caller may read a project of `orgId`: own organisation (a unit), subtree (a
   * committee, an award office, an auditor), or everything (admin). An assessor reads only the
   * projects assigned to them ({@link canSeeProject}), whatever their organisation is above: one
   * from an ancestor of the project's organisation is exactly the one the conflict check refused.
   */
  canSee(user: AuthUser, orgId: string): boolean {
    if (user.roles.includes('admin')) return true;
    if (user.roles.includes('unit') && user.orgId === orgId) return true;
    return user.roles.some((r) => r !== 'unit' && r !== 'assessor') && this.orgs.isWithin(orgId, user.orgId);
  }

  /** canSee, or an assessor assigned to the project. */
  canSeeProject(user: AuthUser, project: Project): boolean {
    if (this.canSee(user, project.orgId)) return true;
    return user.roles.includes('assessor') && (project.assessment?.assessors.some((a) => a.userId === user.userId) ?? false);
  }

  /**
   * A project the caller may read. One outside their scope is refused with 403 as commands are
   * (404 only when there is no such project), saying whose projects they may read.
   */
  async readable(user: AuthUser, projectId: string): Promise<{ project: Project; revision: number | null }> {
    const found = await this.project(projectId);
    await this.consistency.catchUp();
    if (this.canSeeProject(user, found.project)) return found;
    throw outOfScope(user, found.project);
  }

  /** Levels at which an ancestor of the organisation approves projects (a committee, or a union: APPROVING_KINDS). */
  committeeLevels(orgId: string): HierarchyLevel[] {
    const node = this.orgs.get(orgId);
    if (!node) return [];
    // Above the project only: a district union applying for its own project is approved by the levels over it (review 47 #2).
    return node.path
      .map((id) => this.orgs.get(id))
      .filter((n) => n !== undefined && APPROVING_KINDS.includes(n.kind) && isHierarchyLevel(n.level))
      .map((n) => n!.level as HierarchyLevel);
  }

  /** The level of the caller's organisation, if it is one of the hierarchy's levels. */
  levelOf(orgId: string): HierarchyLevel | null {
    const level = this.orgs.get(orgId)?.level;
    return isHierarchyLevel(level) ? level : null;
  }

  /** approverLevel (the caller's organisation) and applicableLevels (committees above the project). */
  approvalFacts(user: AuthUser, project: Project, campaign: CampaignRulesSnapshot): ApprovalFacts {
    const approverLevel = this.levelOf(user.orgId);
    if (!approverLevel) {
      throw DomainError.forbidden('AUTH.UNKNOWN_ORGANISATION', '无法确定您所在组织的层级，请联系管理员。', 'The level of your organisation is unknown; ask the administrator.', { orgId: user.orgId });
    }
    const committees = this.committeeLevels(project.orgId);
    return { campaign, approverLevel, applicableLevels: campaign.approvalLevels.filter((l) => committees.includes(l)) };
  }
}

/** A project outside what the caller may read, for reads and commands alike: its id and organisation, nothing of its content. */
function outOfScope(user: AuthUser, project: Project): DomainError {
  const { projectId, orgId } = project;
  return DomainError.forbidden(
    'AUTH.OUT_OF_SCOPE',
    `竞赛项目 ${projectId} 不在您的查看范围内：参赛单位只能查看本单位的项目，竞赛委员会只能查看本辖区的项目，评估专家只能查看指派给本人的项目。如确需查看，请联系该项目所属辖区的竞赛委员会。`,
    `Project ${projectId} is outside what you may read: a unit reads its own projects, a committee those in its area, an assessor those assigned to them. Ask the committee over the project if you need it.`,
    // The one out-of-scope code for commands and reads alike, with the target named as requireWithinScope names it.
    { projectId, yourOrgId: user.orgId, targetOrgId: orgId, projectOrgId: orgId },
  );
}

/** An organisation's id, name and kind with its label, for the messages people read. */
export type RegisteredOrgKind = { orgId: string; name: string; kind: string; label: string };

function kindOf(node: { orgId: string; name: string; kind: string } | undefined): RegisteredOrgKind | null {
  return node ? { orgId: node.orgId, name: node.name, kind: node.kind, label: ORG_KIND_LABELS[node.kind as OrgKind] ?? node.kind } : null;
}
