import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { AGGREGATIONS, CAMPAIGN_CATEGORY_KEYS, GRADES, PROJECT_STATUSES } from '../domain';
import { ScopeViewDto } from './supervision.response.dto';

/*
 * What the statistics answer (coverage.queries.ts, assessment-stats.queries.ts, with the scope the
 * controller adds), for the OpenAPI document. Only the document reads these classes.
 */

export class MetricValueDto {
  @ApiProperty({ description: '指标 Metric', example: 'participants' }) key!: string;
  @ApiProperty({ description: '指标名称 Label' }) label!: string;
  @ApiProperty({ description: '计量单位 Unit' }) unitZh!: string;
  @ApiProperty({ description: '数值 Value', type: Number }) value!: number;
}

export class CoverageFiguresDto {
  @ApiProperty({ description: '项目数 Projects', type: 'integer' }) projects!: number;
  @ApiProperty({ description: '参赛单位 Participating units', type: 'integer' }) participatingUnits!: number;
  @ApiProperty({ description: '其中非公单位 Of them non-public', type: 'integer' }) nonPublicUnits!: number;
  @ApiProperty({ description: '参赛企业 Enterprises', type: 'integer' }) enterprises!: number;
  @ApiProperty({ description: '其中非公企业 Of them non-public', type: 'integer' }) nonPublicEnterprises!: number;
  @ApiProperty({ description: '非公企业占比（%）（无企业时为 null）Non-public share', type: Number, nullable: true }) nonPublicSharePercent!: number | null;
  @ApiProperty({ description: '成果指标 Outcomes', type: [MetricValueDto] }) metrics!: MetricValueDto[];
}

export class CoverageGroupDto extends CoverageFiguresDto {
  @ApiProperty({ description: '分组键（未填写为空串）Group key', example: '九江市' }) key!: string;
  @ApiProperty({ description: '分组名称 Group label' }) label!: string;
}

export class TargetProgressDto {
  @ApiProperty({ description: '目标指标 Metric' }) metric!: string;
  @ApiProperty({ description: '指标名称 Label' }) label!: string;
  @ApiProperty({ description: '计量单位 Unit' }) unitZh!: string;
  @ApiProperty({ description: '目标值 Target', type: Number }) target!: number;
  @ApiProperty({ description: '完成值（项目不报送该指标时为 null）Actual', type: Number, nullable: true }) actual!: number | null;
  @ApiProperty({ description: '完成百分比 Percent complete', type: Number, nullable: true }) percentComplete!: number | null;
}

export class CoverageScopeDto extends ScopeViewDto {
  @ApiProperty({ description: '数据覆盖整个竞赛活动 The rows are the whole campaign' }) wholeCampaign!: boolean;
  @ApiProperty({ description: '说明（本辖区数据对照整个活动的目标）Note', type: String, nullable: true }) noteZh!: string | null;
}

export class CoverageDto {
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '活动名称 Title', type: String, nullable: true }) campaignTitle!: string | null;
  @ApiProperty({ description: '分组方式 Grouped by', enum: ['region', 'industry', 'ownership', 'period'] }) groupBy!: string;
  @ApiProperty({ description: '取自已通过总结的项目数 Projects counted from their accepted summary', type: 'integer' }) projectsFromAcceptedSummary!: number;
  @ApiProperty({ description: '未报送即撤回或终止、不计入的项目 Projects ended before reporting, left out', type: 'integer' }) projectsEndedBeforeReporting!: number;
  @ApiProperty({ description: '合计 Totals', type: CoverageFiguresDto }) totals!: CoverageFiguresDto;
  @ApiProperty({ description: '目标任务完成情况 Targets', type: [TargetProgressDto] }) targets!: TargetProgressDto[];
  @ApiProperty({ description: '分组 Groups', type: [CoverageGroupDto] }) groups!: CoverageGroupDto[];
  @ApiProperty({ description: '数据范围 Scope', type: CoverageScopeDto }) scope!: CoverageScopeDto;
}

