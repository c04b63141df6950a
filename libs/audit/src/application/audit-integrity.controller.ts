import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { CLOCK, Clock, DomainError } from '@jingsai/shared';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { EVENT_STORE, EventStore, verifyEventLog } from '@jingsai/event-store';
import { ExportSelection, describeSelection, exportPages } from '../export/export-selection';
import { csvChunks, ndjsonChunks } from '../export/export-formats';
import { AuditAccess } from './audit-access';
import { ExportQueryDto, VerifyQueryDto } from './audit.query.dto';
import { streamIdParam } from './stream-id.param';
import { unlessUnreadable } from './unreadable-event';
import { yieldingReads } from './yielding-reads';

@ApiTags('audit 审计')
@ApiBearerAuth()
// The role first, as every other route answers it: a unit asking with a bad query is told 403, not how to ask (review 41 #9).
@Roles('auditor', 'admin')
@Controller('api/v1/audit')
export class AuditIntegrityController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly access: AuditAccess,
  ) {}

  @Get('verify')
  @ApiOperation({
    summary: '校验防篡改哈希链 Verify the hash chain: the first broken link of each stream and a summary',
    description: '逐流校验版本连续、prevHash 衔接与哈希值；不给 streamId 时校验整个日志（非最高层级的审计人员只看到本辖区事件流的异常明细）。',
  })
  async verify(@Query() q: VerifyQueryDto, @CurrentUser() user: AuthUser) {
    const scope = this.access.scope();
    // Whose whole log the caller audits, as the summary says it, whatever was checked this time.
    const callerUnrestricted = await this.access.requireAuditor(user);
    let unrestricted = callerUnrestricted;
    if (q.streamId !== undefined) {
      // One stream the caller may read: its broken links, if any, are all theirs to see.
      await unlessUnreadable(this.access.requireStream(user, streamIdParam(q.streamId), scope));
      unrestricted = true;
    }
    const report = await verifyEventLog(yieldingReads(this.store), { streamId: q.streamId });
    const visible = [];
    for (const link of report.brokenLinks) {
      if (unrestricted || (await this.access.mayRead(user, link.streamId, scope).catch(() => false))) visible.push(link);
    }
    const byProblem: Record<string, number> = {};
    for (const link of report.brokenLinks) byProblem[link.problem] = (byProblem[link.problem] ?? 0) + 1;
    return {
      ...report,
      brokenLinks: visible,
      summary: {
        checkedAt: this.clock.now().toISOString(),
        // What was checked (one stream, or the whole log); the details below are those of `yourScope`.
        scope: q.streamId ?? 'all',
        yourScope: this.access.describe(user, callerUnrestricted),
        brokenStreams: report.brokenLinks.length,
        byProblem,
        outOfScopeBrokenLinks: report.brokenLinks.length - visible.length,
        messageZh: report.ok ? '未发现篡改、缺失或乱序。' : `发现 ${report.brokenLinks.length} 个事件流存在异常。`,
        messageEn: report.ok ? 'No altered, missing or reordered event found.' : `${report.brokenLinks.length} stream(s) have a broken link.`,
      },
    };
  }

  /**
   * True when the caller may export only their part of the campaign: its organiser lies outside
   * their scope. An auditor below the organiser reads the campaign's own stream, but its projects
   * and rounds only within their subtree.
   */
  private async campaignPart(user: AuthUser, campaignId: string): Promise<boolean> {
    // A campaign the auditor may not read (another region's) is refused as its stream is (403), not answered with an
    // empty file that would pass for "no history" (review 43 #4): no unit of theirs can have entered it.
    await unlessUnreadable(this.access.requireStream(user, `campaign-${campaignId}`));
    return !(await this.access.requireAuditor(user)) && !(await this.access.organisedWithin(user, `campaign-${campaignId}`));
  }

  @Get('export')
  @ApiOperation({
    summary: '导出历史 Export history as NDJSON (verifiable offline) or a CSV timeline, streamed',
    description:
      'streamId、campaignId 或 all=true 三选一。NDJSON 第一行为文件头，其后每行一个原样存储的事件（含 prevHash/hash），最后一行为结束行与事件数。' +
      '按竞赛活动导出时含活动、项目、评选轮次及其引用的评选规则集；主办组织不在您辖区内的审计人员导出本辖区内的部分（文件头注明 scopeOrgId），每个事件流完整，可离线校验。',
  })
  @ApiProduces('application/x-ndjson', 'text/csv')
  async export(@Query() q: ExportQueryDto, @CurrentUser() user: AuthUser, @Res() reply: any): Promise<void> {
    let selection = this.selectionOf(q);
    let include: ((streamId: string) => Promise<boolean>) | undefined;
    if (selection.kind === 'all') this.access.requireUnrestricted(await this.access.requireAuditor(user), 'export');
    else if (selection.kind === 'stream') await unlessUnreadable(this.access.requireStream(user, selection.streamId));
    else {
      const partial = await this.campaignPart(user, selection.campaignId);
      const scope = this.access.scope();
      if (partial) {
        // A restricted auditor of another part of the tree: the campaign's streams within their subtree, whole.
        selection = { ...selection, scopeOrgId: user.orgId };
        include = (streamId) => this.access.mayRead(user, streamId, scope);
      } else if (!(await this.access.requireAuditor(user))) {
        // The campaign is theirs, but the organisations above their own (a province over a city) are not: those stay
        // out, and the header says whose part it is, so it is not taken for the whole campaign's export.
        selection = { ...selection, scopeOrgId: user.orgId };
        include = (streamId) => (streamId.startsWith('organization-') ? this.access.mayRead(user, streamId, scope) : Promise.resolve(true));
      }
    }
    const format = q.format ?? 'ndjson';
    const exportedAt = this.clock.now().toISOString();
    const pages = exportPages(yieldingReads(this.store), selection, { include });
    const chunks = format === 'csv' ? csvChunks(pages) : ndjsonChunks(pages, { exportedAt, filter: describeSelection(selection) });
    const name = `jingsai-${Object.values(describeSelection(selection)).join('-')}-${exportedAt.slice(0, 10)}.${format}`.replace(/[^A-Za-z0-9_.-]/g, '_');
    reply
      .status(200)
      .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(Readable.from(chunks));
  }

  private selectionOf(q: ExportQueryDto): ExportSelection {
    const given = [q.streamId, q.campaignId, q.all].filter((v) => v !== undefined).length;
    if (given !== 1) {
      throw DomainError.invalidFields(
        'AUDIT.EXPORT_SELECTION',
        ['streamId', 'campaignId', 'all'],
        '请指定且只指定一项：streamId、campaignId 或 all=true。',
        'Give exactly one of streamId, campaignId or all=true.',
      );
    }
    if (q.streamId !== undefined) return { kind: 'stream', streamId: streamIdParam(q.streamId) };
    if (q.campaignId !== undefined) return { kind: 'campaign', campaignId: q.campaignId };
    return { kind: 'all' };
  }
}
