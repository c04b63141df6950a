import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, PageQueryDto, READ_MODEL_DB, ReadConsistency, ReadsModels } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, describeScope } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { checkHonour, getHonour, listHonours } from '../read-models/honours/honour-register.queries';
import { AWARD_TYPES, DERIVED_HONOUR_TYPES, HONOUR_ALLOWED, HONOUR_STATUSES, HONOUR_STATUS_LABELS, HonourStatus, awardActionNames, labelledAwardActions } from './award-domain';
import { AwardRoundAccess } from './award-round-access.service';
import { HonourDetailDto, HonourDto, HonourPageExtraDto } from './honour.response.dto';

class ListHonoursQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '获得者（单位为组织标识）Recipient id' }) @IsOptional() @IsString() recipientId?: string;
  @ApiPropertyOptional({ description: '荣誉类型 Honour type', enum: [...AWARD_TYPES, ...DERIVED_HONOUR_TYPES] }) @IsOptional() @IsIn([...AWARD_TYPES, ...DERIVED_HONOUR_TYPES]) awardType?: string;
  @ApiPropertyOptional({ description: '状态：有效 valid / 已撤销 revoked / 已摘牌 withdrawn / 暂停 suspended', enum: HONOUR_STATUSES }) @IsOptional() @IsIn(HONOUR_STATUSES) status?: string;
  @ApiPropertyOptional({ description: '评选轮次 Round' }) @IsOptional() @IsString() roundId?: string;
  @ApiPropertyOptional({ description: '竞赛活动：其各评选轮次授予的荣誉及其项目推进节点的即时表彰 Campaign: honours of its rounds and instant commendations at its projects' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  campaignId?: string;

  @ApiPropertyOptional({ description: '只列现有荣誉（有效的；撤销、摘牌、暂停的不在其中）Only current honours (valid ones)', type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  current?: boolean;
}

function notFound(honourId: string): DomainError {
  return DomainError.notFound('AWARD.HONOUR_NOT_FOUND', `荣誉 ${honourId} 不存在。`, `Honour ${honourId} does not exist.`, { honourId });
}

/** The honours register (荣誉名录) and its check: a revoked, withdrawn or suspended honour never answers valid. */
@ApiTags('honours 荣誉名录')
@ApiBearerAuth()
@ReadsModels('award_honours', 'award_rounds')
@Controller('api/v1/honours')
export class HonoursController {
  private readonly db: Database;

  constructor(
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    private readonly access: AwardRoundAccess,
  ) {
    this.db = readDb.db;
  }

  @Get()
  // The campaign filter reads the board's projects too: only this route waits for it, not the public check (review 42 #4);
  // the veto review reads the projects' facts (review 51 #3).
  @ReadsModels('award_honours', 'award_rounds', 'board', 'award_project_facts')
  @ApiPageResponse(HonourDto, HonourPageExtraDto)
  @ApiOperation({ summary: '荣誉名录 Conferred honours with status and history', description: '只列出本辖区内获得者的荣誉（系统管理员：全部）。' })
  list(@Query() q: ListHonoursQueryDto, @CurrentUser() user: AuthUser) {
    const withinPath = this.everywhere(user) ? undefined : this.pathOf(user.orgId);
    const scope = describeScope(withinPath === undefined ? { kind: 'all' } : { kind: 'subtree', orgId: user.orgId }, this.orgs);
    const page = listHonours(this.db, { recipientId: q.recipientId, awardType: q.awardType, status: q.status, current: q.current, roundId: q.roundId, campaignId: q.campaignId, withinPath, limit: q.limit ?? 50, offset: q.offset ?? 0 });
    // An honour's id holds '/' (round/nomination, instant/project/commendation): each row says where it is read, encoded.
    return { ...page, items: page.items.map((h) => ({ ...h, href: `/api/v1/honours/${encodeURIComponent(h.honourId)}` })), scope };
  }

  // The register lists people by name and organisation: each caller sees the recipients of their own subtree (an auditor or anyone at the root: all).
  private everywhere(user: AuthUser): boolean {
    return user.roles.includes('admin');
  }

  private pathOf(orgId: string): string {
    return `/${[...(this.orgs.get(orgId)?.path ?? []), orgId].join('/')}/`;
  }

  @Get(':honourId/check')
  @ApiOperation({ summary: '荣誉核验 Is this honour valid now?', description: 'honourId 含 “/”，可原样写在路径中（/api/v1/honours/jj-cert/n-b/check），也可 URL 编码（%2F）。只有“有效”状态答复 valid: true。任何登录用户均可核验（核验是公开的证明）。' })
  async check(@Param('honourId') honourId: string) {
    // The register is fed asynchronously: a revocation acknowledged a moment ago may not be in it
    // yet. Wait until it holds every event stored before this question (or refuse with 409 after
    // a bounded wait), so a revoked honour is never answered valid.
    await this.consistency.catchUp();
    const answer = checkHonour(this.db, honourId);
    if (!answer) throw notFound(honourId);
    return answer;
  }

  @Get(':honourId')
  @ReadsModels('award_honours', 'award_rounds', 'award_project_facts')
  @ApiOkResponse({ type: HonourDetailDto })
  @ApiOperation({
    summary: '荣誉详情 One honour with its history, and what you may do to it now (ETag = its round\'s revision)',
    description:
      '评选轮次授予的荣誉：撤销、摘牌、暂停、恢复由该轮评选表彰办公室办理（allowedActions），ETag 与 roundRevision 为该轮次的版本，可作为这些操作的 If-Match；' +
      '即时表彰在所属项目中办理（manageAt，其 ETag 为项目的版本），roundRevision 为 null。',
  })
  async get(@Param('honourId') honourId: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: { header(name: string, value: string): unknown }) {
    // The register holds every event stored before this question, so its history agrees with the round folded below (review 42 #3).
    await this.consistency.catchUp();
    const honour = getHonour(this.db, honourId);
    if (!honour) throw notFound(honourId);
    const orgId = honour.recipient.orgId;
    if (!this.everywhere(user) && !(orgId && this.orgs.isWithin(orgId, user.orgId))) {
      throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `荣誉 ${honourId} 的获得者不在您所在组织的范围内；如需核验，请使用荣誉核验。`, `The recipient of honour ${honourId} is outside your organisation's scope; use the honour check to verify it.`, {
        honourId,
      });
    }
    // A round's honour is changed on its round, by those its routes let through (the same check); an instant commendation on its project.
    if (honour.roundId) {
      const round = await this.access.load(honour.roundId);
      // Status and offered changes from the same fold as the ETag: an If-Match then pins what the page showed (review 42 #3).
      const status = round.state.honours.find((h) => h.honourId === honourId)?.status ?? (honour.status as HonourStatus);
      const types = HONOUR_ALLOWED[status].filter((type) => this.access.mayTake(user, round, type));
      // Its changes are commands on the round: the round's revision is what an If-Match pins (as the round's detail sends it).
      if (round.revision !== null) reply.header('etag', `"${round.revision}"`);
      return { ...honour, status, statusLabel: HONOUR_STATUS_LABELS[status], current: status === 'valid', roundRevision: round.revision, allowedActions: awardActionNames(types), allowedActionLabels: labelledAwardActions(types) };
    }
    const projectId = (honour.source as { projectId?: string } | null)?.projectId;
    return { ...honour, roundRevision: null, allowedActions: [], allowedActionLabels: [], ...(projectId ? { manageAt: `/api/v1/projects/${encodeURIComponent(projectId)}` } : {}) };
  }
}
