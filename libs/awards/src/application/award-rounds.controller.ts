import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, CommandResponse, LOCATION_HEADER, PageQueryDto, READ_MODEL_DB, ReadConsistency, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles, ORG_DIRECTORY, OrgDirectory } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { CLOCK, Clock, DomainError } from '@jingsai/shared';
import { listRounds, objectionDetails } from '../read-models/award-rounds/award-round-list.queries';
import { NominationRejudge } from './nomination-rejudge.service';
import { AWARD_TYPES, shanghaiDateOf } from './award-domain';
import { nominationNotFound } from './award-round-review.handlers';
import { AwardRoundAccess, isRoundAction } from './award-round-access.service';
import { roundActionsForCaller } from './award-round.caller-actions';
import { CreateAwardRoundRequestDto } from './award-round.request.dto';
import { awardRoundView } from './award-round.view';
import { AwardRoundCommandResult } from './award-round-setup.handlers';
import { CreateAwardRoundCommand, NominateCommand, RecommendNominationCommand, RecordClearanceCommand, ReviewNominationCommand, WithdrawNominationCommand } from './award.commands';
import { ClearanceRequestDto, NominateRequestDto, RecommendRequestDto, ReviewRequestDto, WithdrawNominationRequestDto } from './nomination.request.dto';
import { AwardRoundListItemDto, AwardRoundViewDto, NominationInRoundDto, NominationPageExtraDto, NominationViewDto, ObjectionInRoundDto, ObjectionViewDto } from './award-round.response.dto';

class ListAwardRoundsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '竞赛活动 Campaign' }) @IsOptional() @IsString() campaignId?: string;
  @ApiPropertyOptional({ description: '奖项 Award type', enum: AWARD_TYPES }) @IsOptional() @IsIn(AWARD_TYPES) awardType?: string;
  @ApiPropertyOptional({ description: '阶段 Stage', enum: ['nominating', 'notice', 'notice_ended', 'conferred'] })
  @IsOptional() @IsIn(['nominating', 'notice', 'notice_ended', 'conferred'])
  stage?: string;
}

/** A page of one of the round view's lists (nominations, objections), in the view's order. */
function pageOf<T>(items: T[], q: PageQueryDto) {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  return { items: items.slice(offset, offset + limit), total: items.length, limit, offset };
}

