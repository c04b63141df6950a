import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsNotEmpty, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { CommandResponse } from '@jingsai/api-kit';
import { FINDING_SEVERITIES, INCIDENT_KINDS, INCIDENT_SEVERITIES, PROGRESS_METRIC_KEYS, PROGRESS_METRICS, RECIPIENT_KINDS } from '../domain';
import { CLIENT_ID_PATTERN, WITHDRAWAL_MODES } from '@jingsai/shared';

/*
 * Bodies of the middle of the loop (推进、督导). Shapes only: dates, periods, figures and
 * deadlines are judged by the domain, which answers in the committee's words.
 */

const ID = CLIENT_ID_PATTERN;
const ID_MESSAGE = 'ids may contain letters, digits, _ . : - (1–64 characters)';

/** Each metric with whether it accrues (累计) or is a count at the time (时点), as the catalogue says. */
export const METRIC_KINDS_TEXT = PROGRESS_METRIC_KEYS.map((k) => `${k}（${PROGRESS_METRICS[k].zh}，${PROGRESS_METRICS[k].accrues === 'flow' ? '累计' : '时点'}）`).join(', ');

export const METRICS_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'number' },
  // Each metric says whether it accrues (本期新增, summed over periods) or is a count at the time (期末数, the latest one
  // stands), so a form does not invite summing a stock (review 46 #7); the catalogue gives the same as `accrues`.
  description: `指标数据（指标 → 数值）。累计指标填本期新增，各期相加；时点指标填期末数，以最近一期为准。Figures by metric (flow: this period's, summed; stock: the count at the end, the latest stands): ${METRIC_KINDS_TEXT}`,
  example: { participants: 1200, participating_enterprises: 1, technical_innovations: 6, suggestions_made: 80, suggestions_adopted: 45 },
} as const;

/** The answer to a loop command: the usual command response, whose `itemId` names the item it recorded (report, milestone, inspection …). */
export class LoopCommandResponse extends CommandResponse {
  @ApiPropertyOptional({ description: '督导检查记录的各问题编号（按提交顺序）Ids of the findings an inspection recorded, in the order given', type: [String] }) findingIds?: string[];
}

