import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsObject, IsOptional, IsString, Matches, Max, MaxLength, ValidateNested } from 'class-validator';
import { DomainError, WITHDRAWAL_MODES } from '@jingsai/shared';
import { MAXIMUM_NOTICE_WORKING_DAYS, NoticePeriod } from './award-domain';
import { ID_PATTERN } from './award-streams';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateMessage = (field: string) => ({ message: `${field} must be a date YYYY-MM-DD` });

export class NoticePeriodDto {
  @ApiProperty({ description: '公示期类型：按工作日 working_days / 按日历起止日期 calendar_days', enum: ['working_days', 'calendar_days'] })
  @IsIn(['working_days', 'calendar_days'])
  kind!: 'working_days' | 'calendar_days';

  @ApiPropertyOptional({ description: `工作日天数（working_days，1 至 ${MAXIMUM_NOTICE_WORKING_DAYS}）Working days, 1 to ${MAXIMUM_NOTICE_WORKING_DAYS}`, example: 5, minimum: 1, maximum: MAXIMUM_NOTICE_WORKING_DAYS })
  @IsOptional() @IsInt() @Max(MAXIMUM_NOTICE_WORKING_DAYS, { message: `days must be at most ${MAXIMUM_NOTICE_WORKING_DAYS}` })
  days?: number;
  @ApiPropertyOptional({ description: '开始日期（calendar_days）From', example: '2022-10-14' }) @IsOptional() @IsString() @Matches(DATE, dateMessage('from')) from?: string;
  @ApiPropertyOptional({ description: '结束日期（含）（calendar_days）To, inclusive', example: '2022-10-19' }) @IsOptional() @IsString() @Matches(DATE, dateMessage('to')) to?: string;
}

/**
 * The period as the domain takes it. A field of the other kind is refused rather than dropped (a
 * working-days notice with a `from` date the sender meant to count from; review 48 #13). `at` is
 * where the request holds the period (`period.`, or `notice.period.` for a level's notice).
 */
export function toNoticePeriod(p: NoticePeriodDto, at = 'period.'): NoticePeriod {
  const stray = p.kind === 'working_days' ? (['from', 'to'] as const).filter((k) => p[k] !== undefined) : p.days !== undefined ? (['days'] as const) : [];
  if (stray.length > 0) {
    const zh = p.kind === 'working_days' ? '按工作日公示时不填起止日期（from、to），开始日期请填 startsOn。' : '按日历起止日期公示时不填工作日天数（days）。';
    const en = p.kind === 'working_days' ? 'A working-days notice takes no from/to dates; give its start as startsOn.' : 'A notice by dates takes no days.';
    throw DomainError.invalidFields('NOTICE.INVALID_PERIOD', stray.map((k) => `${at}${k}`), zh, en);
  }
  return (p.kind === 'working_days' ? { kind: 'working_days', days: p.days } : { kind: 'calendar_days', from: p.from, to: p.to }) as NoticePeriod;
}

export class StartPublicNoticeRequestDto {
  @ApiProperty({ description: '公示期 Notice period', type: NoticePeriodDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => NoticePeriodDto) period!: NoticePeriodDto;
  @ApiPropertyOptional({ description: '公示开始日期（默认：按日历公示为起始日，否则为今天）Start date', example: '2024-10-08' })
  @IsOptional() @IsString() @Matches(DATE, dateMessage('startsOn'))
  startsOn?: string;
}

export class ObjectorDto {
  // Required (the domain refuses without it, with a message naming what is missing); optional here so that message is the one given.
  @ApiProperty({ description: '异议人类别：个人 individual（须填 realName 实名 + contact 联系方式）/ 单位 organization（须填 orgName 单位名称 + sealRef 公章）', enum: ['individual', 'organization'], example: 'individual' })
  @IsOptional() @IsIn(['individual', 'organization'])
  kind?: 'individual' | 'organization';

  @ApiPropertyOptional({ description: '真实姓名（个人必填）Real name (required for an individual)', example: '李四' }) @IsOptional() @IsString() @MaxLength(100) realName?: string;
  @ApiPropertyOptional({ description: '联系方式（个人必填）Contact (required for an individual)', example: '13800000000' }) @IsOptional() @IsString() @MaxLength(200) contact?: string;
  @ApiPropertyOptional({ description: '单位名称（单位必填）Organisation name (required for an organisation)' }) @IsOptional() @IsString() @MaxLength(200) orgName?: string;
  @ApiPropertyOptional({ description: '公章（扫描件编号，单位必填）Seal reference (required for an organisation)' }) @IsOptional() @IsString() @MaxLength(200) sealRef?: string;
}

export class RaiseObjectionRequestDto {
  @ApiPropertyOptional({ description: '异议编号（可选）Objection id' })
  @IsOptional() @IsString() @Matches(ID_PATTERN, { message: 'objectionId may contain letters, digits, _ . : - (1–64 characters)' })
  objectionId?: string;

  @ApiProperty({ description: '被反映的推荐 Nomination objected to' }) @IsString() @IsNotEmpty() nominationId!: string;
  @ApiProperty({ description: '反映人（须实名）Who objects; an identity is required', type: ObjectorDto }) @IsOptional() @IsObject() @ValidateNested() @Type(() => ObjectorDto) objector?: ObjectorDto;
  @ApiProperty({ description: '反映的问题 Grounds', example: '事迹材料与实际不符' }) @IsOptional() @IsString() @MaxLength(5000) grounds?: string;
}

export class ResolveObjectionRequestDto {
  @ApiProperty({ description: '核查结论：属实 upheld（撤回推荐，递补）/ 不属实 dismissed', enum: ['upheld', 'dismissed'] }) @IsIn(['upheld', 'dismissed']) outcome!: 'upheld' | 'dismissed';
  @ApiProperty({ description: '核查处理意见 Note on what was found', example: '经核查属实，撤回推荐' }) @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class HonourChangeRequestDto {
  @ApiProperty({ description: '理由 Reason', example: '经查弄虚作假，撤销荣誉' }) @IsOptional() @IsString() @MaxLength(2000) reason?: string;
  @ApiPropertyOptional({ description: '摘牌方式（withdraw）：责令 ordered / 自动 automatic / 自然 natural', enum: ['ordered', 'automatic', 'natural'] })
  @IsOptional() @IsIn(WITHDRAWAL_MODES)
  mode?: 'ordered' | 'automatic' | 'natural';
}

export class ReopenNominationsRequestDto {
  @ApiPropertyOptional({ description: '重新开放推荐的理由（必填）Why the list is reopened (required)', example: '表彰时两名人选被移出，农民工比例未达要求，需补充推荐' })
  @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class EmptyRequestDto {}