@ApiTags('award-rounds 评选表彰')
@ApiBearerAuth()
@Controller('api/v1/award-rounds')
export class AwardRoundsController {
  private readonly db: Database;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly access: AwardRoundAccess,
    private readonly consistency: ReadConsistency,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly rejudge: NominationRejudge,
  ) {
    this.db = readDb.db;
  }

  private async run(command: object, reply: any, location?: string): Promise<CommandResponse> {
    const r: AwardRoundCommandResult = await this.commandBus.execute(command);
    return { ...commandResponse(r.id, r.outcome, reply, { location, itemId: r.itemId }), ...(r.noteZh ? { noteZh: r.noteZh, noteEn: r.noteEn } : {}) };
  }

  @Post()
  @Roles('award_office')
  @ApiOperation({ summary: '创建评选轮次 Open an award round', description: '评选表彰办公室按已发布的规则集版本开展评选；结构比例与征求意见部门随规则集版本写入本轮。' })
  @ApiCreatedResponse({ type: CommandResponse, headers: LOCATION_HEADER })
  create(@Body() body: CreateAwardRoundRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new CreateAwardRoundCommand(body, user, req), reply, '/api/v1/award-rounds');
  }

  @Get()
  @ApiPageResponse(AwardRoundListItemDto)
  @ApiOperation({ summary: '评选轮次列表 Award rounds in your scope', description: '本辖区内开展的评选，以及上级开展、本单位参与推荐的评选（未限定推荐单位，或推荐单位在本辖区内）。' })
  list(@Query() q: ListAwardRoundsQueryDto, @CurrentUser() user: AuthUser) {
    const ancestors = this.orgs.get(user.orgId)?.path ?? [];
    const scope = user.roles.includes('admin')
      ? ({ kind: 'all' } as const)
      : ({ kind: 'org', orgId: user.orgId, ancestors, path: `/${[...ancestors, user.orgId].join('/')}/` } as const);
    return listRounds(this.db, { scope, campaignId: q.campaignId, awardType: q.awardType, stage: q.stage, limit: q.limit ?? 50, offset: q.offset ?? 0, today: shanghaiDateOf(this.clock.now().toISOString()) });
  }

  @Get(':roundId')
  @ApiOkResponse({ description: 'The round as you may see it (ETag = revision)', type: AwardRoundViewDto })
  @ApiOperation({
    summary: '评选轮次详情 One round: stage, nominations with verdicts, clearances, objections, honours, slate check (ETag = revision)',
    description: '上级开展的评选只显示本辖区推荐对象的推荐、异议和荣誉；异议人身份仅向组织评选的评选表彰办公室和审计督查显示；范围外的评选答复 403。',
  })
  async get(@Param('roundId') roundId: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: any) {
    const { view, revision } = await this.view(roundId, user);
    if (revision !== null) reply.header('etag', `"${revision}"`);
    return view;
  }

  @Get(':roundId/nominations')
  @ApiPageResponse(NominationViewDto, NominationPageExtraDto)
  @ApiOperation({ summary: '推荐名单 The nominations of the round you may see, a page at a time (as in the round view: verdicts, review progress, clearances, your actions)' })
  async nominations(@Param('roundId') roundId: string, @Query() q: PageQueryDto, @CurrentUser() user: AuthUser) {
    return { ...pageOf((await this.view(roundId, user)).view.nominations, q), roundId };
  }

  @Get(':roundId/nominations/:nominationId')
  @ApiOkResponse({ description: 'The nomination, as the round view shows it', type: NominationInRoundDto })
  @ApiOperation({ summary: '单个推荐 One nomination of the round, as the round view shows it' })
  async nomination(@Param('roundId') roundId: string, @Param('nominationId') nominationId: string, @CurrentUser() user: AuthUser) {
    const { view } = await this.view(roundId, user);
    const found = view.nominations.find((n) => n.nominationId === nominationId);
    // On the published list (public in the round's area) but of another subtree: say so, with what the notice shows, not that it does not exist.
    const listed = found ? undefined : view.notice?.listed.find((l) => l.nominationId === nominationId);
    if (listed) {
      throw DomainError.forbidden(
        'AWARD.NOMINATION_OUT_OF_SCOPE',
        `${listed.name}（${nominationId}）在本轮公示名单中，公示内容见评选轮次的 notice.listed；其推荐材料、审核与征求意见情况只向推荐对象所在辖区和组织评选的评选表彰办公室显示。`,
        `${nominationId} is on the round's published list (see notice.listed); its file, reviews and clearances are shown only within the nominee's area and to the award office running the round.`,
        { roundId, nominationId, listed },
      );
    }
    if (!found) throw nominationNotFound(roundId, nominationId);
    return { roundId, ...found };
  }

  @Get(':roundId/objections')
  @ApiPageResponse(ObjectionViewDto, NominationPageExtraDto)
  @ApiOperation({ summary: '异议 The objections to nominations you may see, a page at a time (the objector named only to those the round view names them to)' })
  async objections(@Param('roundId') roundId: string, @Query() q: PageQueryDto, @CurrentUser() user: AuthUser) {
    return { ...pageOf((await this.view(roundId, user, false)).view.objections, q), roundId };
  }

  @Get(':roundId/objections/:objectionId')
  @ApiOkResponse({ description: 'The objection, as the round view shows it', type: ObjectionInRoundDto })
  @ApiOperation({ summary: '单个异议 One objection, as the round view shows it' })
  async objection(@Param('roundId') roundId: string, @Param('objectionId') objectionId: string, @CurrentUser() user: AuthUser) {
    const { view } = await this.view(roundId, user, false);
    const found = view.objections.find((o) => o.objectionId === objectionId);
    if (!found) throw DomainError.notFound('AWARD.OBJECTION_NOT_FOUND', `异议 ${objectionId} 不存在，或不在您的查看范围内。`, `Objection ${objectionId} does not exist in this round, or is outside what you may see.`, { roundId, objectionId });
    return { roundId, ...found };
  }

  /**
   * The round as this caller sees it, offered only what its own request would be accepted for (the
   * same checks as the routes). `judgeAgain`: read the nominees' facts to show who is barred since
   * (the round and its nominations); the objections' routes show neither, and skip the reads.
   */
  private async view(roundId: string, user: AuthUser, judgeAgain = true) {
    const round = await this.access.load(roundId);
    await this.consistency.catchUp();
    const objections = objectionDetails(this.db, roundId);
    const access = this.access.readAccess(user, round, [...objections.values()].some((o) => o.raisedBy === user.userId));
    const now = this.clock.now().toISOString();
    const offered = roundActionsForCaller(
      round.state, now,
      (type, nomination) => isRoundAction(type) && this.access.mayTake(user, round, type, nomination),
      (n) => access.nomineeVisible(n.nominee.orgId),
    );
    // Nominees the facts bar since their nomination (an accident on the project, wage arrears, a substitute promoted onto a
    // vetoed project) are shown as such, and the notice, which would refuse them, is not offered until they are withdrawn.
    // During and after the notice too, for the office to see: conferral will remove them, with the reasons.
    // Only the nominations the caller sees are judged again (a unit under the round sees its own; the office, every one).
    const visible = round.state.nominations.filter((n) => access.nomineeVisible(n.nominee.orgId));
    const barred = judgeAgain && visible.length > 0 && ['nominating', 'notice', 'notice_ended'].includes(round.state.stage) ? await this.rejudge.barred(round.round, visible, now) : [];
    const actions = barred.length > 0 ? { ...offered, round: offered.round.filter((t) => t !== 'StartPublicNotice') } : offered;
    const barredNow = new Map(barred.map((b) => [b.nominationId, b.failedReasons]));
    return { view: awardRoundView(round.state, round.revision, round.orgId, objections, access, actions, shanghaiDateOf(now), barredNow, (id) => this.orgs.get(id)?.name ?? null), revision: round.revision };
  }

  @Post(':roundId/nominations')
  @Roles('award_office', 'committee', 'unit')
  @HttpCode(201)
  @ApiOperation({
    summary: '推荐人选 Nominate',
    description: '按本轮规则集对推荐对象进行资格审查（竞赛项目、单位事实、已获荣誉、本轮已有推荐），审查结论随推荐一并记录；不符合条件时返回 422，列出每一项未通过的理由。',
  })
  @ApiCreatedResponse({ type: CommandResponse })
  nominate(@Param('roundId') roundId: string, @Body() body: NominateRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new NominateCommand(roundId, body, user, req), reply);
  }

  @Post(':roundId/nominations/:nominationId/recommend')
  @Roles('unit', 'committee', 'award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '推荐单位意见（职代会审议）Recommending level’s decision after the workers’ congress' })
  @ApiOkResponse({ type: CommandResponse })
  recommend(@Param('roundId') roundId: string, @Param('nominationId') nominationId: string, @Body() body: RecommendRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new RecommendNominationCommand(roundId, nominationId, body, user, req), reply);
  }

  @Post(':roundId/nominations/:nominationId/review')
  @Roles('unit', 'committee', 'award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '逐级审核 Review at the next level', description: '不同意时须说明理由；推荐被移出后，同一推荐单位的递补人选按顺序递补。' })
  @ApiOkResponse({ type: CommandResponse })
  review(@Param('roundId') roundId: string, @Param('nominationId') nominationId: string, @Body() body: ReviewRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new ReviewNominationCommand(roundId, nominationId, body, user, req), reply);
  }

  @Post(':roundId/nominations/:nominationId/withdraw')
  @Roles('award_office', 'committee', 'unit')
  @HttpCode(200)
  @ApiOperation({
    summary: '撤回推荐 Withdraw a nomination before the public notice, with a reason',
    description: '公示前，推荐单位（或本轮评选表彰办公室）可撤回推荐并说明理由（如名单比例不达标）；同一推荐单位的递补人选按顺序递补。公示开始后，人选只能经异议核实后撤回。',
  })
  @ApiOkResponse({ type: CommandResponse })
  withdraw(@Param('roundId') roundId: string, @Param('nominationId') nominationId: string, @Body() body: WithdrawNominationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new WithdrawNominationCommand(roundId, nominationId, body, user, req), reply);
  }

  @Post(':roundId/nominations/:nominationId/clearances')
  @Roles('award_office')
  @HttpCode(200)
  @ApiOperation({ summary: '登记部门意见（征求意见）Record a department’s sign-off or refusal' })
  @ApiOkResponse({ type: CommandResponse })
  clearance(@Param('roundId') roundId: string, @Param('nominationId') nominationId: string, @Body() body: ClearanceRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    return this.run(new RecordClearanceCommand(roundId, nominationId, body, user, req), reply);
  }
}
