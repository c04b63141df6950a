import { ApiProperty, ApiPropertyOptional, OmitType, PartialType, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsNotEmpty, IsNotIn, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, ValidateNested } from 'class-validator';
import { AGGREGATIONS, CAMPAIGN_CATEGORY_KEYS, CAMPAIGN_METRIC_KEYS, GRADES, HIERARCHY_LEVELS, MAXIMUM_MIN_ASSESSORS, NORMALISATIONS, REPORTING_CADENCES } from '../domain';
import { CLIENT_ID_PATTERN } from '@jingsai/shared';

/*
 * Shape only: types, enums, no unknown fields. Whether the scheme makes sense (weights sum to
 * 100, the window opens before it closes, the bands cover the scale) is the domain's call, so
 * every such problem comes back in one list with its field name.
 */

export class ApplicationWindowDto {
  @ApiProperty({ description: '报名开始时间（带时区）Opens at', example: '2021-06-15T00:00:00+08:00', format: 'date-time' }) @IsString() opensAt!: string;
  @ApiProperty({ description: '报名截止时间（带时区）Closes at', example: '2021-07-22T23:59:59+08:00', format: 'date-time' }) @IsString() closesAt!: string;
}

export class CampaignPeriodDto {
  @ApiProperty({ description: '竞赛周期开始 Starts on (YYYY-MM-DD)', example: '2021-07-01', format: 'date' }) @IsString() @MaxLength(10) startsOn!: string;
  @ApiProperty({ description: '竞赛周期结束 Ends on (YYYY-MM-DD)', example: '2022-06-30', format: 'date' }) @IsString() @MaxLength(10) endsOn!: string;
}

export class AssessmentCriterionDto {
  @ApiProperty({ description: '指标代码 Key', example: 'quality' }) @IsString() @MaxLength(64) key!: string;
  @ApiProperty({ description: '指标名称 Name', example: '比质量' }) @IsString() @MaxLength(100) name!: string;
  @ApiProperty({ description: '权重（%，合计 100）Weight in percent; weights sum to 100', example: 20 }) @IsNumber() weight!: number;
}

export class ScoreScaleDto {
  @ApiProperty({ description: '评分下限 Minimum', example: 0 }) @IsNumber() min!: number;
  @ApiProperty({ description: '评分上限 Maximum', example: 100 }) @IsNumber() max!: number;
}

export class GradeBandDto {
  @ApiProperty({ description: '等次：优秀 excellent / 良好 good / 合格 pass / 不合格 fail', enum: GRADES }) @IsIn(GRADES) grade!: (typeof GRADES)[number];
  @ApiProperty({ description: '分数线 Minimum total for the grade', example: 90 }) @IsNumber() minScore!: number;
}

export class AssessmentSchemeDto {
  @ApiProperty({ description: '评估指标 Criteria (比质量、比工期 …)', type: [AssessmentCriterionDto] })
  @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => AssessmentCriterionDto)
  criteria!: AssessmentCriterionDto[];

  @ApiProperty({ description: '评分范围 Score scale', type: ScoreScaleDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => ScoreScaleDto) scale!: ScoreScaleDto;
  @ApiProperty({ description: '每个项目最少评估专家数 Minimum assessors per project', example: 3, maximum: MAXIMUM_MIN_ASSESSORS })
  @IsInt() @Max(MAXIMUM_MIN_ASSESSORS, { message: `minAssessors must be at most ${MAXIMUM_MIN_ASSESSORS}` })
  minAssessors!: number;
  @ApiProperty({ description: '计分方式：算术平均 mean / 去掉一个最高分和一个最低分 trimmed_mean', enum: AGGREGATIONS }) @IsIn(AGGREGATIONS) aggregation!: (typeof AGGREGATIONS)[number];

  @ApiProperty({ description: '等次分数线 Grade bands', type: [GradeBandDto] })
  @IsArray() @ArrayMaxSize(10) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => GradeBandDto)
  gradeBands!: GradeBandDto[];

  @ApiProperty({ description: '评分分歧阈值 Spread between assessors above which a project is flagged', example: 15 }) @IsNumber() disagreementThreshold!: number;

  @ApiPropertyOptional({
    description: '排名方式：不填按总分排名；z_score_v1 按评估专家标准分（z 分数）排名，消除评估专家宽严差异（总分与等次不变）。Rank on per-assessor z-scores (a versioned computation)',
    enum: NORMALISATIONS,
    nullable: true,
  })
  @IsOptional() @IsIn(NORMALISATIONS) normalisation?: (typeof NORMALISATIONS)[number] | null;
}

