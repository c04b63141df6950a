import { Body, Controller, Get, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandExecutor, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { requireNoModeUnlessWithdrawal } from '@jingsai/shared';
import { CommendationChange, projectDecider, projectRegimes, reportingRegimes, PROJECT_ACTION_ROLES } from '../domain';
import { ProjectFacts, projectStream } from './project-facts.service';
import { LoopAction, ProjectLoopCommand } from './project-loop.command';
import { LoopCommandResult } from './project-loop.handler';
import {
  ChangeCommendationRequestDto, FileProgressReportRequestDto, GiveCommendationRequestDto, LoopCommandResponse, OptionalNoteRequestDto, RecordIncidentRequestDto, RecordInspectionRequestDto,
  RecordMilestoneRequestDto, ReportRectificationRequestDto, RequiredNoteRequestDto,
} from './project-loop.request.dto';
import { progressReportsView } from './progress-report.view';

/** Sends one loop command and answers with the command response and the id of the item recorded. */
export async function runLoop(bus: CommandBus, command: ProjectLoopCommand, reply: any): Promise<LoopCommandResponse> {
  const r: LoopCommandResult = await bus.execute(command);
  // Nothing recorded (the same report or milestone sent again): nothing was created, so no 201.
  if (r.outcome.events.length === 0 && !r.outcome.replayed) reply?.code?.(200);
  const answer = commandResponse(r.id, r.outcome, reply, { itemId: r.itemId });
  return { ...answer, ...(r.findingIds ? { findingIds: r.findingIds } : {}), ...(r.noteZh ? { noteZh: r.noteZh, noteEn: r.noteEn } : {}) };
}

const RECTIFICATION = ':projectId/inspections/:inspectionId/findings/:findingId/rectification';

@ApiTags('projects 竞赛项目')
@ApiBearerAuth()
@Controller('api/v1/projects')
export class ProjectProgressController {
  constructor(
    private readonly bus: CommandBus,
    private readonly facts: ProjectFacts,
    private readonly commands: CommandExecutor,
  ) {}

  private run(action: LoopAction, projectId: string, body: unknown, user: AuthUser, req: any, reply: any, params: Record<string, string> = {}) {
    return runLoop(this.bus, new ProjectLoopCommand(action, projectId, body, user, req, params), reply);
  }

  @Post(':projectId/progress-reports')
  @Roles(...PROJECT_ACTION_ROLES.file_progress_report)
  @ApiOperation({
    summary: '报送推进情况 File (or correct) a period’s progress report',
    description:
      '参赛单位按竞赛活动的报送频次（按月/按季度）报送各期数据；同一报送期再次报送即为更正，须说明更正理由（reason，400 PROJECT.REASON_REQUIRED），原报告保留在历史中；' +
      '内容未变的再次报送不记录，答 200 并给出现行报告的编号。期限为报送期结束后 10 日。' +
      ' Filing a period again corrects it and needs a reason; the same report sent again records nothing and answers 200 with the standing report’s id.',
  })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  @ApiOkResponse({ description: '内容与现行报告相同，未记录（itemId 为现行报告编号，noteZh 说明）The same report again: nothing recorded', type: LoopCommandResponse })
  fileReport(@Param('projectId') projectId: string, @Body() body: FileProgressReportRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('file_progress_report', projectId, body, user, req, reply);
  }

  @Get(':projectId/progress-reports')
  @ApiOperation({ summary: '推进情况报告 Periods owed, the report in force for each, and every correction' })
  async reports(@Param('projectId') projectId: string, @CurrentUser() user: AuthUser) {
    const { project, revision } = await this.facts.readable(user, projectId);
    const campaign = await this.facts.campaign(project.campaignId);
    return progressReportsView(project, await this.facts.reportHistory(project, revision), projectRegimes(reportingRegimes(campaign), project.progress.reports), this.commands.now());
  }

  @Post(':projectId/milestones')
  @Roles(...PROJECT_ACTION_ROLES.record_milestone)
  @ApiOperation({ summary: '记录重要推进节点 Record a milestone (unit or committee)' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  milestone(@Param('projectId') projectId: string, @Body() body: RecordMilestoneRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('record_milestone', projectId, body, user, req, reply);
  }

  @Post(':projectId/milestones/:milestoneId/commendations')
  @Roles(...PROJECT_ACTION_ROLES.give_instant_commendation)
  @ApiOperation({ summary: '即时表彰 Instant commendation at a milestone (committee)' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  commend(
    @Param('projectId') projectId: string, @Param('milestoneId') milestoneId: string, @Body() body: GiveCommendationRequestDto,
    @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any,
  ) {
    return this.run('give_instant_commendation', projectId, body, user, req, reply, { milestoneId });
  }

  @Post(':projectId/commendations/:commendationId/revoke')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '撤销即时表彰 Revoke an instant commendation (committee), with a reason', description: '撤销后不可恢复，荣誉核验不再显示有效。' })
  @ApiOkResponse({ type: LoopCommandResponse })
  revokeCommendation(@Param('projectId') projectId: string, @Param('commendationId') commendationId: string, @Body() body: ChangeCommendationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.changeCommendation('revoke', projectId, commendationId, body, user, req, reply);
  }

  @Post(':projectId/commendations/:commendationId/withdraw')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '即时表彰摘牌 Withdraw an instant commendation under dynamic management (committee): mode and reason' })
  @ApiOkResponse({ type: LoopCommandResponse })
  withdrawCommendation(@Param('projectId') projectId: string, @Param('commendationId') commendationId: string, @Body() body: ChangeCommendationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.changeCommendation('withdraw', projectId, commendationId, body, user, req, reply);
  }

  @Post(':projectId/commendations/:commendationId/suspend')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '暂停即时表彰 Suspend an instant commendation (committee), with a reason' })
  @ApiOkResponse({ type: LoopCommandResponse })
  suspendCommendation(@Param('projectId') projectId: string, @Param('commendationId') commendationId: string, @Body() body: ChangeCommendationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.changeCommendation('suspend', projectId, commendationId, body, user, req, reply);
  }

  @Post(':projectId/commendations/:commendationId/reinstate')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '恢复即时表彰 Reinstate a suspended instant commendation (committee), with a reason' })
  @ApiOkResponse({ type: LoopCommandResponse })
  reinstateCommendation(@Param('projectId') projectId: string, @Param('commendationId') commendationId: string, @Body() body: ChangeCommendationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.changeCommendation('reinstate', projectId, commendationId, body, user, req, reply);
  }

  /** A committee in the project's scope changes one commendation's status. */
  private async changeCommendation(change: CommendationChange, projectId: string, commendationId: string, body: ChangeCommendationRequestDto, user: AuthUser, req: any, reply: any) {
    const { project } = await this.facts.project(projectId);
    const role = await this.facts.asCommittee(user, project.orgId);
    // The committee that gave it, or one above it, changes it: a county does not suspend the city's commendation.
    const givenBy = project.progress.commendations.find((x) => x.commendationId === commendationId)?.givenByOrgId;
    if (givenBy) this.facts.requireCommendationGiver(user, givenBy, commendationId);
    requireNoModeUnlessWithdrawal(change, body.mode);
    const ctx = this.commands.context(req, user, role);
    const command = { type: 'ChangeInstantCommendation' as const, projectId, at: ctx.now.toISOString(), actor: ctx.actor, commendationId, change, reason: body.reason, mode: body.mode ?? null };
    const outcome = await this.commands.run(projectStream(projectId), projectDecider, command, ctx);
    return commandResponse(projectId, outcome, reply, { itemId: commendationId });
  }

  @Post(':projectId/inspections')
  @Roles(...PROJECT_ACTION_ROLES.record_inspection)
  @ApiOperation({ summary: '登记督导检查 Record a supervision inspection and its findings (committee)', description: '每个问题须设定整改期限（不早于今天）；期限届满未整改的由系统自动记为逾期。' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  inspect(@Param('projectId') projectId: string, @Body() body: RecordInspectionRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('record_inspection', projectId, body, user, req, reply);
  }

  @Post(RECTIFICATION)
  @Roles(...PROJECT_ACTION_ROLES.report_rectification)
  @ApiOperation({ summary: '报告整改情况 Report the rectification of a finding (unit)' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  rectify(
    @Param('projectId') projectId: string, @Param('inspectionId') inspectionId: string, @Param('findingId') findingId: string,
    @Body() body: ReportRectificationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any,
  ) {
    return this.run('report_rectification', projectId, body, user, req, reply, { inspectionId, findingId });
  }

  @Post(`${RECTIFICATION}/accept`)
  @Roles(...PROJECT_ACTION_ROLES.accept_rectification)
  @HttpCode(200)
  @ApiOperation({ summary: '验收整改 Accept a rectification (committee)' })
  @ApiOkResponse({ type: LoopCommandResponse })
  acceptRectification(
    @Param('projectId') projectId: string, @Param('inspectionId') inspectionId: string, @Param('findingId') findingId: string,
    @Body() body: OptionalNoteRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any,
  ) {
    return this.run('accept_rectification', projectId, body, user, req, reply, { inspectionId, findingId });
  }

  @Post(`${RECTIFICATION}/reject`)
  @Roles(...PROJECT_ACTION_ROLES.reject_rectification)
  @HttpCode(200)
  @ApiOperation({ summary: '退回整改 Send a rectification back, with a note (committee)' })
  @ApiOkResponse({ type: LoopCommandResponse })
  rejectRectification(
    @Param('projectId') projectId: string, @Param('inspectionId') inspectionId: string, @Param('findingId') findingId: string,
    @Body() body: RequiredNoteRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any,
  ) {
    return this.run('reject_rectification', projectId, body, user, req, reply, { inspectionId, findingId });
  }

  @Post(':projectId/incidents')
  @Roles(...PROJECT_ACTION_ROLES.record_incident)
  @ApiOperation({ summary: '登记安全质量事故 Record a safety or quality incident (committee or unit)', description: '事故按发生日期记录，评选表彰时据此适用“一票否决”和三年限制。' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  incident(@Param('projectId') projectId: string, @Body() body: RecordIncidentRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('record_incident', projectId, body, user, req, reply);
  }
}
