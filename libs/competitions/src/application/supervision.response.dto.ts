import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, REPORTING_CADENCES } from '../domain';
import { OVERDUE_KIND_LABELS, OVERDUE_STATE_LABELS } from '../read-models/supervision/supervision.queries';

/*
 * What the supervision lists answer (supervision.queries.ts, with the organisation names and the
 * scope the controller adds), for the OpenAPI document. Only the document reads these classes.
 */

/** Whose rows an answer holds (describeScope). */
export class ScopeViewDto {
  @ApiProperty({ description: '范围：全部 all / 本组织及下级 subtree / 本单位 org / 指派给本人评审的 assessor', enum: ['all', 'subtree', 'org', 'assessor'] }) kind!: string;
  @ApiProperty({ description: '范围所在组织 Organisation of the scope', type: String, nullable: true }) orgId!: string | null;
  @ApiProperty({ description: '组织名称 Its name', type: String, nullable: true }) orgName!: string | null;
  @ApiProperty({ description: '范围说明 The scope in words', example: '九江市劳动竞赛委员会及所属单位' }) labelZh!: string;
}

export class KeyCountDto {
  @ApiProperty({ description: '分组键 Group key' }) key!: string;
  @ApiProperty({ description: '条数 Count', type: 'integer' }) count!: number;
}

export class OrgCountDto extends KeyCountDto {
  @ApiProperty({ description: '组织名称（key 为组织标识）Organisation name (the key is its id)', type: String, nullable: true }) orgName!: string | null;
}

export class LabelledCountDto extends KeyCountDto {
  @ApiProperty({ description: '中文名称 Label' }) label!: string;
}

/** The project columns every supervision row starts with. */
export class SupervisedProjectDto {
  @ApiProperty({ description: '项目 Project id' }) projectId!: string;
  @ApiProperty({ description: '竞赛活动 Campaign id' }) campaignId!: string;
  @ApiProperty({ description: '项目名称 Title' }) title!: string;
  @ApiProperty({ description: '参赛单位 Organisation id' }) orgId!: string;
  @ApiProperty({ description: '参赛单位的上级组织 Ancestors of the organisation', type: [String] }) orgPath!: string[];
  @ApiProperty({ description: '参赛单位名称 Organisation name', type: String, nullable: true }) orgName!: string | null;
}

/** Overdue and stalled rows also name the project's category (incident rows do not). */
export class CategorisedProjectDto extends SupervisedProjectDto {
  @ApiProperty({ description: '竞赛类别 Category' }) category!: string;
  @ApiProperty({ description: '类别名称 Category label' }) categoryLabel!: string;
}

