import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { MAXIMUM_RULE_SET_VERSION } from './award-domain';
import { ID_PATTERN } from './award-streams';

/*
 * Shape only. Whether each rule, ratio and clearance makes sense is the rule-set decider's call
 * (RULESET.UNKNOWN_RULE / RULESET.INVALID_RULE), so every problem comes back in one list.
 */
export class PublishRuleSetRequestDto {
  @ApiPropertyOptional({ description: '规则集标识（可选，默认自动生成；再次发布即为新版本）Rule set id; publishing again adds a version', example: 'jj-2021' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'ruleSetId may contain letters, digits, _ . : - (1–64 characters)' })
  ruleSetId?: string;

  @ApiPropertyOptional({ description: '版本号（可选，须为下一个版本）Version; when given it must be the next one', example: 1 })
  @IsOptional() @IsInt() @Min(1) @Max(MAXIMUM_RULE_SET_VERSION, { message: `version must be at most ${MAXIMUM_RULE_SET_VERSION}` })
  version?: number;

  @ApiProperty({ description: '文号：规则所依据的通知 Citation of the notice the rules come from', example: '九江市劳动竞赛委员会 2021' })
  @IsString() @MaxLength(300)
  citation!: string;

  @ApiProperty({ description: '年度 Year', example: 2021 })
  @IsInt()
  year!: number;

  @ApiProperty({
    description: '评选条件 Eligibility rules, e.g. {"rule":"applied_on_time"}, {"rule":"min_grade","grade":"good"}, {"rule":"exclusion_window","facts":["wage_arrears"],"years":"same_year"}',
    type: 'array',
    items: { type: 'object' },
  })
  @IsArray() @ArrayMaxSize(50) @IsObject({ each: true })
  rules!: object[];

  @ApiPropertyOptional({ description: '结构比例 Slate ratios (e.g. 产业工人 ≥ 35%)', type: 'array', items: { type: 'object' } })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true })
  ratios?: object[];

  @ApiPropertyOptional({ description: '征求意见部门 Departments whose sign-off each nominee kind needs; {"byNomineeKind":{...},"stateOwnedExtra":[...]}', type: 'object', additionalProperties: true })
  @IsOptional() @IsObject()
  clearances?: object;
}