export class CampaignTargetDto {
  @ApiProperty({ description: '目标指标 Metric', enum: CAMPAIGN_METRIC_KEYS }) @IsIn(CAMPAIGN_METRIC_KEYS) metric!: string;
  @ApiProperty({ description: '目标值 Target', example: 300 }) @IsNumber() target!: number;
}

export class CreateCampaignRequestDto {
  @ApiPropertyOptional({ description: '竞赛活动标识（可选，默认自动生成）Campaign id; generated when omitted', example: 'jj-2021' })
  @IsOptional() @IsString() @Matches(CLIENT_ID_PATTERN, { message: 'campaignId may contain letters, digits, _ . : - (1–64 characters)' })
  // GET /campaigns/catalogue is the category catalogue: a campaign of that id could never be read.
  @IsNotIn(['catalogue'], { message: 'campaignId "catalogue" is the address of the category catalogue; choose another id' })
  campaignId?: string;

  @ApiProperty({ description: '竞赛活动名称 Title', example: '“建功‘十四五’、奋进新征程”主题劳动和技能竞赛' }) @IsString() @MaxLength(200) title!: string;
  @ApiProperty({ description: '竞赛主题 Theme', example: '建功“十四五”、奋进新征程' }) @IsString() @MaxLength(200) theme!: string;
  @ApiProperty({ description: '年度 Year', example: 2021 }) @IsInt() year!: number;

  @ApiPropertyOptional({ description: '竞赛层级（默认为主办竞赛委员会的层级）Level; defaults to the organiser’s level', enum: HIERARCHY_LEVELS })
  @IsOptional() @IsIn(HIERARCHY_LEVELS)
  level?: (typeof HIERARCHY_LEVELS)[number];

  @ApiPropertyOptional({ description: '主办竞赛委员会（默认且只能为本人所在的竞赛委员会）Organising committee; defaults to, and must be, your own committee' })
  @IsOptional() @IsString() @IsNotEmpty()
  organizerOrgId?: string;

  @ApiProperty({ description: '竞赛类别 Categories', enum: CAMPAIGN_CATEGORY_KEYS, isArray: true })
  @IsArray() @ArrayMaxSize(20) @IsIn(CAMPAIGN_CATEGORY_KEYS, { each: true })
  categories!: string[];

  @ApiProperty({ description: '报名时间 Application window', type: ApplicationWindowDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => ApplicationWindowDto)
  applicationWindow!: ApplicationWindowDto;

  @ApiProperty({ description: '信息反馈频次：按月 monthly / 按季度 quarterly', enum: REPORTING_CADENCES }) @IsIn(REPORTING_CADENCES) reportingCadence!: (typeof REPORTING_CADENCES)[number];

  @ApiProperty({ description: '评估考核方案 Assessment scheme', type: AssessmentSchemeDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => AssessmentSchemeDto)
  assessment!: AssessmentSchemeDto;

  @ApiProperty({ description: '立项审批层级（由低到高，如 county, city）Approval levels, lowest first', enum: HIERARCHY_LEVELS, isArray: true })
  @IsArray() @ArrayMaxSize(5) @IsIn(HIERARCHY_LEVELS, { each: true })
  approvalLevels!: Array<(typeof HIERARCHY_LEVELS)[number]>;

  @ApiPropertyOptional({ description: '竞赛周期（进度报送按此周期内的各期计算；默认为当年全年）Campaign period; progress reports are owed for the periods inside it (default: the calendar year)', type: CampaignPeriodDto, nullable: true })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => CampaignPeriodDto)
  campaignPeriod?: CampaignPeriodDto | null;

  @ApiPropertyOptional({ description: '目标任务 Targets', type: [CampaignTargetDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => CampaignTargetDto)
  targets?: CampaignTargetDto[];
}

/** Free edit of a draft: any field of the definition; each given rule field replaces the old one whole. */
export class AmendCampaignDraftRequestDto extends PartialType(OmitType(CreateCampaignRequestDto, ['campaignId'] as const)) {}

export class CampaignRulesChangesDto extends PartialType(
  PickType(CreateCampaignRequestDto, ['categories', 'applicationWindow', 'reportingCadence', 'assessment', 'approvalLevels', 'targets', 'campaignPeriod'] as const),
) {}

export class AmendCampaignRulesRequestDto {
  @ApiProperty({ description: '修改的规则（给出的每项整体替换）Rules to change; each given field replaces the old one whole', type: CampaignRulesChangesDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => CampaignRulesChangesDto)
  changes!: CampaignRulesChangesDto;

  @ApiProperty({ description: '修改理由 Why the published rules change', example: '根据省总工会通知调整评估指标' }) @IsString() @MaxLength(2000) reason!: string;
}

export class CloseCampaignRequestDto {
  @ApiPropertyOptional({ description: '结束说明 Reason', example: '年度竞赛活动圆满结束' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}