export class OverdueItemDto extends CategorisedProjectDto {
  @ApiProperty({ description: '事项标识（类型:项目:报送期或问题）Stable row id', example: 'report:p-1:2021-Q3' }) itemId!: string;
  @ApiProperty({ description: '类型：逾期未报 report / 逾期未整改 rectification', enum: Object.keys(OVERDUE_KIND_LABELS) }) kind!: string;
  @ApiProperty({ description: '类型名称 Kind label' }) kindLabel!: string;
  @ApiProperty({ description: '报送期（逾期未报）Period, for a report', type: String, nullable: true, example: '2021-Q3' }) period!: string | null;
  @ApiProperty({ description: '报送期名称 Period label', type: String, nullable: true, example: '2021年第三季度' }) periodLabel!: string | null;
  @ApiProperty({ description: '问题编号（逾期未整改）Finding id, for a rectification', type: String, nullable: true }) findingId!: string | null;
  @ApiProperty({ description: '事项说明 Detail' }) detail!: string;
  @ApiProperty({ description: '期限 Due on', format: 'date' }) dueOn!: string;
  @ApiProperty({ description: '记录逾期的时间 Marked overdue at', format: 'date-time' }) markedAt!: string;
  @ApiProperty({ description: '处理状态 State', enum: Object.keys(OVERDUE_STATE_LABELS) }) state!: string;
  @ApiProperty({ description: '状态名称 State label' }) stateLabel!: string;
  @ApiProperty({ description: '补报或整改验收的时间 Resolved at', type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
  @ApiProperty({ description: '已报整改的时间 Rectification reported at', type: String, format: 'date-time', nullable: true }) reportedAt!: string | null;
  @ApiProperty({ description: '逾期天数（北京时间自然日）Days overdue (Beijing calendar days)', type: 'integer' }) daysOverdue!: number;
}

export class OverdueSummaryDto {
  @ApiProperty({ description: '按类型 By kind', type: [LabelledCountDto] }) byKind!: LabelledCountDto[];
  @ApiProperty({ description: '逾期最多的组织 Organisations with the most', type: [OrgCountDto] }) byOrg!: OrgCountDto[];
  @ApiProperty({ description: '逾期最多的项目 Projects with the most', type: [KeyCountDto] }) byProject!: KeyCountDto[];
  @ApiProperty({ description: '数据范围 Scope of the rows', type: ScopeViewDto }) scope!: ScopeViewDto;
}

export class StalledItemDto extends CategorisedProjectDto {
  @ApiProperty({ description: '报送周期 Reporting cadence', enum: REPORTING_CADENCES }) cadence!: string;
  @ApiProperty({ description: '立项时间 Approved at', format: 'date-time' }) approvedAt!: string;
  @ApiProperty({ description: '最近一次报送 Last report at', type: String, format: 'date-time', nullable: true }) lastReportAt!: string | null;
  @ApiProperty({ description: '停滞起始 Stalled since', format: 'date-time' }) stalledSince!: string;
  @ApiProperty({ description: '距最近一次报送的天数（北京时间自然日）Days since the last report (Beijing calendar days)', type: 'integer', nullable: true }) daysSinceLastReport!: number | null;
  @ApiProperty({ description: '原因 Reason' }) reason!: string;
}

export class StalledSummaryDto {
  @ApiProperty({ description: '读取时间 As of', format: 'date-time' }) asOf!: string;
  @ApiProperty({ description: '数据范围 Scope of the rows', type: ScopeViewDto }) scope!: ScopeViewDto;
}

/** An incident as the project view and the supervision list show it. */
export class IncidentDto {
  @ApiProperty({ description: '事故编号 Incident id' }) incidentId!: string;
  @ApiProperty({ description: '发生日期 Occurred on', format: 'date' }) occurredOn!: string;
  @ApiProperty({ description: '事故等级 Severity', enum: INCIDENT_SEVERITIES }) severity!: string;
  @ApiProperty({ description: '等级名称 Severity label' }) severityLabel!: string;
  @ApiProperty({ description: '事故类型 Kind', enum: INCIDENT_KINDS }) kind!: string;
  @ApiProperty({ description: '类型名称 Kind label' }) kindLabel!: string;
  @ApiProperty({ description: '情况说明 Description' }) description!: string;
}

/** An incident as the project view shows it (IncidentDto), with its project and when it was recorded. */
export class IncidentItemDto extends IntersectionType(SupervisedProjectDto, IncidentDto) {
  @ApiProperty({ description: '记录时间 Recorded at', format: 'date-time' }) recordedAt!: string;
}

export class SeverityCountDto {
  @ApiProperty({ description: '事故等级 Severity', enum: INCIDENT_SEVERITIES }) severity!: string;
  @ApiProperty({ description: '等级名称 Label' }) label!: string;
  @ApiProperty({ description: '起数 Count', type: 'integer' }) count!: number;
}

export class IncidentSummaryDto {
  @ApiProperty({ description: '按等级（每个等级都列出）By severity, every grade listed', type: [SeverityCountDto] }) bySeverity!: SeverityCountDto[];
  @ApiProperty({ description: '事故最多的组织 Organisations with the most', type: [OrgCountDto] }) byOrg!: OrgCountDto[];
  @ApiProperty({ description: '数据范围 Scope of the rows', type: ScopeViewDto }) scope!: ScopeViewDto;
}
