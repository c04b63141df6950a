import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { METRIC_KINDS_TEXT, METRICS_SCHEMA } from './project-loop.request.dto';

/*
 * Bodies of assessment (评估考核) and summary (总结). Assessors are named by user id and
 * organisation; the handler looks up each organisation's place in the tree for the conflict check.
 */

export class AssessorInputDto {
  @ApiProperty({ description: '评估专家账号 Assessor user id', example: 'u-assessor' }) @IsString() @IsNotEmpty() @MaxLength(64) userId!: string;
  @ApiProperty({ description: '评估专家所在单位 Assessor organisation', example: 'jiujiang-university' }) @IsString() @IsNotEmpty() @MaxLength(64) orgId!: string;
  @ApiPropertyOptional({ description: '评估专家姓名 Name', example: '赵教授' }) @IsOptional() @IsString() @MaxLength(100) name?: string;
}

export class WaiverInputDto {
  @ApiProperty({ description: '豁免的评估专家账号 Assessor user id' }) @IsString() @IsNotEmpty() @MaxLength(64) userId!: string;
  @ApiProperty({ description: '豁免理由 Why the conflict is acceptable', example: '行业内唯一具备资质的专家，已签署回避承诺' }) @IsString() @MaxLength(2000) reason!: string;
}

export class OpenAssessmentRequestDto {
  @ApiProperty({ description: '评估专家（锁定名单）Assessors; the set is locked once assessment opens', type: [AssessorInputDto] })
  @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => AssessorInputDto)
  assessors!: AssessorInputDto[];

  @ApiPropertyOptional({ description: '利益冲突豁免 Waivers of organisational conflicts, each with a reason', type: [WaiverInputDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => WaiverInputDto)
  waivers?: WaiverInputDto[];
}

export class AddAssessorRequestDto {
  @ApiProperty({ description: '增补的评估专家 Assessor to add', type: AssessorInputDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => AssessorInputDto) assessor!: AssessorInputDto;
  @ApiProperty({ description: '增补理由 Why an assessor is added after the lock', example: '原专家因病无法评分' }) @IsString() @MaxLength(2000) reason!: string;
  @ApiPropertyOptional({ description: '存在利益冲突时的豁免理由 Waiver reason if the assessor has a conflict', type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) waiverReason?: string | null;
}

export class DeclareConflictRequestDto {
  @ApiProperty({ description: '回避理由 Why you withdraw', example: '本人曾担任该企业技术顾问' }) @IsString() @MaxLength(2000) reason!: string;
}

export class RecordScoresRequestDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    description: '各项指标得分（指标 → 分数），每项一次 Scores by criterion, every criterion of the scheme once',
    example: { quality: 92, schedule: 88, technical_innovation: 90, scientific_management: 85, safety_saving: 95, civilized_construction: 90 },
  })
  @IsObject()
  scores!: Record<string, number>;

  @ApiPropertyOptional({ description: '更正理由（再次提交即为更正，更正时必填，随更正记录） Why a correction changes the sheet (required for a correction)', example: '复核后调整工期得分' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}

export class SubmitSummaryRequestDto {
  // Its own text: the period reports' (本期新增) contradicted the summary's (全周期合计), review 52 #8.
  @ApiProperty({ ...METRICS_SCHEMA, description: `竞赛成果：累计指标填全周期合计，时点指标（参赛企业、首席技师等）填期末数。Outcomes for the whole period: totals of flows, end-of-period counts of stocks: ${METRIC_KINDS_TEXT}` })
  @IsObject()
  outcomes!: Record<string, number>;

  @ApiProperty({ description: '典型经验 Experience to promote', example: '以“师带徒”带动技能提升，形成可推广的操作法' }) @IsString() @MaxLength(8000) experience!: string;
}

export class ReturnSummaryRequestDto {
  @ApiProperty({ description: '退回理由 Reason', example: '成果数据与季度报告不一致，请核实' }) @IsString() @MaxLength(2000) reason!: string;
}
