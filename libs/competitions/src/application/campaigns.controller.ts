import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, CommandExecutor, CommandResponse, LOCATION_HEADER, NoBodyDto, PageQueryDto, READ_MODEL_DB, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles, ORG_DIRECTORY, OrgDirectory } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { AGGREGATION_LABELS, CAMPAIGN_CATEGORIES, COMMENDATION_CHANGE_LABELS, CAMPAIGN_METRICS, CAMPAIGN_STATUSES, CAMPAIGN_STATUS_LABELS, GRADE_LABELS, HIERARCHY_LEVEL_LABELS, PROGRESS_METRICS, PROJECT_ACTION_LABELS, PROJECT_STATUS_LABELS, REPORTING_CADENCE_LABELS, campaignDecider, keyProjectAssessmentPreset } from '../domain';
import { listCampaigns } from '../read-models/campaigns/campaign-list.queries';
import { requireCampaignReadable } from './campaign-access';
import { AmendCampaignDraftCommand, AmendCampaignRulesCommand, CloseCampaignCommand, CreateCampaignCommand, PublishCampaignCommand } from './campaign.commands';
import { CampaignCommandResult, campaignStream } from './campaign.handlers';
import { AmendCampaignDraftRequestDto, AmendCampaignRulesRequestDto, CloseCampaignRequestDto, CreateCampaignRequestDto } from './campaign.request.dto';
import { campaignActionsForCaller, campaignView } from './campaign.view';
import { CampaignListItemDto, CampaignViewDto } from './campaign.response.dto';

class ListCampaignsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '状态：草稿 draft / 已发布 published / 已结束 closed', enum: CAMPAIGN_STATUSES }) @IsOptional() @IsIn(CAMPAIGN_STATUSES) status?: string;
  @ApiPropertyOptional({ description: '年度 Year', example: 2021 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9999) year?: number;
}

const labels = <K extends string>(m: Record<K, { zh: string; en: string } | string>) =>
  Object.entries(m).map(([key, v]) => (typeof v === 'string' ? { key, zh: v } : { key, ...(v as object) }));

@ApiTags('campaigns 竞赛活动')
@ApiBearerAuth()
@Controller('api/v1/campaigns')
export class CampaignsController {
  private readonly db: Database;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly commands: CommandExecutor,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {
    this.db = readDb.db;
  }

  private async run(command: object, reply: any, location?: string): Promise<CommandResponse> {
    const r: CampaignCommandResult = await this.commandBus.execute(command);
    return { ...commandResponse(r.id, r.outcome, reply, { location }), ...(r.noteZh ? { noteZh: r.noteZh, noteEn: r.noteEn } : {}) };
  }

