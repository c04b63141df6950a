import { ApiProperty, getSchemaPath } from '@nestjs/swagger';

/*
 * What GET /audit/events answers (history.queries.ts LogPage, audit-entry.ts, with the scope the
 * controller adds), for the OpenAPI document. Only the document reads these classes.
 */

export class EventTypeLabelDto {
  @ApiProperty({ description: '中文 Chinese' }) zh!: string;
  @ApiProperty({ description: '英文 English' }) en!: string;
}

export class AuditWhoDto {
  @ApiProperty({ description: '操作人 User id' }) userId!: string;
  @ApiProperty({ description: '姓名 Name', type: String, nullable: true }) name!: string | null;
  @ApiProperty({ description: '角色 Role' }) role!: string;
  @ApiProperty({ description: '角色名称 Role label', type: String, nullable: true }) roleLabel!: string | null;
  @ApiProperty({ description: '所在组织 Organisation' }) orgId!: string;
}

export class AuditWhenDto {
  @ApiProperty({ description: '业务发生时间 Occurred at', format: 'date-time' }) occurredAt!: string;
  @ApiProperty({ description: '写入时间 Recorded at', format: 'date-time' }) recordedAt!: string;
  @ApiProperty({ description: '业务发生时间（北京时间）Occurred at, as a Beijing wall clock', example: '2011-05-05 00:01:00' }) occurredAtBeijing!: string;
}

export class AuditEntryDto {
  @ApiProperty({ description: '事件流 Stream' }) streamId!: string;
  @ApiProperty({ description: '流内版本 Revision in the stream', type: 'integer' }) revision!: number;
  @ApiProperty({ description: '全局位置 Global position', type: 'integer' }) position!: number;
  @ApiProperty({ description: '事件类型 Event type' }) type!: string;
  @ApiProperty({ description: '事件名称 Its label', type: EventTypeLabelDto }) typeLabel!: EventTypeLabelDto;
  @ApiProperty({ description: '谁 Who', type: AuditWhoDto }) who!: AuditWhoDto;
  @ApiProperty({ description: '何时 When', type: AuditWhenDto }) when!: AuditWhenDto;
  @ApiProperty({ description: '理由（事件记录的理由、意见）Why', type: String, nullable: true }) why!: string | null;
  @ApiProperty({ description: '事件内容（因类型而异）Event data, by type', type: 'object', additionalProperties: true }) data!: object;
  @ApiProperty({ description: '事件标识 Event id' }) eventId!: string;
  @ApiProperty({ description: '命令标识 Command id', type: String, nullable: true }) commandId!: string | null;
  @ApiProperty({ description: '关联标识 Correlation id' }) correlationId!: string;
  @ApiProperty({ description: '因果标识 Causation id', type: String, nullable: true }) causationId!: string | null;
  @ApiProperty({ description: '事件结构版本 Schema version', type: 'integer' }) schemaVersion!: number;
  @ApiProperty({ description: '前一事件的哈希 Previous hash', type: String, nullable: true }) prevHash!: string | null;
  @ApiProperty({ description: '哈希 Hash', type: String, nullable: true }) hash!: string | null;
}

/** A page of the whole log, by global position: no total, no offset (the filters apply while scanning). */
export class AuditLogPageDto {
  @ApiProperty({ description: '本页事件 This page', type: [AuditEntryDto] }) items!: AuditEntryDto[];
  @ApiProperty({ description: '每页条数 Page size', type: 'integer' }) limit!: number;
  @ApiProperty({ description: '本页起始位置 Scanned from', type: 'integer' }) fromPosition!: number;
  @ApiProperty({ description: '下一页的 fromPosition（已到日志末尾为 null）Pass as fromPosition for the next page; null at the end', type: 'integer', nullable: true }) nextPosition!: number | null;
  @ApiProperty({ description: '日志当前末尾位置 Head of the log', type: 'integer' }) head!: number;
  // The scope is the one describeScope answers everywhere: the supervision lists declare its schema.
  @ApiProperty({ description: '数据范围 Scope of the streams read', allOf: [{ $ref: getSchemaPath('ScopeViewDto') }] }) scope!: object;
}
