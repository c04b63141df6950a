import { Body, Controller, HttpCode, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { PROJECT_ACTION_ROLES } from '../domain';
import { LoopAction, ProjectLoopCommand } from './project-loop.command';
import { LoopCommandResponse, OptionalNoteRequestDto } from './project-loop.request.dto';
import {
  AddAssessorRequestDto, DeclareConflictRequestDto, OpenAssessmentRequestDto, RecordScoresRequestDto, ReturnSummaryRequestDto, SubmitSummaryRequestDto,
} from './project-assessment.request.dto';
import { runLoop } from './project-progress.controller';

@ApiTags('projects 竞赛项目')
@ApiBearerAuth()
@Controller('api/v1/projects')
export class ProjectAssessmentController {
  constructor(private readonly bus: CommandBus) {}

  private run(action: LoopAction, projectId: string, body: unknown, user: AuthUser, req: any, reply: any) {
    return runLoop(this.bus, new ProjectLoopCommand(action, projectId, body, user, req), reply);
  }

  @Post(':projectId/assessment/open')
  @Roles(...PROJECT_ACTION_ROLES.open_assessment)
  @HttpCode(200)
  @ApiOperation({
    summary: '启动评估考核 Open assessment and lock the assessor set (committee)',
    description: '评估专家所在单位与项目单位相同、为其上级或下属的，存在利益冲突，不能指派（422 PROJECT.ASSESSOR_CONFLICT），除非逐一说明豁免理由。评估方案取竞赛活动现行规则版本。',
  })
  @ApiOkResponse({ type: LoopCommandResponse })
  open(@Param('projectId') projectId: string, @Body() body: OpenAssessmentRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('open_assessment', projectId, body, user, req, reply);
  }

  @Post(':projectId/assessment/assessors')
  @Roles(...PROJECT_ACTION_ROLES.add_assessor)
  @ApiOperation({ summary: '增补评估专家 Add an assessor after the lock, with a reason (committee)', description: '已指派的评估专家以另一所在单位提交时，为更正其登记单位（评分或回避前方可更正），并重新审查利益冲突。An assessor already assigned, sent with another organisation, corrects a wrong registration (before they score).' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  addAssessor(@Param('projectId') projectId: string, @Body() body: AddAssessorRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('add_assessor', projectId, body, user, req, reply);
  }

  @Post(':projectId/assessment/conflicts')
  @Roles(...PROJECT_ACTION_ROLES.declare_conflict)
  @ApiOperation({ summary: '申报利益冲突（回避） Declare a conflict of interest and withdraw (the assessor)' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  declare(@Param('projectId') projectId: string, @Body() body: DeclareConflictRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('declare_conflict', projectId, body, user, req, reply);
  }

  @Post(':projectId/assessment/scores')
  @Roles(...PROJECT_ACTION_ROLES.record_score)
  @ApiOperation({ summary: '评分 Score every criterion (an assigned assessor); a repeat corrects', description: '每项指标打分一次，分值在评分范围内；再次提交为更正，原评分保留在历史中。登录身份的所在单位须与指派时登记的一致（否则 403 PROJECT.ASSESSOR_ORG_MISMATCH），并按组织树重新审查利益冲突。' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  score(@Param('projectId') projectId: string, @Body() body: RecordScoresRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('record_score', projectId, body, user, req, reply);
  }

  @Post(':projectId/assessment/self-scores')
  @Roles(...PROJECT_ACTION_ROLES.record_self_score)
  @ApiOperation({ summary: '自评 Self-assessment (the unit); kept apart, never in the total' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  selfScore(@Param('projectId') projectId: string, @Body() body: RecordScoresRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('record_self_score', projectId, body, user, req, reply);
  }

  @Post(':projectId/assessment/finalize')
  @Roles(...PROJECT_ACTION_ROLES.finalize_assessment)
  @HttpCode(200)
  @ApiOperation({
    summary: '确定评估结果 Finalise: combine the scores by the campaign’s rule, fix total and grade (committee)',
    description: '专家评分分歧超过评估方案阈值时，须先复核并填写复核意见 note（否则 422 PROJECT.DISAGREEMENT_REVIEW_REQUIRED）；意见随结果记录。',
  })
  @ApiOkResponse({ type: LoopCommandResponse })
  finalize(@Param('projectId') projectId: string, @Body() body: OptionalNoteRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('finalize_assessment', projectId, body, user, req, reply);
  }

  @Post(':projectId/summary')
  @Roles(...PROJECT_ACTION_ROLES.submit_summary)
  @ApiOperation({ summary: '提交总结 Submit the summary: outcomes for the whole period and experience to promote (unit)' })
  @ApiCreatedResponse({ type: LoopCommandResponse })
  submitSummary(@Param('projectId') projectId: string, @Body() body: SubmitSummaryRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('submit_summary', projectId, body, user, req, reply);
  }

  @Post(':projectId/summary/accept')
  @Roles(...PROJECT_ACTION_ROLES.accept_summary)
  @HttpCode(200)
  @ApiOperation({ summary: '通过总结 Accept the summary (committee)' })
  @ApiOkResponse({ type: LoopCommandResponse })
  acceptSummary(@Param('projectId') projectId: string, @Body() body: OptionalNoteRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('accept_summary', projectId, body, user, req, reply);
  }

  @Post(':projectId/summary/return')
  @Roles(...PROJECT_ACTION_ROLES.return_summary)
  @HttpCode(200)
  @ApiOperation({ summary: '退回总结 Return the summary with a reason (committee)' })
  @ApiOkResponse({ type: LoopCommandResponse })
  returnSummary(@Param('projectId') projectId: string, @Body() body: ReturnSummaryRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run('return_summary', projectId, body, user, req, reply);
  }
}
