import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { DomainError } from '@jingsai/shared';
import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { eventTypeLabels } from '../labels/event-type-labels';
import { LogPage, StreamHistoryPage, logHistory, streamHistory } from '../history/history.queries';
import { AuditAccess } from './audit-access';
import { LogHistoryQueryDto, StreamHistoryQueryDto } from './audit.query.dto';
import { streamIdParam } from './stream-id.param';
import { unlessUnreadable } from './unreadable-event';
import { requireKnownFilters } from './known-filters';
import { AuditLogPageDto } from './audit.response.dto';

@ApiTags('audit 审计')
@ApiBearerAuth()
// The role first, as every other route answers it: a unit asking with a bad query is told 403, not how to ask (review 41 #9).
@Roles('auditor', 'admin')
@Controller('api/v1/audit')
export class AuditHistoryController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly access: AuditAccess,
  ) {}

  @Get('streams/:streamId/events')
  @ApiOperation({
    summary: '事件历史 A stream\'s events: who, when, what, why, with the hash chain',
    description:
      '审计人员（本辖区）与系统管理员可查看。按流版本排序；可按操作人、事件类型、发生时间筛选，按 limit/offset 或 fromRevision 分页。' +
      '上级组织开展的评选轮次，本辖区有推荐对象的审计人员可查看其中与本辖区有关的部分：答复带 part（kind: round_part、nominationIds、说明），total 只计这一部分，异议人身份已隐去，不含哈希。' +
      ' An award round run above an auditor whose subtree holds some of its nominees is answered in part: `part` says so, `total` counts the part only, objectors are withheld and no hashes are given.',
  })
  async streamEvents(@Param('streamId') raw: string, @Query() q: StreamHistoryQueryDto, @CurrentUser() user: AuthUser): Promise<StreamHistoryPage & { part?: object }> {
    const streamId = streamIdParam(raw);
    const part = await unlessUnreadable(this.access.requireStreamOrRoundPart(user, streamId));
    requireKnownFilters(q);
    const filter = { actor: q.actor, types: q.type, from: q.from, to: q.to, limit: q.limit ?? 50, offset: q.offset ?? 0, fromRevision: q.fromRevision };
    if (!part) return unlessUnreadable(streamHistory(this.store, streamId, filter));
    const page = await unlessUnreadable(streamHistory(this.store, streamId, filter, (event) => part.select(event)));
    return {
      ...page,
      // Said in the answer, so the page is not taken for the round's whole history.
      part: {
        kind: 'round_part',
        nominationIds: part.nominationIds,
        noteZh: '本评选轮次由上级组织开展：这里只显示评选轮次的公共事件（创建、公示、重新开放推荐）和本辖区推荐对象的相关事件，异议人身份已隐去；完整历史的哈希链校验、重放与导出由组织评选单位的审计人员办理。',
        noteEn: "This round is run above you: only its round-wide events (creation, notice, reopening) and the events of your subtree's nominations are shown, objectors' identities withheld; verifying, replaying and exporting its whole history is for the organiser's auditors.",
      },
    };
  }

  @Get('events')
  @ApiOkResponse({ description: 'A page of the log by global position', type: AuditLogPageDto })
  @ApiOperation({
    summary: '全部事件日志 The whole log by global position',
    description:
      '按全局位置分页：首页不带 fromPosition，下一页把上一页返回的 nextPosition 作为 fromPosition 传入，nextPosition 为 null 表示已到日志末尾；' +
      '不支持 offset（大于 0 时返回 400 AUDIT.OFFSET_NOT_SUPPORTED），因为筛选与辖区范围在扫描时才应用，按条数跳过无法保证不漏不重。' +
      '可按事件流类别、操作人、事件类型、发生时间筛选。非最高层级的审计人员只看到本辖区内的事件流。' +
      ' Pages by global position: omit fromPosition for the first page, then pass the previous page\'s nextPosition as fromPosition; null means the end of the log. ' +
      'offset is not supported (above 0 it is a 400 AUDIT.OFFSET_NOT_SUPPORTED).',
  })
  async logEvents(@Query() q: LogHistoryQueryDto, @CurrentUser() user: AuthUser): Promise<LogPage & { scope: ReturnType<AuditAccess['describe']> }> {
    // Refused, not ignored: ignoring it answered page one again for every offset, so a UI paging
    // by offset looped over the first page without noticing.
    if ((q.offset ?? 0) > 0) {
      const zh = '整个事件日志不支持 offset 分页：请把上一页返回的 nextPosition 作为 fromPosition 传入（首页不带 fromPosition）。';
      const en = "The log does not page by offset: pass the previous page's nextPosition as fromPosition (omit it for the first page).";
      throw DomainError.validation('AUDIT.OFFSET_NOT_SUPPORTED', zh, en, { errors: [{ field: 'offset', messageZh: '不支持，请改用 fromPosition', messageEn: 'not supported; use fromPosition' }] });
    }
    const unrestricted = await this.access.requireAuditor(user);
    requireKnownFilters(q);
    const scope = this.access.scope();
    const page = await unlessUnreadable(logHistory(
      this.store,
      { actor: q.actor, types: q.type, from: q.from, to: q.to, limit: q.limit ?? 50, fromPosition: q.fromPosition ?? 0, category: q.category },
      unrestricted ? undefined : (event) => this.access.mayRead(user, event.streamId, scope),
    ));
    // A restricted auditor's page skips streams outside the subtree: the answer says so, so a short page is not read as the whole log.
    return { ...page, scope: this.access.describe(user, unrestricted) };
  }

  @Get('event-types')
  @ApiOperation({ summary: '事件类型名称表 Chinese and English labels of the event types' })
  async eventTypes(@CurrentUser() user: AuthUser) {
    await this.access.requireAuditor(user);
    return { items: eventTypeLabels() };
  }
}