export class CriterionScoreDto {
  @ApiProperty({ description: '指标 Criterion' }) key!: string;
  @ApiProperty({ description: '指标名称 Name' }) name!: string;
  @ApiProperty({ description: '权重 Weight', type: Number }) weight!: number;
  @ApiProperty({ description: '评分 Score', type: Number, nullable: true }) score!: number | null;
}

export class AssessorStatsDto {
  @ApiProperty({ description: '评估专家（结果确定后对参赛单位等隐去身份时为 null）Assessor; null when shown without who gave the sheet', type: String, nullable: true }) userId!: string | null;
  @ApiProperty({ description: '所在单位（隐去身份时为 null）Organisation', type: String, nullable: true }) orgId!: string | null;
  @ApiProperty({ description: '姓名；隐去身份时为“评估专家 1”等，按总分从高到低编号 Name, or a numbered label when shown without who gave it' }) name!: string;
  @ApiPropertyOptional({ description: '结果确定后，对不可查看全部评分表的调用方隐去专家身份（本人的评分表除外）Shown without who gave it' }) anonymous?: boolean;
  @ApiPropertyOptional({ description: '锁定后追加（隐去身份的评分表不含）Added after lock; absent on a sheet shown without its expert' }) addedAfterLock?: boolean;
  @ApiPropertyOptional({ description: '回避豁免（隐去身份的评分表不含）Conflict waived' }) waived?: boolean;
  @ApiPropertyOptional({ description: '声明回避（隐去身份的评分表不含）Declared a conflict' }) declaredConflict?: boolean;
  @ApiProperty({ description: '已评分（对您隐去时为 null）Scored', type: Boolean, nullable: true }) scored!: boolean | null;
  @ApiProperty({ description: '计入结果（对您隐去时为 null）Counted', type: Boolean, nullable: true }) counted!: boolean | null;
  @ApiProperty({ description: '结果确定前对您隐去 Withheld from you before the result' }) withheld!: boolean;
  @ApiProperty({ description: '各指标评分 Scores', type: [CriterionScoreDto] }) scores!: CriterionScoreDto[];
  @ApiProperty({ description: '加权总分 Weighted total', type: Number, nullable: true }) weightedTotal!: number | null;
  @ApiProperty({ description: '评分版本 Score revision', type: 'integer', nullable: true }) scoreRevision!: number | null;
}

export class DisagreementDto {
  @ApiProperty({ description: '最高与最低总分之差 Spread', type: Number }) spread!: number;
  @ApiProperty({ description: '阈值 Threshold', type: Number }) threshold!: number;
  @ApiProperty({ description: '分歧较大 Flagged' }) flagged!: boolean;
  @ApiProperty({ description: '按已计入评分的暂估（尚未汇总）Provisional, before the result' }) provisional!: boolean;
  @ApiProperty({ description: '说明 Label' }) label!: string;
}