  @Post()
  @Roles('committee')
  @ApiOperation({
    summary: '创建竞赛活动（草稿）Create a campaign draft',
    description:
      '竞赛委员会以本组织名义创建竞赛活动：主办组织（organizerOrgId）默认且只能为您所在的竞赛委员会，下级竞赛委员会的活动由其自行创建；层级默认为主办组织的层级。' +
      '主办组织不是竞赛委员会（如企业）时为 422 CAMPAIGN.ORGANIZER_NOT_COMMITTEE。A committee creates campaigns in its own name only: organizerOrgId defaults to, and must be, your own committee.',
  })
  @ApiCreatedResponse({ type: CommandResponse, headers: LOCATION_HEADER })
  create(@Body() body: CreateCampaignRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new CreateCampaignCommand(body, user, req), reply, '/api/v1/campaigns');
  }

  @Patch(':campaignId')
  @Roles('committee')
  @ApiOperation({ summary: '修改竞赛活动草稿 Edit a draft campaign', description: '发布前可自由修改；发布后请使用“修改规则”并说明理由。' })
  @ApiOkResponse({ type: CommandResponse })
  amendDraft(@Param('campaignId') campaignId: string, @Body() body: AmendCampaignDraftRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new AmendCampaignDraftCommand(campaignId, body, user, req), reply);
  }

  @Post(':campaignId/publish')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '发布竞赛活动 Publish: the draft rules become rules version 1' })
  @ApiOkResponse({ type: CommandResponse })
  publish(@Param('campaignId') campaignId: string, @Body() _body: NoBodyDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new PublishCampaignCommand(campaignId, user, req), reply);
  }

  @Post(':campaignId/rules-amendments')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '修改竞赛规则（发布后）Amend published rules: a new rules version, with a reason', description:
      '报名截止后不能再修改报名时间，个别单位请单独批准延期。改变信息反馈频次时，每个月份只报送一次、不追溯：新频次自修改之日所在的原报送期开始起、' +
      '两种频次的报送期同时开始、且新频次该期报送期限尚未届满的第一天起执行（campaign.reportingRegimes 给出各规则版本的起止）；此前开始的原报送期按原规则报送，逾期未报的仍为逾期，可以补报。' +
      '例如 8 月 20 日由按季度改为按月：第三季度仍按季度报送（7 月的月报期限 8 月 10 日已过），10 月起按月；由按月改为按季度：8、9 月仍按月报送，第四季度起按季度。' +
      ' Changing the reporting cadence reports every month once and nothing retroactively: the new cadence takes over on the first day periods of both cadences begin on, from the start of the old period the change falls in, whose new report is not yet due on the day of the change (see campaign.reportingRegimes); the periods begun before are owed under the old rules.',
  })
  @ApiOkResponse({ type: CommandResponse })
  amendRules(@Param('campaignId') campaignId: string, @Body() body: AmendCampaignRulesRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new AmendCampaignRulesCommand(campaignId, body, user, req), reply);
  }

  @Post(':campaignId/close')
  @Roles('committee')
  @HttpCode(200)
  @ApiOperation({ summary: '结束竞赛活动 Close the campaign' })
  @ApiOkResponse({ type: CommandResponse })
  close(@Param('campaignId') campaignId: string, @Body() body: CloseCampaignRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new CloseCampaignCommand(campaignId, body ?? {}, user, req), reply);
  }

  @Get()
  @ApiPageResponse(CampaignListItemDto)
  @ApiOperation({ summary: '竞赛活动列表 Campaigns you can see', description: '本辖区内主办的竞赛活动，上级竞赛委员会已发布、本单位可参加的竞赛活动，以及评估专家受邀评估的项目所属的竞赛活动。' })
  list(@Query() q: ListCampaignsQueryDto, @CurrentUser() user: AuthUser) {
    const assessorUserId = user.roles.includes('assessor') ? user.userId : undefined;
    const page = listCampaigns(this.db, { callerOrgId: user.orgId, everything: user.roles.includes('admin'), assessorUserId, status: q.status, year: q.year, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    // Each campaign names its organiser, as a table shows it.
    return { ...page, items: page.items.map((c) => ({ ...c, organizerName: this.orgName(c.organizerOrgId) })) };
  }

  @Get('catalogue')
  @ApiOperation({ summary: '竞赛设置目录 Catalogue for campaign forms', description: '竞赛类别、目标任务指标（metrics）与进展报送、总结指标（reportMetrics，各计入哪项目标任务）、等次、计分方式、层级等代码及中英文名称，以及重点工程立功竞赛评估方案预设。' })
  catalogue() {
    return {
      categories: labels(CAMPAIGN_CATEGORIES),
      metrics: Object.entries(CAMPAIGN_METRICS).map(([key, v]) => ({ key, ...v })),
      // What a progress report or summary gives, each counting towards one of the targets above.
      reportMetrics: Object.entries(PROGRESS_METRICS).map(([key, v]) => ({ key, zh: v.zh, en: v.en, unitZh: v.unitZh, whole: v.whole, accrues: v.accrues, countsTowards: v.campaignMetric })),
      grades: Object.entries(GRADE_LABELS).map(([key, zh]) => ({ key, zh, en: key })),
      reportingCadences: labels(REPORTING_CADENCE_LABELS),
      aggregations: labels(AGGREGATION_LABELS),
      levels: labels(HIERARCHY_LEVEL_LABELS),
      campaignStatuses: labels(CAMPAIGN_STATUS_LABELS),
      projectStatuses: labels(PROJECT_STATUS_LABELS),
      projectActions: labels(PROJECT_ACTION_LABELS),
      // On an instant commendation (progress.commendations[].allowedActions): POST /projects/{p}/commendations/{c}/{action}.
      commendationActions: labels(COMMENDATION_CHANGE_LABELS),
      presets: { keyProjectAssessment: keyProjectAssessmentPreset() },
    };
  }

  @Get(':campaignId')
  @ApiOkResponse({ description: 'The campaign with its rules versions and your actions', type: CampaignViewDto })
  @ApiOperation({ summary: '竞赛活动详情 One campaign: current rules and every rules version (ETag = revision)' })
  async get(@Param('campaignId') campaignId: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: any) {
    const { state, revision } = await this.commands.state(campaignStream(campaignId), campaignDecider);
    const notFound = DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${campaignId} 不存在。`, `Campaign ${campaignId} does not exist.`, { campaignId });
    if (state.status === 'none') throw notFound;
    requireCampaignReadable(user, state, this.orgs, this.db);
    if (revision !== null) reply.header('etag', `"${revision}"`);
    return { ...campaignView(state, revision, campaignActionsForCaller(state, user, this.commands.now().toISOString())), organizerName: this.orgName(state.organizerOrgId) };
  }

  private orgName(orgId: string): string | null {
    return this.orgs.get(orgId)?.name ?? null;
  }
}
