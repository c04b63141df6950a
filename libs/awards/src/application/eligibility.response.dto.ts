import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { AWARD_TYPES, RULE_KEYS } from './award-domain';
import { AwardTypeLabelDto, EligibilityReasonDto, RuleSetRefDto } from './award-round.response.dto';
import { LabelDto } from './rule-set.request.dto';

export class EligibilityRuleSetDto extends RuleSetRefDto {
  @ApiPropertyOptional({ description: '判定依据说明（评选轮次所用、所指定，或暂按预设）Why these rules judge' }) basisZh?: string;
}

/*
 * What the eligibility board answers (eligibility.queries.ts, with the scope the controller adds),
 * for the OpenAPI document. Only the document reads these classes.
 */

export class FailedReasonDto {
  @ApiProperty({ description: '规则 Rule', enum: RULE_KEYS }) rule!: string;
  @ApiProperty({ description: '说明 Message' }) messageZh!: string;
  @ApiProperty({ description: 'Message' }) messageEn!: string;
  @ApiPropertyOptional({ description: '尚未符合但仍可能符合 Not yet, but still can', enum: [true] }) pending?: boolean;
}

export class EligibilityUnitDto {
  @ApiProperty({ description: '参赛单位 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '单位名称 Name' }) name!: string;
}

export class EligibilityItemDto {
  @ApiProperty({ description: '项目 Project id' }) projectId!: string;
  @ApiProperty({ description: '项目名称 Title' }) title!: string;
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '项目状态 Status' }) status!: string;
  @ApiProperty({ description: '状态名称 Status label', type: LabelDto }) statusLabel!: LabelDto;
  @ApiProperty({ description: '参赛单位 Unit', type: EligibilityUnitDto }) unit!: EligibilityUnitDto;
  @ApiProperty({ description: '符合评选条件 Eligible' }) eligible!: boolean;
  @ApiProperty({ description: '结论 Verdict', enum: ['eligible', 'pending', 'nominated', 'honoured', 'ineligible'] }) verdict!: string;
  @ApiProperty({ description: '结论名称 Verdict label', type: LabelDto }) verdictLabel!: LabelDto;
  @ApiProperty({ description: '未通过的规则 Rules failed', type: [FailedReasonDto] }) failedReasons!: FailedReasonDto[];
  @ApiProperty({ description: '逐条结论 Each rule', type: [EligibilityReasonDto] }) reasons!: EligibilityReasonDto[];
}

export class EligibilityBoardExtraDto {
  @ApiProperty({ description: '奖项 Award type', enum: AWARD_TYPES }) awardType!: string;
  @ApiProperty({ description: '奖项名称 Its label', type: AwardTypeLabelDto }) awardTypeLabel!: AwardTypeLabelDto;
  @ApiProperty({ description: '据以判断的规则集（无评选轮次时为预设 preset:…）Rule set judged by', type: () => EligibilityRuleSetDto }) ruleSet!: EligibilityRuleSetDto;
  @ApiProperty({ description: '判断时间 As of', format: 'date-time' }) asOf!: string;
  // The scope is the one describeScope answers everywhere: the supervision lists declare its schema.
  @ApiProperty({ description: '数据范围 Scope of the rows', allOf: [{ $ref: getSchemaPath('ScopeViewDto') }] }) scope!: object;
}
