import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, ValidateNested } from 'class-validator';
import { DEPARTMENTS, MAXIMUM_QUOTA, NOMINEE_KINDS, POOLS } from './award-domain';
import { ID_PATTERN } from './award-streams';
import { NoticePeriodDto } from './notice.request.dto';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class NomineeDto {
  @ApiProperty({ description: '推荐对象类型：单位 unit / 班组 team / 个人 person', enum: NOMINEE_KINDS }) @IsIn(NOMINEE_KINDS) kind!: (typeof NOMINEE_KINDS)[number];
  @ApiProperty({ description: '推荐对象标识（单位即组织标识）Nominee id (a unit’s is its organisation id)' }) @IsString() @IsNotEmpty() @MaxLength(100) id!: string;
  @ApiProperty({ description: '姓名或名称 Name', example: '张师傅' }) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ description: '所在单位（默认为竞赛项目的单位）Organisation; defaults to the project’s' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'orgId may contain letters, digits, _ . : - (1–64 characters)' }) orgId?: string;
}

export class NominateRequestDto {
  @ApiPropertyOptional({ description: '推荐编号（可选）Nomination id' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'nominationId may contain letters, digits, _ . : - (1–64 characters)' })
  nominationId?: string;

  @ApiProperty({ description: '推荐对象 Nominee', type: NomineeDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => NomineeDto) nominee!: NomineeDto;
  @ApiPropertyOptional({ description: '所依托的竞赛项目（项目类条件据此核对）Competition project the nomination rests on' }) @IsOptional() @IsString() @IsNotEmpty() projectId?: string;
  @ApiPropertyOptional({ description: '名额池（默认本轮第一个；竞赛表彰 competition_reserved 限本次竞赛优胜者：所属项目考核优秀，或本次竞赛职业技能竞赛的优胜者，须填写其项目 projectId）Pool; defaults to the round’s first; the reserved pool takes a project graded excellent, or a champion of one of the campaign’s skills contests named by projectId', enum: POOLS }) @IsOptional() @IsIn(POOLS) pool?: (typeof POOLS)[number];
  @ApiPropertyOptional({ description: '推荐单位（默认本人所在组织）Recommending organisation; defaults to yours' }) @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'recommenderOrgId may contain letters, digits, _ . : - (1–64 characters)' }) recommenderOrgId?: string;
  @ApiPropertyOptional({ description: '是否递补人选 A substitute (递补), promoted when a primary drops out' }) @IsOptional() @IsBoolean() substitute?: boolean;
  @ApiPropertyOptional({ description: '递补顺序（默认 1）Order among substitutes', minimum: 1, maximum: MAXIMUM_QUOTA })
  @IsOptional() @IsInt() @Max(MAXIMUM_QUOTA, { message: `order must be at most ${MAXIMUM_QUOTA}` })
  order?: number;
  @ApiPropertyOptional({ description: '人选属性（结构比例用）：occupationCategory、migrantWorker、nonPublic、enterpriseEmployee、frontline、age、skillsChampion', type: 'object', additionalProperties: true })
  @IsOptional() @IsObject()
  attributes?: Record<string, string | number | boolean | null>;
}

/** 逐级公示: the notice a level held of its list before passing a nomination up. */
export class LevelNoticeDto {
  @ApiProperty({ description: '公示期（与本轮公示同样的要求：按工作日，或按日历起止日期）Notice period, held to the round’s minimum', type: NoticePeriodDto })
  @IsDefined() @IsObject() @ValidateNested() @Type(() => NoticePeriodDto)
  period!: NoticePeriodDto;
  @ApiProperty({ description: '公示开始日期 Start date', example: '2022-03-11' }) @IsString() @Matches(DATE, { message: 'startsOn must be a date YYYY-MM-DD' }) startsOn!: string;
}

const LEVEL_NOTICE_DESCRIPTION = '本级公示（可选）：本级对推荐名单的公示，须不短于本轮公示期要求，并已结束；记录在案供审计查看 This level’s own public notice of its list (optional), held to the round’s minimum and over before this step';

export class RecommendRequestDto {
  @ApiProperty({ description: '职代会（或职工大会）审议日期 Date of the workers’ congress decision', example: '2022-03-10' })
  @IsString() @Matches(DATE, { message: 'workersCongressOn must be a date YYYY-MM-DD' })
  workersCongressOn!: string;
  @ApiPropertyOptional({ description: `${LEVEL_NOTICE_DESCRIPTION}（单位内公示）`, type: LevelNoticeDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => LevelNoticeDto) notice?: LevelNoticeDto;
}

export class ReviewRequestDto {
  @ApiProperty({ description: '审核层级 Review level (one of the round’s levels)', example: 'county' }) @IsString() @IsNotEmpty() level!: string;
  @ApiProperty({ description: '结论：同意 approved / 不同意 rejected', enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected']) decision!: 'approved' | 'rejected';
  @ApiPropertyOptional({ description: '意见（不同意时必填）Note; required for a rejection' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
  @ApiPropertyOptional({ description: LEVEL_NOTICE_DESCRIPTION, type: LevelNoticeDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => LevelNoticeDto) notice?: LevelNoticeDto;
}

export class WithdrawNominationRequestDto {
  @ApiProperty({ description: '撤回理由 Why the nomination is withdrawn', example: '一线职工比例未达要求，改由递补人选参评' })
  @IsString() @MaxLength(2000)
  reason!: string;
}

export class ClearanceRequestDto {
  @ApiProperty({ description: '征求意见部门 Department', enum: DEPARTMENTS }) @IsIn(DEPARTMENTS) department!: (typeof DEPARTMENTS)[number];
  @ApiProperty({ description: '部门意见：同意 granted / 不同意 refused', enum: ['granted', 'refused'] }) @IsIn(['granted', 'refused']) decision!: 'granted' | 'refused';
  @ApiPropertyOptional({ description: '说明（不同意时必填）Note; required for a refusal' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}