export class AssessmentStatsItemDto {
  @ApiProperty({ description: '项目 Project id' }) projectId!: string;
  @ApiProperty({ description: '项目名称 Title' }) title!: string;
  @ApiProperty({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) category!: string;
  @ApiProperty({ description: '类别名称 Category label' }) categoryLabel!: string;
  @ApiProperty({ description: '参赛单位 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '单位名称 Organisation name', type: String, nullable: true }) orgName!: string | null;
  @ApiProperty({ description: '参赛单位的上级组织 Ancestors of the organisation', type: [String] }) orgPath!: string[];
  @ApiProperty({ description: '项目状态 Status', enum: PROJECT_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label' }) statusLabel!: string;
  @ApiProperty({ description: '评估所依据的规则版本 Rules version', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '计分方式 Aggregation', enum: AGGREGATIONS }) aggregation!: string;
  @ApiProperty({ description: '计分方式名称 Aggregation label' }) aggregationLabel!: string;
  @ApiProperty({ description: '评估专家及评分 Assessors and their sheets', type: [AssessorStatsDto] }) assessors!: AssessorStatsDto[];
  @ApiProperty({ description: '已评分人数 Sheets filed', type: 'integer' }) scoredCount!: number;
  @ApiProperty({ description: '自评总分（不计入）Self-assessment total', type: Number, nullable: true }) selfAssessmentTotal!: number | null;
  @ApiProperty({ description: '结果已确定 Result fixed' }) finalized!: boolean;
  @ApiProperty({ description: '总分 Total', type: Number, nullable: true }) total!: number | null;
  @ApiProperty({ description: '等次 Grade', enum: GRADES, nullable: true }) grade!: string | null;
  @ApiProperty({ description: '等次名称 Grade label', type: String, nullable: true }) gradeLabel!: string | null;
  @ApiProperty({ description: '计入的总分 Totals used', type: [Number] }) totalsUsed!: number[];
  @ApiProperty({ description: '去掉的总分 Totals dropped', type: [Number] }) dropped!: number[];
  @ApiProperty({ description: '标准分均值（按标准分排名时）Mean z-score', type: Number, nullable: true }) normalizedScore!: number | null;
  @ApiProperty({ description: '逾期报名（延期报送）Entered late, under an extension' }) lateEntry!: boolean;
  @ApiProperty({ description: '发生一票否决的事故 An accident vetoes award eligibility' }) vetoed!: boolean;
  @ApiProperty({ description: '评优提示（逾期报名、一票否决）What bars it from award selection', type: [String] }) awardNotesZh!: string[];
  @ApiProperty({ description: '活动内名次 Rank in the campaign', type: 'integer', nullable: true }) rankInCampaign!: number | null;
  @ApiProperty({ description: '类别内名次 Rank in the category', type: 'integer', nullable: true }) rankInCategory!: number | null;
  @ApiProperty({ description: '按总分的名次 Rank by total', type: 'integer', nullable: true }) rankByTotal!: number | null;
  @ApiProperty({ description: '评分分歧 Disagreement', type: DisagreementDto, nullable: true }) disagreement!: DisagreementDto | null;
}

export class RankingDto {
  @ApiProperty({ description: '排名依据：总分 total 或标准分 z_score_v1', example: 'total' }) basis!: string;
  @ApiProperty({ description: '说明 Label' }) label!: string;
  @ApiPropertyOptional({ description: '参与排名的项目按不同规则版本计分时，所涉版本 Rules versions of the ranked totals, when they differ', type: [Number] }) mixedRulesVersions?: number[];
  @ApiPropertyOptional({ description: '其说明 Why it matters' }) noteZh?: string;
}

export class AssessorSummaryDto {
  @ApiProperty({ description: '评估专家 Assessor' }) assessorUserId!: string;
  @ApiProperty({ description: '姓名 Name' }) name!: string;
  @ApiProperty({ description: '计入的评分份数 Sheets counted', type: 'integer' }) scored!: number;
  @ApiProperty({ description: '平均总分 Mean total', type: Number }) meanTotal!: number;
}

export class StatsScopeDto extends ScopeViewDto {
  @ApiProperty({ description: '说明（名次按整个活动计算）Note', type: String, nullable: true }) noteZh!: string | null;
}

export class AssessmentStatsSummaryDto {
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '排名方式 Ranking', type: RankingDto }) ranking!: RankingDto;
  @ApiProperty({ description: '活动内已确定结果的项目数 Results fixed in the campaign', type: 'integer' }) finalizedCount!: number;
  @ApiProperty({ description: '各评估专家 Per assessor', type: [AssessorSummaryDto] }) byAssessor!: AssessorSummaryDto[];
  @ApiProperty({ description: '数据范围 Scope', type: StatsScopeDto }) scope!: StatsScopeDto;
}
