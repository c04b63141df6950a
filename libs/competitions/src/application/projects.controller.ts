import { Body, Controller, Get, HttpCode, Param, Patch, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandResponse, LOCATION_HEADER, NoBodyDto, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles, actorOf } from '@jingsai/auth';
import { isDomainError } from '@jingsai/shared';
import { EXTENSION_MAY_DAY_NOTE, extensionNote, PROJECT_ACTION_LABELS, Project, ProjectAction, ProjectCommand, campaignRulesSnapshot, mayExtendNow, projectActionFacts, projectDecider, requiredApprovalLevels } from '../domain';
import {
  ApproveProjectCommand, DraftProjectCommand, EditProjectDraftCommand, GrantSubmissionExtensionCommand, RejectProjectCommand, ReturnProjectCommand,
  SubmitProjectCommand, TerminateProjectCommand, WithdrawProjectCommand,
} from './project.commands';
import { ProjectCommandResult } from './project-application.handlers';
import { ProjectFacts } from './project-facts.service';
import { ApproveRequestDto, DraftProjectRequestDto, EditProjectRequestDto, GrantExtensionRequestDto, OptionalReasonRequestDto, RejectRequestDto, ReturnRequestDto, TerminateRequestDto } from './project.request.dto';
import { actionsForCaller, projectView } from './project.view';
import { seesEveryScoreSheet } from './score-visibility';
import { ProjectViewDto } from './project.response.dto';

