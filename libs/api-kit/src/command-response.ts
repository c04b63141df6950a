import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CommandOutcome } from '@jingsai/event-store';

/** What every command answers: the new revision and the global position to read your writes. */
export class CommandResponse {
  @ApiProperty({ description: '对象标识 Id of the aggregate the command acted on' }) id!: string;
  @ApiProperty({ description: '事件流 Stream name', example: 'project-7f1c…' }) streamId!: string;
  @ApiProperty({ description: '流版本（ETag） Revision of the stream after the command', nullable: true, type: Number }) revision!: number | null;
  @ApiProperty({ description: '全局位置，查询时作为 minPosition 传入以读取自己的写入 Global position; pass it as minPosition to read your writes' }) position!: number;
  @ApiProperty({ description: '记录的事件类型 Types of the events recorded', type: [String] }) events!: string[];
  @ApiProperty({ description: '重复请求（相同 Idempotency-Key），未写入新事件 True when this replays an earlier request' }) replayed!: boolean;
  @ApiPropertyOptional({ description: '对象内新记录或所办理的事项编号（报告、节点、提名、异议、荣誉等）Id of the item within the aggregate the command recorded or acted on' })
  itemId?: string;
  @ApiPropertyOptional({ description: '说明：未记录任何事件时（所提交的内容与现有记录相同，或该事项已办理），或所记录的内容需要留意时（如报送期尚未结束）A note when the command recorded nothing (what it asked for is already so), or on what it recorded (a report filed while its period still runs)' })
  noteZh?: string;
  @ApiPropertyOptional({ description: 'The same note in English' })
  noteEn?: string;
}

/** Said when a command (not a replay) records nothing: the caller asked for what is already so. */
export const NOTHING_CHANGED = {
  noteZh: '所提交的内容与现有记录相同（或该事项已办理），未作任何修改，也未记录新的事件。',
  noteEn: 'Nothing changed: what was sent is already the record (or the step was already taken), so no event was recorded.',
} as const;

export interface ReplyLike {
  header(name: string, value: string): unknown;
  code?(status: number): unknown;
}

/**
 * The answer of a command: `id` is always the aggregate's (the project, the round). `itemId`
 * names the item inside it the command recorded or acted on (a report, a nomination, an honour).
 * `location`, on the routes that create a resource, is the collection the new one is read from:
 * the answer then carries `Location: <collection>/<id>` (a retry replayed by its Idempotency-Key
 * points at the same resource). A create route that recorded nothing (the same content published
 * again, which changes nothing) answers 200, not 201: nothing was created.
 */
export function commandResponse(id: string, outcome: CommandOutcome<unknown>, reply?: ReplyLike, extra: { location?: string; itemId?: string } = {}): CommandResponse {
  const { location, itemId } = extra;
  if (reply && outcome.revision !== null) reply.header('etag', `"${outcome.revision}"`);
  if (reply && outcome.replayed) reply.header('idempotent-replayed', 'true');
  if (reply && location) reply.header('location', `${location}/${encodeURIComponent(id)}`);
  if (reply?.code && location && outcome.events.length === 0 && !outcome.replayed) reply.code(200);
  return {
    id,
    streamId: outcome.streamId,
    revision: outcome.revision,
    position: outcome.position,
    events: outcome.events.map((e) => e.type),
    replayed: outcome.replayed,
    ...(itemId !== undefined ? { itemId } : {}),
    ...(outcome.events.length === 0 && !outcome.replayed ? NOTHING_CHANGED : {}),
  };
}

/** OpenAPI for a create route's `Location` header. */
export const LOCATION_HEADER = { Location: { description: '新建对象的地址 Where the created resource is read', schema: { type: 'string' } } } as const;
