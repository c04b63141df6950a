import { Controller, Get, Inject, Query, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, ConsistentQueryDto, PageQueryDto, QueryCacheInterceptor, READ_MODEL_DB } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, describeScope } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { CAMPAIGN_CATEGORY_KEYS } from '../domain';
import { assessmentStatistics } from '../read-models/assessment/assessment-stats.queries';
import { COVERAGE_GROUPS, CoverageGroup, coverageStatistics } from '../read-models/statistics/coverage.queries';
import { requireCampaignReadable } from './campaign-access';
import { ProjectFacts } from './project-facts.service';
import { projectScopeOf, readScopeOf, withOrgNames } from './read-scope';
import { seesEveryScoreSheet } from './score-visibility';
import { AssessmentStatsItemDto, AssessmentStatsSummaryDto, CoverageDto } from './statistics.response.dto';

class CoverageQueryDto extends ConsistentQueryDto {
  @ApiProperty({ description: '竞赛活动 Campaign id' }) @IsString() @IsNotEmpty() campaignId!: string;
  @ApiPropertyOptional({ description: '分组：地区 region / 行业 industry / 所有制 ownership / 报送期 period', enum: COVERAGE_GROUPS, default: 'region' })
  @IsOptional()
  @IsIn(COVERAGE_GROUPS)
  groupBy?: CoverageGroup;
}

class AssessmentStatsQueryDto extends PageQueryDto {
  @ApiProperty({ description: '竞赛活动 Campaign id' }) @IsString() @IsNotEmpty() campaignId!: string;
  @ApiPropertyOptional({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) @IsOptional() @IsIn(CAMPAIGN_CATEGORY_KEYS) category?: string;
}


@ApiTags('statistics 统计')
@ApiBearerAuth()
@UseInterceptors(QueryCacheInterceptor)
@Controller('api/v1/statistics')
export class StatisticsController {
  private readonly db: Database;

  constructor(
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    private readonly facts: ProjectFacts,
  ) {
    this.db = readDb.db;
  }

  @Get('coverage')
  @ApiOkResponse({ description: 'Coverage and outcomes in your scope', type: CoverageDto })
  @ApiOperation({
    summary: '覆盖面与成果 Coverage and outcomes against the campaign’s targets',
    description: '参赛企业（含非公企业占比）、参与职工人次、技术革新、先进操作法、合理化建议（提出/采纳）、节能量等，按地区、行业、所有制或报送期分组，对照目标任务给出完成百分比。项目有已通过的总结时取总结数据，否则取各期最新（更正后）报告：参与人次、技术革新、合理化建议等当期发生的指标逐期相加，参赛企业数为存量，取最近一期报告的数值，不逐期相加；同一单位的多个项目重复填报同一批企业，按该单位的最大值计一次。非公企业含外资企业（非公有制经济）。',
  })
  async coverage(@Query() q: CoverageQueryDto, @CurrentUser() user: AuthUser) {
    // An unknown campaign is a mistyped id, not a campaign with nothing in it.
    // Read as its detail is: another region's draft as absent, its published campaign as out of scope.
    const campaign = await this.facts.campaign(q.campaignId);
    requireCampaignReadable(user, campaign, this.orgs, this.db);
    const scope = readScopeOf(user, this.orgs);
    // A county or a unit sees its part against the whole campaign's targets: the answer says so.
    const whole = scope.kind === 'all' || this.orgs.isWithin(campaign.organizerOrgId, scope.orgId);
    return {
      ...coverageStatistics(this.db, { scope, campaignId: q.campaignId, groupBy: q.groupBy ?? 'region' }),
      scope: {
        ...describeScope(scope, this.orgs),
        wholeCampaign: whole,
        noteZh: whole ? null : '本辖区（本单位）数据：完成百分比对照的是整个竞赛活动的目标任务，仅反映本辖区对总目标的贡献。',
      },
    };
  }

  @Get('assessment')
  @ApiPageResponse(AssessmentStatsItemDto, AssessmentStatsSummaryDto)
  @ApiOperation({
    summary: '评估考核统计 Scores per assessor, totals, grades, rankings and disagreement flags',
    description:
      '排名在整个竞赛活动内及各竞赛类别内计算（并列同名次），再按您的管辖范围显示。评分汇总前，分歧按已计入的评分给出（provisional: true）；' +
      '评审公正：汇总前，参赛单位看不到专家评分，评估专家只看到本人评分（withheld: true），竞赛委员会、审计和管理员看到全部。',
  })
  async assessment(@Query() q: AssessmentStatsQueryDto, @CurrentUser() user: AuthUser) {
    // Read as its detail is: another region's draft as absent, its published campaign as out of scope.
    const campaign = await this.facts.campaign(q.campaignId);
    requireCampaignReadable(user, campaign, this.orgs, this.db);
    // An assessor (and nothing else) sees the projects assigned to them, as on the board.
    const scope = projectScopeOf(user, this.orgs);
    const r = assessmentStatistics(this.db, {
      normalisation: campaign.rules.assessment.normalisation ?? null,
      scope, campaignId: q.campaignId, category: q.category, limit: q.limit ?? 50, offset: q.offset ?? 0,
      ...(seesEveryScoreSheet(user) ? {} : { sheetsOnlyOf: user.userId }),
    });
    // Ranks and the count of results fixed are the whole campaign's; the rows are the caller's part.
    return {
      ...r,
      scope: { ...describeScope(scope, this.orgs), noteZh: scope.kind === 'all' ? null : `名次与已确定结果数按整个竞赛活动计算，列表只显示${scope.kind === 'assessor' ? '指派给本人评审' : '本辖区（本单位）'}的项目。` },
      items: withOrgNames(this.orgs, r.items),
    };
  }
}