@ApiTags('projects 竞赛项目')
@ApiBearerAuth()
@Controller('api/v1/projects')
export class ProjectsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly facts: ProjectFacts,
  ) {}

  private async run(command: object, reply: any, location?: string): Promise<CommandResponse> {
    const r: ProjectCommandResult = await this.commandBus.execute(command);
    return commandResponse(r.id, r.outcome, reply, { location });
  }

  @Post()
  @Roles('unit')
  @ApiOperation({ summary: '起草申报 Draft a project application', description: '参赛单位为本单位起草项目申报（参赛报名表、竞赛实施方案），草稿可不完整。' })
  @ApiCreatedResponse({ type: CommandResponse, headers: LOCATION_HEADER })
  draft(@Body() body: DraftProjectRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new DraftProjectCommand(body, user, req), reply, '/api/v1/projects');
  }

  @Patch(':projectId')
  @Roles('unit')
  @ApiOperation({ summary: '修改申报材料 Edit a draft or returned application' })
  @ApiOkResponse({ type: CommandResponse })
  edit(@Param('projectId') projectId: string, @Body() body: EditProjectRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new EditProjectDraftCommand(projectId, body, user, req), reply);
  }

  @Post(':projectId/submit')
  @Roles('unit')
  @HttpCode(200)
  @ApiOperation({
    summary: '提交申报 Submit the application',
    description: '须在报名截止前提交（或在批准的延期内）。逾期提交将被记录并拒绝（409 PROJECT.WINDOW_CLOSED）：未按时报送的单位视为未参赛，不能参加五一各奖项评选。',
  })
  @ApiOkResponse({ type: CommandResponse })
  submit(@Param('projectId') projectId: string, @Body() _body: NoBodyDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new SubmitProjectCommand(projectId, user, req), reply);
  }

  @Post(':projectId/approve')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({
    summary: '审批立项 Approve at your level',
    description: '多级审批按竞赛规定的层级由低到高依次进行（如先县级后市级）。本级已审批通过的，再次审批为 409 PROJECT.ALREADY_APPROVED_AT_LEVEL；带相同 Idempotency-Key 的重试返回首次的结果。',
  })
  @ApiOkResponse({ type: CommandResponse })
  approve(@Param('projectId') projectId: string, @Body() body: ApproveRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new ApproveProjectCommand(projectId, user, req, body?.note?.trim() || null), reply);
  }

  @Post(':projectId/return')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '退回修改 Return for revision, with a reason' })
  @ApiOkResponse({ type: CommandResponse })
  returnForRevision(@Param('projectId') projectId: string, @Body() body: ReturnRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new ReturnProjectCommand(projectId, body, user, req), reply);
  }

  @Post(':projectId/reject')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '不予立项 Reject, with a reason' })
  @ApiOkResponse({ type: CommandResponse })
  reject(@Param('projectId') projectId: string, @Body() body: RejectRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new RejectProjectCommand(projectId, body, user, req), reply);
  }

  @Post(':projectId/extensions')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({
    summary: '批准延期报送 Grant this project a submission extension (committee, until + reason)',
    description: `答复的 noteZh 说明延期对评选的影响：${EXTENSION_MAY_DAY_NOTE.zh}首次报送在截止之前的项目已按时报名，延期内重新报送不影响其评选资格。 The answer's note says what the extension means for awards: ${EXTENSION_MAY_DAY_NOTE.en} A project first filed before the deadline has entered on time.`,
  })
  @ApiOkResponse({ type: CommandResponse })
  async grantExtension(@Param('projectId') projectId: string, @Body() body: GrantExtensionRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    const r: ProjectCommandResult = await this.commandBus.execute(new GrantSubmissionExtensionCommand(projectId, body, user, req));
    // The committee granting it learns then what it does not change (review 40 #3), not from a nomination's refusal later; for a
    // project first filed on time, that it has entered (review 54 #3).
    const note = r.outcome.state.status === 'none' ? EXTENSION_MAY_DAY_NOTE : extensionNote(r.outcome.state);
    return { ...commandResponse(r.id, r.outcome, reply, {}), noteZh: note.zh, noteEn: note.en };
  }

  @Post(':projectId/withdraw')
  @Roles('unit')
  @HttpCode(200)
  @ApiOperation({ summary: '撤回 Withdraw (the unit)' })
  @ApiOkResponse({ type: CommandResponse })
  withdraw(@Param('projectId') projectId: string, @Body() body: OptionalReasonRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new WithdrawProjectCommand(projectId, body ?? {}, user, req), reply);
  }

  @Post(':projectId/terminate')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '终止 Terminate (a committee, with a reason)' })
  @ApiOkResponse({ type: CommandResponse })
  terminate(@Param('projectId') projectId: string, @Body() body: TerminateRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new TerminateProjectCommand(projectId, body, user, req), reply);
  }

  @Get(':projectId')
  @ApiOkResponse({ description: 'The project as the caller sees it (ETag = revision)', type: ProjectViewDto })
  @ApiOperation({
    summary: '项目详情 One project: current state, Chinese labels, what you may do now (ETag = revision)',
    description: '不存在为 404 PROJECT.NOT_FOUND；存在但不在您的查看范围内为 403 AUTH.OUT_OF_SCOPE。',
  })
  async get(@Param('projectId') projectId: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: any) {
    const { project, revision } = await this.facts.readable(user, projectId);
    // One read of the campaign for both its rules snapshot and its reporting cadence.
    const full = await this.facts.campaign(project.campaignId);
    const campaign = campaignRulesSnapshot(full);
    const committees = this.facts.committeeLevels(project.orgId);
    const required = requiredApprovalLevels({ campaign, applicableLevels: campaign.approvalLevels.filter((l) => committees.includes(l)) });
    const nextLevel = project.status === 'submitted' ? (required.find((l) => !project.application.approvedLevels.includes(l)) ?? null) : null;
    const mine = project.assessment?.assessors.find((a) => a.userId === user.userId && !a.declaredConflict);
    const at = this.facts.now().toISOString();
    const mayVerify = (f: { inspectionId: string }) => this.facts.mayVerify(user, project, f.inspectionId);
    const facts = {
      ...projectActionFacts(project, { at, campaign }),
      // Only the findings this caller may verify count toward offering accept/reject (review 51 #4).
      findingsToReview: project.supervision.findings.filter((f) => f.status === 'reported' && mayVerify(f)).length,
      mayExtend: mayExtendNow(user.orgId, { organizerOrgId: full.organizerOrgId, endsOn: campaign.span!.endsOn, status: campaign.status }, at),
      assessmentOwner: this.facts.assessmentOwner(user, project),
    };
    const undecided = project.status === 'submitted' ? required.filter((l) => !project.application.approvedLevels.includes(l)) : [];
    // Assigned under another organisation than the caller's, the assessor may step aside but not score (PROJECT.ASSESSOR_ORG_MISMATCH).
    const allowedActions = actionsForCaller(user, project.status, { next: nextLevel, undecided }, this.facts.levelOf(user.orgId), mine !== undefined, facts).filter(
      (a) => a !== 'record_score' || mine === undefined || mine.orgId === user.orgId,
    );
    if (revision !== null) reply.header('etag', `"${revision}"`);
    const reportHistory = await this.facts.reportHistory(project, revision);
    // The committee that gave a commendation, or one above it, changes it (as the commendation routes check).
    const mayChangeCommendation = (c: { givenByOrgId?: string }) => this.facts.committeeOver(user, project.orgId, ...(c.givenByOrgId ? [c.givenByOrgId] : []));
    return {
      ...projectView(withVisibleScores(project, user), revision, {
        requiredLevels: required, rulesVersion: full.rulesVersion, nextLevel, allowedActions, reportHistory, mayChangeCommendation, mayVerify, campaignSpan: campaign.span,
      }),
      noteRequired: noteRequired(project, allowedActions, user, at),
      // What a page heading shows: whose project, in which campaign.
      orgName: await this.facts.orgName(project.orgId),
      campaignTitle: full.title,
    };
  }
}

