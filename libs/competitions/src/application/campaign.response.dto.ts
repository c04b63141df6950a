import { ApiProperty, OmitType } from '@nestjs/swagger';
import { CAMPAIGN_CATEGORY_KEYS, CAMPAIGN_STATUSES, GRADES, HIERARCHY_LEVELS, REPORTING_CADENCES } from '../domain';
import { ActionLabelDto } from './board.response.dto';
import { ApplicationWindowDto, AssessmentSchemeDto, CampaignPeriodDto } from './campaign.request.dto';

/*
 * What the campaign list and the campaign view answer (campaign-list.queries.ts, campaign.view.ts),
 * for the OpenAPI document. Only the document reads these classes.
 */

export class CategoryLabelDto {
  @ApiProperty({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) key!: string;
  @ApiProperty({ description: '中文名称 Chinese' }) zh!: string;
  @ApiProperty({ description: '英文名称 English' }) en!: string;
}

/** What a campaign's list row and its view share. */
export class CampaignCoreDto {
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '名称 Title' }) title!: string;
  @ApiProperty({ description: '主题 Theme' }) theme!: string;
  @ApiProperty({ description: '年度 Year', type: 'integer' }) year!: number;
  @ApiProperty({ description: '层级 Level', enum: HIERARCHY_LEVELS }) level!: string;
  @ApiProperty({ description: '层级名称 Level label' }) levelLabel!: string;
  @ApiProperty({ description: '主办竞赛委员会 Organising committee' }) organizerOrgId!: string;
  @ApiProperty({ description: '主办竞赛委员会名称（未登记的为 null）Name of the organising committee', type: String, nullable: true }) organizerName!: string | null;
  @ApiProperty({ description: '状态 Status', enum: CAMPAIGN_STATUSES }) status!: string;
  @ApiProperty({ description: '状态名称 Status label' }) statusLabel!: string;
}

export class CampaignListItemDto extends CampaignCoreDto {
  @ApiProperty({ description: '现行规则版本 Rules version in force', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '竞赛类别 Categories', type: [CategoryLabelDto] }) categories!: CategoryLabelDto[];
  @ApiProperty({ description: '报名时间 Application window', type: ApplicationWindowDto }) applicationWindow!: ApplicationWindowDto;
  @ApiProperty({ description: '报名已截止 Application window closed' }) applicationWindowClosed!: boolean;
  @ApiProperty({ description: '审批层级 Approval levels', type: [String] }) approvalLevels!: string[];
  @ApiProperty({ description: '审批层级（中文）Approval levels in Chinese', type: [String], example: ['县（市、区）级', '市级'] }) approvalLevelLabels!: string[];
  @ApiProperty({ description: '版本 Revision', type: 'integer' }) revision!: number;
  @ApiProperty({ description: '最近更新 Updated at', format: 'date-time' }) updatedAt!: string;
}

export class LabelledGradeBandDto {
  @ApiProperty({ description: '等次 Grade', enum: GRADES }) grade!: string;
  @ApiProperty({ description: '分数线 Minimum total', type: Number }) minScore!: number;
  @ApiProperty({ description: '等次名称 Grade label' }) label!: string;
}

export class LabelledAssessmentSchemeDto extends OmitType(AssessmentSchemeDto, ['gradeBands'] as const) {
  @ApiProperty({ description: '等次分数线 Grade bands', type: [LabelledGradeBandDto] }) declare gradeBands: LabelledGradeBandDto[];
  @ApiProperty({ description: '计分方式名称 Aggregation label' }) aggregationLabel!: string;
}

export class LevelLabelDto {
  @ApiProperty({ description: '层级 Level', enum: HIERARCHY_LEVELS }) level!: string;
  @ApiProperty({ description: '层级名称 Label' }) label!: string;
}

export class LabelledTargetDto {
  @ApiProperty({ description: '目标指标 Metric' }) metric!: string;
  @ApiProperty({ description: '目标值 Target', type: Number }) target!: number;
  @ApiProperty({ description: '指标名称 Label' }) label!: string;
  @ApiProperty({ description: '计量单位 Unit' }) unitZh!: string;
}

