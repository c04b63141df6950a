import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsNotEmpty, IsNumber, IsObject, IsOptional, IsString, Matches, Max, MaxLength, ValidateNested } from 'class-validator';
import { CAMPAIGN_CATEGORY_KEYS, CAMPAIGN_METRIC_KEYS, MAXIMUM_HEADCOUNT, MAXIMUM_PARTICIPATING_ENTERPRISES } from '../domain';
import { CLIENT_ID_PATTERN } from '@jingsai/shared';

/*
 * A draft may be incomplete, so the form fields are optional here; completeness is checked by
 * the domain on submission (参赛报名表 and 竞赛实施方案 must both be filed in full). A form that
 * is given must be an object: ValidateNested alone lets an array or a string through.
 */

export class RegistrationFormDto {
  @ApiPropertyOptional({ description: '联系人 Contact person', example: '张伟' }) @IsOptional() @IsString() @MaxLength(100) contactName?: string;
  @ApiPropertyOptional({ description: '联系电话 Contact phone', example: '0792-8227328' }) @IsOptional() @IsString() @MaxLength(30) contactPhone?: string;
  @ApiPropertyOptional({ description: '电子邮箱 Contact e-mail', type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(200) contactEmail?: string | null;
  @ApiPropertyOptional({ description: '参赛职工人数 Workers taking part', example: 320, maximum: MAXIMUM_HEADCOUNT })
  @IsOptional() @IsInt() @Max(MAXIMUM_HEADCOUNT, { message: `headcount must be at most ${MAXIMUM_HEADCOUNT}` })
  headcount?: number;
  @ApiPropertyOptional({ description: '参赛企业数 Participating enterprises', type: 'integer', nullable: true, example: 1, maximum: MAXIMUM_PARTICIPATING_ENTERPRISES })
  @IsOptional() @IsInt() @Max(MAXIMUM_PARTICIPATING_ENTERPRISES, { message: `participatingEnterprises must be at most ${MAXIMUM_PARTICIPATING_ENTERPRISES}` })
  participatingEnterprises?: number | null;
  @ApiPropertyOptional({ description: '备注 Notes', type: String, nullable: true }) @IsOptional() @IsString() @MaxLength(2000) notes?: string | null;
}

export class PlanTargetDto {
  @ApiProperty({ description: '指标 Metric', enum: CAMPAIGN_METRIC_KEYS }) @IsIn(CAMPAIGN_METRIC_KEYS) metric!: string;
  @ApiProperty({ description: '目标值 Target', example: 20 }) @IsNumber() target!: number;
}

export class ImplementationPlanDto {
  @ApiPropertyOptional({ description: '竞赛目标 Goals', example: '创建工人先锋号，技术革新 20 项' }) @IsOptional() @IsString() @MaxLength(4000) goals?: string;
  @ApiPropertyOptional({ description: '开始日期 Starts on (YYYY-MM-DD)', example: '2021-08-01', format: 'date' }) @IsOptional() @IsString() @MaxLength(10) startsOn?: string;
  @ApiPropertyOptional({ description: '结束日期 Ends on (YYYY-MM-DD)', example: '2021-12-31', format: 'date' }) @IsOptional() @IsString() @MaxLength(10) endsOn?: string;
  @ApiPropertyOptional({ description: '主要措施 Measures', example: '开展技能比武与合理化建议活动' }) @IsOptional() @IsString() @MaxLength(4000) measures?: string;

  @ApiPropertyOptional({ description: '目标任务 Figures to aim for', type: [PlanTargetDto] })
  @IsOptional() @IsArray() @ArrayMaxSize(50) @IsObject({ each: true }) @ValidateNested({ each: true }) @Type(() => PlanTargetDto)
  targets?: PlanTargetDto[];
}

export class EditProjectRequestDto {
  @ApiPropertyOptional({ description: '项目名称 Title', example: '炼化装置技能比武' }) @IsOptional() @IsString() @MaxLength(200) title?: string;
  @ApiPropertyOptional({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) @IsOptional() @IsIn(CAMPAIGN_CATEGORY_KEYS) category?: string;
  @ApiPropertyOptional({ description: '本项目同时为职业技能竞赛 Also a vocational skills contest, though of another category' }) @IsOptional() @IsBoolean() skillsContest?: boolean;

  @ApiPropertyOptional({ description: '参赛报名表（整体替换）Registration form, replaced whole', type: RegistrationFormDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RegistrationFormDto)
  registrationForm?: RegistrationFormDto;

  @ApiPropertyOptional({ description: '竞赛实施方案（整体替换）Implementation plan, replaced whole', type: ImplementationPlanDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ImplementationPlanDto)
  implementationPlan?: ImplementationPlanDto;
}

export class DraftProjectRequestDto {
  @ApiPropertyOptional({ description: '项目标识（可选，默认自动生成）Project id; generated when omitted' })
  @IsOptional() @IsString() @Matches(CLIENT_ID_PATTERN, { message: 'projectId may contain letters, digits, _ . : - (1–64 characters)' })
  projectId?: string;

  @ApiProperty({ description: '竞赛活动 Campaign id', example: 'jj-2021' }) @IsString() @IsNotEmpty() campaignId!: string;

  @ApiPropertyOptional({ description: '参赛单位（默认且只能为本单位）Participating unit; defaults to (and must be) your organisation' })
  @IsOptional() @IsString() @IsNotEmpty()
  orgId?: string;

  @ApiProperty({ description: '项目名称 Title', example: '炼化装置技能比武' }) @IsString() @MaxLength(200) title!: string;
  @ApiProperty({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) @IsIn(CAMPAIGN_CATEGORY_KEYS) category!: string;
  @ApiPropertyOptional({ description: '本项目同时为职业技能竞赛（如非公企业职工技能竞赛）：其优胜者为技能竞赛优胜者。类别为职业技能竞赛的项目无需填写 Also a vocational skills contest, though of another category' })
  @IsOptional() @IsBoolean() skillsContest?: boolean;

  @ApiPropertyOptional({ description: '参赛报名表 Registration form (may be incomplete in a draft)', type: RegistrationFormDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => RegistrationFormDto)
  registrationForm?: RegistrationFormDto;

  @ApiPropertyOptional({ description: '竞赛实施方案 Implementation plan (may be incomplete in a draft)', type: ImplementationPlanDto })
  @IsOptional() @IsObject() @ValidateNested() @Type(() => ImplementationPlanDto)
  implementationPlan?: ImplementationPlanDto;
}

export class ReasonRequestDto {
  @ApiProperty({ description: '理由 Reason', example: '实施方案缺少安全措施，请补充后重新提交' }) @IsString() @MaxLength(2000) reason!: string;
}

/** 退回修改: the reason the unit revises against (named so in a refusal: reason（退回理由）). */
export class ReturnRequestDto {
  @ApiProperty({ description: '退回理由 Why it is returned for revision', example: '实施方案缺少安全措施，请补充后重新提交' }) @IsString() @MaxLength(2000) reason!: string;
}

/** 不予立项: why the application is rejected. */
export class RejectRequestDto {
  @ApiProperty({ description: '不予立项理由 Why it is rejected', example: '不属于本次竞赛重点工程范围' }) @IsString() @MaxLength(2000) reason!: string;
}

/** 终止: why the committee ends the project. */
export class TerminateRequestDto {
  @ApiProperty({ description: '终止理由 Why the project is terminated', example: '项目单位停产，竞赛无法继续' }) @IsString() @MaxLength(2000) reason!: string;
}

/** 审批意见: what the approving committee says with its approval (recorded with it; optional). */
export class ApproveRequestDto {
  @ApiPropertyOptional({ description: '审批意见（可选，记入审批记录）Approval comment, recorded with the approval', example: '材料齐全，同意立项' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class OptionalReasonRequestDto {
  @ApiPropertyOptional({ description: '理由 Reason' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class GrantExtensionRequestDto extends ReasonRequestDto {
  @ApiProperty({ description: '延期至（带时区）Until when this project may still be submitted', example: '2021-07-30T23:59:59+08:00' }) @IsString() until!: string;
}