/** Offered actions whose request may carry a note that the project's state makes necessary now. */
const NOTE_ACTIONS = { finalize_assessment: 'FinalizeAssessment', accept_summary: 'AcceptSummary' } as const;

/**
 * For each offered action the decider would refuse without a note (a missing score sheet, a
 * disagreement to review, summary figures the reports do not back, a finding never rectified):
 * why, as the refusal would say it. The decider itself is asked, without a note, so the dialog
 * shows the note field and its reasons before the request rather than after a 422.
 */
function noteRequired(project: Project, allowedActions: readonly string[], user: AuthUser, at: string) {
  const out: Array<{ action: string; label: string; code: string; messageZh: string; messageEn: string }> = [];
  for (const [action, type] of Object.entries(NOTE_ACTIONS)) {
    if (!allowedActions.includes(action)) continue;
    try {
      projectDecider.decide({ type, projectId: project.projectId, at, actor: actorOf(user, 'committee'), note: null } as ProjectCommand, project);
    } catch (e) {
      const fields = isDomainError(e) ? ((e.details?.errors ?? []) as Array<{ field?: string }>).map((x) => x.field) : [];
      if (isDomainError(e) && fields.includes('note')) out.push({ action, label: PROJECT_ACTION_LABELS[action as ProjectAction], code: e.code, messageZh: e.messageZh, messageEn: e.messageEn });
    }
  }
  return out;
}

/**
 * The sheets this caller may see (`seesEveryScoreSheet`): before the result, only their own; after
 * it, every expert's sheet in force, but another's without who gave it (`assessorUserId` null and a
 * label, in the order of the totals), as the statistics show them (review 46 #3).
 */
function withVisibleScores(project: Project, user: AuthUser): Project {
  const a = project.assessment;
  if (!a || seesEveryScoreSheet(user)) return project;
  const own = a.scores.filter((s) => s.assessorUserId === user.userId);
  if (!a.result) return { ...project, assessment: { ...a, scores: own } };
  // Each other expert's counted sheet in force only: a corrected one beside its correction, or a recused
  // expert's excluded one, would pair a sheet with a name on the panel again (review 47 #3).
  const recused = new Set(a.assessors.filter((x) => x.declaredConflict).map((x) => x.userId));
  const latest = new Map<string, (typeof a.scores)[number]>();
  for (const s of a.scores) {
    if (s.assessorUserId === user.userId || recused.has(s.assessorUserId)) continue;
    if ((latest.get(s.assessorUserId)?.revision ?? 0) < s.revision) latest.set(s.assessorUserId, s);
  }
  const others = [...latest.values()].sort((x, y) => y.weightedTotal - x.weightedTotal);
  // Nothing but the scores: a revision number (a correction) is a trait the panel's history could name.
  const anonymous = others.map((s, i) => ({ assessorUserId: null as unknown as string, assessorLabel: `评估专家 ${i + 1}`, scores: s.scores, weightedTotal: s.weightedTotal }) as unknown as (typeof a.scores)[number]);
  // The committee's review note on a wide spread is its own record, and may name experts.
  const { reviewNote: _note, ...result } = a.result as typeof a.result & { reviewNote?: string };
  return { ...project, assessment: { ...a, scores: [...own, ...anonymous], result: result as typeof a.result } };
}
