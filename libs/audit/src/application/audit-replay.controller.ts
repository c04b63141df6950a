import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { EVENT_STORE, EventStore, UpcasterRegistry } from '@jingsai/event-store';
import { diffJson } from '../replay/json-diff';
import { parseReplayPoint, replayPointOf } from '../replay/replay-point';
import { replayStream } from '../replay/replay-stream';
import { AuditAccess } from './audit-access';
import { DiffQueryDto, ReplayQueryDto } from './audit.query.dto';
import { streamIdParam } from './stream-id.param';
import { unlessUnreadable } from './unreadable-event';

@ApiTags('audit 审计')
@ApiBearerAuth()
// The role first, as every other route answers it: a unit asking with a bad query is told 403, not how to ask (review 41 #9).
@Roles('auditor', 'admin')
@Controller('api/v1/audit/streams/:streamId')
export class AuditReplayController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry,
    private readonly access: AuditAccess,
  ) {}

  @Get('state')
  @ApiOperation({
    summary: '重放至任意时刻 State as of an instant or a revision, recomputed from the stored events',
    description: '由存储的事件（读取时升级到当前结构）经聚合的 evolve 逐一折叠得到，不使用任何缓存。asOf 按事件发生时间（occurredAt）截取流的前缀；atRevision 含该版本。二者都不给时为当前状态。',
  })
  async state(@Param('streamId') raw: string, @Query() q: ReplayQueryDto, @CurrentUser() user: AuthUser) {
    const streamId = streamIdParam(raw);
    await unlessUnreadable(this.access.requireStream(user, streamId));
    return unlessUnreadable(replayStream(this.store, this.upcasters, streamId, replayPointOf(q)));
  }

  @Get('diff')
  @ApiOperation({
    summary: '两个时刻之间的变化 Structural diff of the state between two points (revision or ISO instant)',
    description: '返回新增（added）、删除（removed）、变更（changed）的 JSON 路径及前后取值。只写日期时，from 为该日开始时、to 为该日结束时（replay 的 asOf 亦为当日结束时），故 from=to=某日 即该日内的变化。',
  })
  async diff(@Param('streamId') raw: string, @Query() q: DiffQueryDto, @CurrentUser() user: AuthUser) {
    const streamId = streamIdParam(raw);
    // from=2021-07-08 diffs from the day's start, so that day's changes are in it, as a history's from includes them.
    const from = parseReplayPoint(q.from, 'from', 'start');
    const to = parseReplayPoint(q.to, 'to');
    await unlessUnreadable(this.access.requireStream(user, streamId));
    const [before, after] = await unlessUnreadable(
      Promise.all([replayStream(this.store, this.upcasters, streamId, from), replayStream(this.store, this.upcasters, streamId, to)]),
    );
    const { state: beforeState, ...fromPoint } = before;
    const { state: afterState, ...toPoint } = after;
    return { streamId, from: fromPoint, to: toPoint, ...diffJson(beforeState, afterState) };
  }
}