export class FileProgressReportRequestDto {
  @ApiPropertyOptional({ description: '报告编号（可选，默认自动生成）Report id' }) @IsOptional() @IsString() @Matches(ID, { message: ID_MESSAGE }) reportId?: string;
  @ApiProperty({ description: '报送期：按月 2021-08，按季度 2021-Q3 Period', example: '2021-Q3' }) @IsString() @MaxLength(10) period!: string;
  @ApiProperty(METRICS_SCHEMA) @IsObject() metrics!: Record<string, number>;
  @ApiProperty({ description: '推进情况说明 Narrative', example: '开展挡车工技能比武 3 场，参赛职工 1200 人次' }) @IsString() @MaxLength(4000) narrative!: string;
  @ApiPropertyOptional({ description: '更正理由（更正已报送的报告时可填，记入审计历史；首次报送不适用）Why a report is corrected (shown in the audit history); not for a first report' })
  @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

export class RecordMilestoneRequestDto {
  @ApiPropertyOptional({ description: '节点编号（可选）Milestone id' }) @IsOptional() @IsString() @Matches(ID, { message: ID_MESSAGE }) milestoneId?: string;
  @ApiProperty({ description: '节点名称 Title', example: '首届挡车工技能比武决赛' }) @IsString() @MaxLength(200) title!: string;
  @ApiProperty({ description: '达成日期 Reached on (YYYY-MM-DD)', example: '2021-09-28', format: 'date' }) @IsString() @MaxLength(10) reachedOn!: string;
  @ApiPropertyOptional({ description: '说明 Description' }) @IsOptional() @IsString() @MaxLength(4000) description?: string;
}

export class CommendationRecipientDto {
  @ApiProperty({ description: '表彰对象类型：集体（班组）team / 个人 person', enum: RECIPIENT_KINDS }) @IsIn(RECIPIENT_KINDS) kind!: string;
  @ApiProperty({ description: '名称或姓名 Name', example: '细纱车间甲班' }) @IsString() @MaxLength(200) name!: string;
  @ApiPropertyOptional({ description: '所在组织 Organisation', type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(64) orgId?: string | null;
  @ApiPropertyOptional({ description: '个人编号（与评选推荐所用编号一致，用于核对荣誉）Person id, as award nominations name them', type: String, nullable: true })
  @IsOptional() @IsString() @MaxLength(64) id?: string | null;
}

export class GiveCommendationRequestDto {
  @ApiPropertyOptional({ description: '表彰编号（可选）Commendation id' }) @IsOptional() @IsString() @Matches(ID, { message: ID_MESSAGE }) commendationId?: string;
  @ApiProperty({ description: '表彰对象 Recipient', type: CommendationRecipientDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => CommendationRecipientDto) recipient!: CommendationRecipientDto;
  @ApiProperty({ description: '表彰事由 Citation', example: '技能比武决赛团体第一名' }) @IsString() @MaxLength(2000) citation!: string;
}

export class FindingInputDto {
  @ApiPropertyOptional({ description: '问题编号（可选，默认按检查编号顺序生成）Finding id' }) @IsOptional() @IsString() @Matches(ID, { message: ID_MESSAGE }) findingId?: string;
  @ApiProperty({ description: '问题描述 Description', example: '安全培训台账不全' }) @IsString() @MaxLength(2000) description!: string;
  @ApiProperty({ description: '问题等级 Severity', enum: FINDING_SEVERITIES }) @IsIn(FINDING_SEVERITIES) severity!: string;
  @ApiProperty({ description: '整改期限 Rectify by (YYYY-MM-DD)', example: '2021-10-31', format: 'date' }) @IsString() @MaxLength(10) rectifyBy!: string;
}

export class RecordInspectionRequestDto {
  @ApiPropertyOptional({ description: '检查编号（可选）Inspection id' }) @IsOptional() @IsString() @Matches(ID, { message: ID_MESSAGE }) inspectionId?: string;
  @ApiProperty({ description: '检查日期 Inspected on (YYYY-MM-DD)', example: '2021-10-12', format: 'date' }) @IsString() @MaxLength(10) inspectedOn!: string;

  @ApiProperty({ description: '发现的问题（未发现问题时为空列表）Findings', type: [FindingInputDto] })
  @IsArray() @ArrayMaxSize(100) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => FindingInputDto)
  findings!: FindingInputDto[];
}

export class ReportRectificationRequestDto {
  @ApiProperty({ description: '整改情况 What was done', example: '已补齐安全培训台账并组织复训' }) @IsString() @MaxLength(4000) description!: string;
}

export class OptionalNoteRequestDto {
  @ApiPropertyOptional({ description: '意见 Note' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class ChangeCommendationRequestDto {
  @ApiProperty({ description: '理由 Why (e.g. 以弄虚作假取得)', example: '经查材料弄虚作假' }) @IsString() @MaxLength(2000) reason!: string;
  @ApiPropertyOptional({ description: '摘牌方式（仅摘牌）：责令 ordered / 自动 automatic / 自然 natural', enum: ['ordered', 'automatic', 'natural'] })
  @IsOptional() @IsIn(WITHDRAWAL_MODES) mode?: string;
}

export class RequiredNoteRequestDto {
  @ApiProperty({ description: '退回意见 Why it is sent back', example: '复训记录缺少签到表' }) @IsString() @MaxLength(2000) note!: string;
}

export class RecordIncidentRequestDto {
  @ApiPropertyOptional({ description: '事故编号（可选）Incident id' }) @IsOptional() @IsString() @Matches(ID, { message: ID_MESSAGE }) incidentId?: string;
  @ApiProperty({ description: '发生日期 Occurred on (YYYY-MM-DD)', example: '2021-11-03', format: 'date' }) @IsString() @MaxLength(10) occurredOn!: string;
  @ApiProperty({
    description:
      '事故等级，按《生产安全事故报告和调查处理条例》划分：minor 一般事故（死亡 3 人以下或重伤 10 人以下）、serious 较大事故（死亡 3–9 人或重伤 10–49 人）、major 重大事故（死亡 10–29 人或重伤 50–99 人）、catastrophic 特别重大事故（死亡 30 人以上或重伤 100 人以上）。' +
      ' Severity, graded as the PRC regulation on work-safety accidents grades them.',
    enum: INCIDENT_SEVERITIES,
  })
  @IsIn(INCIDENT_SEVERITIES)
  severity!: string;
  @ApiProperty({ description: '事故类型 Kind', enum: INCIDENT_KINDS }) @IsIn(INCIDENT_KINDS) kind!: string;
  @ApiProperty({ description: '经过 Description', example: '细纱机检修时手部轻微划伤' }) @IsString() @IsNotEmpty() @MaxLength(4000) description!: string;
}