/** Campaign rules with the users' words next to every code (labelledRules). */
export class LabelledCampaignRulesDto {
  @ApiProperty({ description: '竞赛类别 Categories', type: [CategoryLabelDto] }) categories!: CategoryLabelDto[];
  @ApiProperty({ description: '报名时间 Application window', type: ApplicationWindowDto }) applicationWindow!: ApplicationWindowDto;
  @ApiProperty({ description: '报送周期 Reporting cadence', enum: REPORTING_CADENCES }) reportingCadence!: string;
  @ApiProperty({ description: '报送周期名称 Cadence label' }) reportingCadenceLabel!: string;
  @ApiProperty({ description: '评估方案 Assessment scheme', type: LabelledAssessmentSchemeDto }) assessment!: LabelledAssessmentSchemeDto;
  @ApiProperty({ description: '审批层级 Approval levels', type: [LevelLabelDto] }) approvalLevels!: LevelLabelDto[];
  @ApiProperty({ description: '目标任务 Targets', type: [LabelledTargetDto] }) targets!: LabelledTargetDto[];
  @ApiProperty({ description: '竞赛周期 Campaign period', type: CampaignPeriodDto, nullable: true }) campaignPeriod!: CampaignPeriodDto | null;
}

export class ReportingSpanDto {
  @ApiProperty({ description: '开始 Starts on', format: 'date' }) startsOn!: string;
  @ApiProperty({ description: '结束 Ends on', format: 'date' }) endsOn!: string;
  @ApiProperty({ description: '取自竞赛周期（否则为活动年度）From the campaign period, else the year' }) fromCampaignPeriod!: boolean;
}

export class ReportingRegimeDto {
  @ApiProperty({ description: '规则版本（该段内最新的一版）Rules version (the latest of this stretch)', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '报送频次 Cadence', enum: ['monthly', 'quarterly'] }) cadence!: string;
  @ApiProperty({ description: '报送频次名称 Cadence label', example: '按月报送' }) cadenceLabel!: string;
  @ApiProperty({ description: '规则修改日（第一段为 null）Day the rules changed (null for the first)', type: String, format: 'date', nullable: true }) changedOn!: string | null;
  @ApiProperty({ description: '自该日开始的报送期按本段规则报送（null：自始）Periods beginning on or after this day are owed under it (null: from the start)', type: String, format: 'date', nullable: true }) owedFrom!: string | null;
  @ApiProperty({ description: '该日之前开始的报送期按本段规则报送（null：至结束）Periods beginning before this day are owed under it (null: to the end)', type: String, format: 'date', nullable: true }) owedBefore!: string | null;
  @ApiProperty({ description: '说明 What it means', example: '2021-10-01 起按月报送' }) noteZh!: string;
}

export class CampaignRuleVersionDto {
  @ApiProperty({ description: '规则版本 Version', type: 'integer' }) version!: number;
  @ApiProperty({ description: '修改理由 Reason of the amendment', type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ description: '生效时间（第 1 版自发布起，为 null）In force since (null for version 1: from publication)', type: String, format: 'date-time', nullable: true }) since!: string | null;
  @ApiProperty({ description: '被下一版取代的时间（现行版本为 null）In force until the next version (null for the one in force)', type: String, format: 'date-time', nullable: true }) until!: string | null;
  @ApiProperty({ description: '该版本的规则 Its rules', type: LabelledCampaignRulesDto }) rules!: LabelledCampaignRulesDto;
}

export class CampaignViewDto extends CampaignCoreDto {
  @ApiProperty({ description: '事件流（审计历史与重放用：GET /api/v1/audit/streams/{streamId}/events）Its event stream, for the audit history', example: 'campaign-jj-2021' }) streamId!: string;
  @ApiProperty({ description: '报名已截止 Application window closed' }) applicationWindowClosed!: boolean;
  @ApiProperty({ description: '结束理由 Reason it was closed', type: String, nullable: true }) closedReason!: string | null;
  @ApiProperty({ description: '现行规则版本 Rules version in force', type: 'integer' }) rulesVersion!: number;
  @ApiProperty({ description: '现行规则 Rules in force', type: LabelledCampaignRulesDto }) rules!: LabelledCampaignRulesDto;
  @ApiProperty({ description: '应报送期间 Days reports are owed for', type: ReportingSpanDto }) reportingSpan!: ReportingSpanDto;
  @ApiProperty({ description: '已发布的全部规则版本 Every published rules version', type: [CampaignRuleVersionDto] }) ruleVersions!: CampaignRuleVersionDto[];
  @ApiProperty({
    description: '信息反馈频次的各段（改变频次后，此前开始的报送期按原规则报送）Stretches of reporting rules: which periods each owes after a change of cadence',
    type: [ReportingRegimeDto],
  })
  reportingRegimes!: ReportingRegimeDto[];
  @ApiProperty({ description: '您现在可以办理的操作 What you may do now', type: [String] }) allowedActions!: string[];
  @ApiProperty({ description: '操作及其名称 The same, labelled', type: [ActionLabelDto] }) allowedActionLabels!: ActionLabelDto[];
  @ApiProperty({ description: '版本（If-Match 用）Revision', type: 'integer', nullable: true }) revision!: number | null;
}
