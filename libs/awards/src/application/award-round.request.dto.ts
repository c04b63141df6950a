import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { AWARD_TYPES, HONOUR_LEVELS, MAXIMUM_NOTICE_CALENDAR_DAYS, MAXIMUM_NOTICE_WORKING_DAYS, MAXIMUM_QUOTA, MAXIMUM_RULE_SET_VERSION, MINIMUM_NOTICE_DAYS, POOLS } from './award-domain';
import { ID_PATTERN } from './award-streams';
import { AttributePredicateDto, LabelDto } from './rule-set.request.dto';

export class PoolQuotaDto {
  @ApiProperty({ description: '名额池：常规 regular / 竞赛表彰 competition_reserved / 即时 instant', enum: POOLS }) @IsIn(POOLS) pool!: (typeof POOLS)[number];
  @ApiProperty({ description: `名额（1 至 ${MAXIMUM_QUOTA}）Quota`, example: 40, minimum: 1, maximum: MAXIMUM_QUOTA }) @IsInt() @Max(MAXIMUM_QUOTA, { message: `quota must be at most ${MAXIMUM_QUOTA}` }) quota!: number;
}

export class RecommenderQuotaDto {
  @ApiProperty({ description: '推荐单位 Recommending organisation' }) @IsString() @IsNotEmpty() orgId!: string;
  @ApiProperty({ description: `推荐名额（1 至 ${MAXIMUM_QUOTA}）Quota of primaries it may name`, example: 2, minimum: 1, maximum: MAXIMUM_QUOTA })
  @IsInt() @Max(MAXIMUM_QUOTA, { message: `quota must be at most ${MAXIMUM_QUOTA}` })
  quota!: number;
}

/** A sub-quota (分项名额, award-round.commands.ts): its shape for the document; the round decider checks it. */
export class SubQuotaDto {
  @ApiProperty({ description: '分项标识（不可重复）Key, unique in the round', example: 'enterprise_heads' }) key!: string;
  @ApiPropertyOptional({ description: '名称（拒绝与名单核对中显示，缺省显示 key）Label, shown in refusals and the slate check', type: LabelDto }) label?: LabelDto;
  @ApiProperty({ description: '计入该分项的人选 Nominees it counts', type: AttributePredicateDto }) where!: AttributePredicateDto;
  @ApiProperty({ description: `正式人选中至多几名 At most so many primaries (0 to ${MAXIMUM_QUOTA})`, type: 'integer', minimum: 0, maximum: MAXIMUM_QUOTA, example: 1 }) max!: number;
  @ApiPropertyOptional({ description: '至少几名（不大于 max）At least so many, no more than max', type: 'integer', minimum: 0, maximum: MAXIMUM_QUOTA, nullable: true }) min?: number | null;
}

export class CreateAwardRoundRequestDto {
  @ApiPropertyOptional({ description: '评选轮次标识（可选，默认自动生成）Round id', example: 'jj-2022-certificate' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'roundId may contain letters, digits, _ . : - (1–64 characters)' })
  roundId?: string;

  @ApiProperty({ description: '所属竞赛活动 Campaign', example: 'jj-2021' }) @IsString() @IsNotEmpty() campaignId!: string;

  @ApiProperty({ description: '奖项：五一劳动奖状 may_day_certificate / 五一劳动奖章 may_day_medal / 工人先锋号 worker_pioneer / 劳动模范 model_worker / 技术能手 technical_expert / 即时表彰 instant', enum: AWARD_TYPES })
  @IsIn(AWARD_TYPES)
  awardType!: (typeof AWARD_TYPES)[number];

  @ApiPropertyOptional({ description: '授予级别（默认按本单位层级）Level conferred; defaults from your organisation’s level', enum: HONOUR_LEVELS })
  @IsOptional() @IsIn(HONOUR_LEVELS)
  honourLevel?: (typeof HONOUR_LEVELS)[number];

  @ApiProperty({ description: '规则集 Rule set id' }) @IsString() @IsNotEmpty() ruleSetId!: string;
  @ApiPropertyOptional({ description: '规则集版本（默认最新版）Rule-set version; defaults to the latest', minimum: 1, maximum: MAXIMUM_RULE_SET_VERSION })
  @IsOptional() @IsInt() @Min(1) @Max(MAXIMUM_RULE_SET_VERSION, { message: `ruleSetVersion must be at most ${MAXIMUM_RULE_SET_VERSION}` })
  ruleSetVersion?: number;

  @ApiProperty({ description: '名额池及名额 Pools with quotas', type: [PoolQuotaDto] })
  @IsArray() @ArrayMaxSize(3) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PoolQuotaDto)
  pools!: PoolQuotaDto[];

  @ApiPropertyOptional({ description: '分项名额（如企业负责人不超过 1 名；min 为至少须有的名额，如农民工至少 1 名）Sub-quotas', type: [SubQuotaDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(20) @IsObject({ each: true })
  subQuotas?: SubQuotaDto[];

  @ApiPropertyOptional({ description: '各推荐单位名额 Quota per recommending organisation', type: [RecommenderQuotaDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(500) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => RecommenderQuotaDto)
  quotasByRecommender?: RecommenderQuotaDto[];

  @ApiProperty({ description: '逐级推荐层级：推荐单位 unit 起，由低到高（county、city、province）Review levels, from the recommending unit up', example: ['unit', 'county', 'city'] })
  @IsArray() @ArrayMaxSize(6) @IsString({ each: true }) @MaxLength(40, { each: true })
  levels!: string[];

  @ApiPropertyOptional({ description: `公示最少工作日（默认 5，不得少于 5，不超过 ${MAXIMUM_NOTICE_WORKING_DAYS}）Minimum notice working days (default and least 5, at most ${MAXIMUM_NOTICE_WORKING_DAYS})`, maximum: MAXIMUM_NOTICE_WORKING_DAYS })
  @IsOptional() @IsInt() @Max(MAXIMUM_NOTICE_WORKING_DAYS, { message: `minimumNoticeWorkingDays must be at most ${MAXIMUM_NOTICE_WORKING_DAYS}` })
  minimumNoticeWorkingDays?: number;

  @ApiPropertyOptional({
    description: `按自然日公示时的最少天数（如丽江 2022-10-14 至 10-19 共 6 个自然日；${MINIMUM_NOTICE_DAYS}–${MAXIMUM_NOTICE_CALENDAR_DAYS}）。不设时，按日期给出的公示期须含足最少工作日 Minimum notice by dates, in calendar days; when absent, a notice by dates must hold the minimum working days`,
    minimum: MINIMUM_NOTICE_DAYS, maximum: MAXIMUM_NOTICE_CALENDAR_DAYS,
  })
  @IsOptional() @IsInt() @Max(MAXIMUM_NOTICE_CALENDAR_DAYS, { message: `minimumNoticeCalendarDays must be at most ${MAXIMUM_NOTICE_CALENDAR_DAYS}` })
  minimumNoticeCalendarDays?: number;
}
