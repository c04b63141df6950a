import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsIn, IsInt, IsISO8601, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ConsistentQueryDto, PageQueryDto } from '@jingsai/api-kit';

const toList = ({ value }: { value: unknown }) =>
  value === undefined ? undefined : (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((v) => v.trim()).filter(Boolean);

/** Filters shared by every history listing. */
class HistoryFilterDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '操作人用户标识 Only events by this actor (userId)' })
  @IsOptional() @IsString() @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: '事件类型（可逗号分隔多个）Only these event types (comma-separated)', example: 'ProjectSubmitted,ProjectApproved' })
  @IsOptional() @Transform(toList) @IsString({ each: true }) @ArrayMaxSize(50)
  type?: string[];

  @ApiPropertyOptional({ description: '起始时间（含，按发生时间 occurredAt；未写时区的按北京时间，只写日期的自当日 0 时起）From this instant (inclusive, by occurredAt; without an offset, Beijing time; a date alone, from the start of that day)', example: '2021-03-01T00:00:00+08:00' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ description: '截止时间（含，按发生时间 occurredAt；未写时区的按北京时间，只写日期的至当日结束）Up to this instant (inclusive, by occurredAt; without an offset, Beijing time; a date alone, to the end of that day)' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;
}

export class StreamHistoryQueryDto extends HistoryFilterDto {
  @ApiPropertyOptional({ description: '从该流版本开始（含）From this revision on (inclusive)', minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  fromRevision?: number;
}

export class LogHistoryQueryDto extends HistoryFilterDto {
  // The log pages by position (filters and scope are applied while scanning, so there is no
  // cheap count to skip by); an offset above 0 is refused by the controller, not ignored.
  @ApiPropertyOptional({
    description: '不支持（仅可为 0）：整个事件日志按位置分页，请把上一页返回的 nextPosition 作为 fromPosition 传入。Not supported (0 only): page with fromPosition = the previous page\'s nextPosition.',
    default: 0,
    minimum: 0,
    maximum: 0,
  })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  declare offset?: number;

  @ApiPropertyOptional({ description: '从该全局位置之后开始（不含；上一页返回的 nextPosition）After this global position (exclusive; the previous page\'s nextPosition)', minimum: 0 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  fromPosition?: number;

  @ApiPropertyOptional({ description: '事件流类别 Stream category', example: 'project' })
  @IsOptional() @Matches(/^[A-Za-z][A-Za-z0-9]{0,39}$/, { message: 'category is a stream category such as project, campaign, organization' })
  category?: string;
}

export class ReplayQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({
    description: '重放至该时刻（按发生时间；未写时区的按北京时间，只写日期的为当日结束时）；也可给流版本号（同 atRevision，与 diff 的 from/to 一致） State as of this instant (by occurredAt); a revision number is also taken, as atRevision and as diff\'s from/to take one',
    example: '2021-07-01T12:00:00+08:00',
  })
  @IsOptional() @IsString() @MaxLength(40)
  asOf?: string;

  @ApiPropertyOptional({ description: '重放至该流版本（含）State after this revision (inclusive)', minimum: 0 })
  // An empty value is refused, not read as revision 0 (Number('') is 0): a console's empty field must not show the first draft.
  @IsOptional() @Transform(({ value }) => (typeof value === 'string' && value.trim() === '' ? Number.NaN : Number(value))) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER)
  atRevision?: number;
}

export class DiffQueryDto extends ConsistentQueryDto {
  @ApiProperty({ description: '起点：流版本号或 ISO 时间；只写日期的为当日开始时（北京时间 00:00，即前一日结束时的状态），与 replay 的 asOf（当日结束时）不同：比较某一日的变化请用 from=该日&to=该日 From: a revision or an ISO instant; a bare date is the start of that Beijing day (the state at the end of the day before), unlike replay\'s asOf (its end)', example: '0' })
  @IsString() @MaxLength(40)
  from!: string;

  @ApiProperty({ description: '终点：流版本号或 ISO 时间；只写日期的为当日结束时（与 replay 的 asOf 相同）To: a revision or an ISO instant; a bare date is the end of that Beijing day, as replay\'s asOf', example: '2021-07-02T09:00:00+08:00' })
  @IsString() @MaxLength(40)
  to!: string;
}

export class VerifyQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ description: '只校验该事件流 Verify only this stream' })
  @IsOptional() @IsString() @MaxLength(200)
  streamId?: string;
}

export class ExportQueryDto extends ConsistentQueryDto {
  @ApiPropertyOptional({ description: '导出单个事件流 One stream' })
  @IsOptional() @IsString() @MaxLength(200)
  streamId?: string;

  @ApiPropertyOptional({ description: '导出竞赛活动（活动、其全部项目与评选轮次）A campaign with its projects and award rounds' })
  @IsOptional() @IsString() @MaxLength(200)
  campaignId?: string;

  @ApiPropertyOptional({ description: '导出整个事件日志 The whole log', enum: ['true'] })
  @IsOptional() @IsIn(['true', '1'])
  all?: string;

  @ApiPropertyOptional({ description: '格式：ndjson（可离线校验）或 csv（时间线表格）', enum: ['ndjson', 'csv'], default: 'ndjson' })
  @IsOptional() @IsIn(['ndjson', 'csv'])
  format?: 'ndjson' | 'csv';
}
