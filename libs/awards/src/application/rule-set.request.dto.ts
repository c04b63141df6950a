import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsObject, IsOptional, IsString, Matches, Max, MaxLength, Min, IsNotIn } from 'class-validator';
import {
  AWARD_TYPES, DERIVED_HONOUR_TYPES, GRADES, HONOUR_LEVELS, MAXIMUM_RULE_SET_VERSION, NOMINEE_ATTRIBUTE_KEYS, ORG_FACT_KINDS, PROJECT_INCIDENT_KINDS, RULE_KEYS,
} from './award-domain';
import { ID_PATTERN } from './award-streams';

/*
 * The shapes of a rule, a ratio and a predicate, for the OpenAPI document only: the request DTOs
 * check that each is an object, and the rule-set and round deciders judge the rest (so every
 * problem comes back in one list), which is why these classes carry no validation.
 */

/** A name in both languages. */
export class LabelDto {
  @ApiProperty({ description: '中文 Chinese', example: '产业工人' }) zh!: string;
  @ApiProperty({ description: '英文 English', example: 'industrial workers' }) en!: string;
}

const ATTRIBUTE_VALUE = { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }] };

/** Selects nominees by one attribute (attribute-predicate.ts): equals a value, is one of several, or, with neither, a yes/no attribute that is true. */
export class AttributePredicateDto {
  @ApiProperty({ description: '人选属性 Nominee attribute', enum: NOMINEE_ATTRIBUTE_KEYS, example: 'occupationCategory' }) attribute!: string;
  @ApiPropertyOptional({ description: '等于该值（与 oneOf 二选一）Equals this value', ...ATTRIBUTE_VALUE, example: 'industrial_worker' }) equals?: string | number | boolean;
  @ApiPropertyOptional({ description: '为其中之一（与 equals 二选一）Is one of these', type: 'array', items: ATTRIBUTE_VALUE, minItems: 1 }) oneOf?: Array<string | number | boolean>;
}

/** A structural ratio (结构比例) over the whole slate (slate-ratios.ts). */
@ApiExtraModels(AttributePredicateDto)
export class RatioSpecDto {
  @ApiProperty({ description: '比例标识（不可重复）Key, unique in the list', example: 'industrial_workers' }) key!: string;
  @ApiProperty({ description: '名称 Label', type: LabelDto }) label!: LabelDto;
  @ApiProperty({ description: '计入分子的人选 Nominees counted', type: AttributePredicateDto }) where!: AttributePredicateDto;
  @ApiProperty({ description: '不少于 >= / 不超过 <=', enum: ['>=', '<='] }) op!: '>=' | '<=';
  @ApiProperty({ description: '百分比 Percent', minimum: 0, maximum: 100, example: 35 }) percent!: number;
  @ApiProperty({
    description: '分母：全部人选 all，或符合条件的人选 Denominator: the whole slate, or the nominees matching a predicate',
    oneOf: [{ type: 'string', enum: ['all'] }, { $ref: getSchemaPath(AttributePredicateDto) }],
    example: 'all',
  })
  denominator!: 'all' | AttributePredicateDto;
}

/**
 * One eligibility rule (rule-spec.ts): `rule` picks the check, the other members are its
 * parameters, and a rule takes only its own (RULESET.INVALID_RULE names any other).
 */
export class RuleSpecDto {
  @ApiProperty({
    description: '规则（名称见 GET /api/v1/rule-sets/presets 的 rules）Rule; the labels are listed by GET /api/v1/rule-sets/presets (rules). ' +
      'Parameters: min_grade: grade; no_repeat_honour: awardTypes?, level?; prerequisite_honour: awardTypes, level, withinYears; exclusion_window: facts, years, appliesTo?; project_veto: incidentKinds; the others none.',
    enum: RULE_KEYS,
  })
  rule!: string;
  @ApiPropertyOptional({ description: '最低考核等次（min_grade）Minimum grade', enum: GRADES }) grade?: string;
  @ApiPropertyOptional({ description: '荣誉类型（no_repeat_honour、prerequisite_honour）Honour types', type: 'array', items: { type: 'string', enum: [...AWARD_TYPES, ...DERIVED_HONOUR_TYPES] }, minItems: 1 }) awardTypes?: string[];
  @ApiPropertyOptional({ description: '荣誉级别（no_repeat_honour、prerequisite_honour）Honour level', enum: HONOUR_LEVELS }) level?: string;
  @ApiPropertyOptional({ description: '年限（prerequisite_honour）Within so many years', type: 'integer', minimum: 1 }) withinYears?: number;
  @ApiPropertyOptional({ description: '限制事项（exclusion_window）Organisation facts that bar', type: 'array', items: { type: 'string', enum: [...ORG_FACT_KINDS] }, minItems: 1 }) facts?: string[];
  @ApiPropertyOptional({ description: '限制年限，或当年 same_year（exclusion_window）Years barred, or the fact’s calendar year', oneOf: [{ type: 'integer', minimum: 1 }, { type: 'string', enum: ['same_year'] }] })
  years?: number | 'same_year';
  @ApiPropertyOptional({ description: '个人推荐对象受限范围（exclusion_window）：all 单位全体职工（默认），organisations_and_heads 仅单位负责人（occupationCategory 为 enterprise_head）Whom it bars among persons', enum: ['all', 'organisations_and_heads'] })
  appliesTo?: string;
  @ApiPropertyOptional({ description: '一票否决的事故类型（project_veto）Incident kinds that veto', type: 'array', items: { type: 'string', enum: [...PROJECT_INCIDENT_KINDS] }, minItems: 1 }) incidentKinds?: string[];
}

/*
 * Shape only. Whether each rule, ratio and clearance makes sense is the rule-set decider's call
 * (RULESET.UNKNOWN_RULE / RULESET.INVALID_RULE), so every problem comes back in one list.
 */
export class PublishRuleSetRequestDto {
  @ApiPropertyOptional({ description: '规则集标识（可选，默认自动生成；再次发布即为新版本）Rule set id; publishing again adds a version', example: 'jj-2021' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'ruleSetId may contain letters, digits, _ . : - (1–64 characters)' })
  // GET /rule-sets/presets lists the presets: a rule set of that id could never be read.
  @IsNotIn(['presets'], { message: 'ruleSetId "presets" is the address of the presets; choose another id' })
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
    type: [RuleSpecDto],
  })
  @IsArray() @ArrayMaxSize(50) @IsObject({ each: true })
  rules!: RuleSpecDto[];

  @ApiPropertyOptional({ description: '结构比例 Slate ratios (e.g. 产业工人 ≥ 35%)', type: [RatioSpecDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true })
  ratios?: RatioSpecDto[];

  @ApiPropertyOptional({ description: '征求意见部门 Departments whose sign-off each nominee kind needs; {"byNomineeKind":{...},"stateOwnedExtra":[...]}: stateOwnedExtra（审计、纪检等）适用于国有企业单位、班组及其负责人（occupationCategory 为 enterprise_head），不适用于普通职工 (for a state-owned enterprise, its teams and its head, not its workers)', type: 'object', additionalProperties: true })
  @IsOptional() @IsObject()
  clearances?: object;
}
