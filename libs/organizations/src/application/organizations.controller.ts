import { Body, Controller, Get, HttpCode, Inject, Param, Patch, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, CommandResponse, LOCATION_HEADER, PageQueryDto, READ_MODEL_DB, ReadsModels, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles, ORG_DIRECTORY, OrgDirectory, describeScope, requireWithinScope } from '@jingsai/auth';
import { EVENT_STORE, EventStore, ReadModelDatabase } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { ORG_KINDS, ORG_LEVELS } from '../domain';
import { labelled, listOrganizations, organizationFacts } from '../read-models/org-tree/org-tree.queries';
import { SqliteOrgDirectory } from '../read-models/org-tree/sqlite-org-directory';
import { RecordOrganizationFactCommand, RetractOrganizationFactCommand, RegisterOrganizationCommand, UpdateOrganizationCommand } from './organization.commands';
import { OrgCommandResult, orgStream } from './organization.handlers';
import { RecordOrganizationFactRequestDto, RetractOrganizationFactRequestDto, RegisterOrganizationRequestDto, UpdateOrganizationRequestDto } from './organization.request.dto';
import { LabelledOrganizationDto, OrganizationFactsDto, OrganizationPageExtraDto, OrganizationWithinDto } from './organization.response.dto';

class ListOrganizationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '子树根（默认为本人所在组织）Subtree root; defaults to your organisation' }) @IsOptional() @IsString() within?: string;
  @ApiPropertyOptional({ enum: ORG_KINDS }) @IsOptional() @IsIn(ORG_KINDS) kind?: string;
  @ApiPropertyOptional({ enum: ORG_LEVELS }) @IsOptional() @IsIn(ORG_LEVELS) level?: string;
}

@ApiTags('organizations 组织')
@ApiBearerAuth()
@ReadsModels()
@Controller('api/v1/organizations')
export class OrganizationsController {
  private readonly db: Database;

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {
    this.db = readDb.db;
  }

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: '登记组织 Register an organisation', description: '仅系统管理员可登记组织（含上级组织，构成组织树）；竞赛委员会等其他角色需要新增组织时，请联系管理员。Administrators only.' })
  @ApiCreatedResponse({ type: CommandResponse, headers: LOCATION_HEADER })
  async register(@Body() body: RegisterOrganizationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any): Promise<CommandResponse> {
    const r: OrgCommandResult = await this.commandBus.execute(new RegisterOrganizationCommand(body, user, req));
    return commandResponse(r.id, r.outcome, reply, { location: '/api/v1/organizations' });
  }

  @Patch(':orgId')
  @Roles('admin')
  @ApiOperation({ summary: '修改组织信息 Update an organisation (name, industry, region, ownership)' })
  @ApiOkResponse({ type: CommandResponse })
  async update(@Param('orgId') orgId: string, @Body() body: UpdateOrganizationRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any): Promise<CommandResponse> {
    const r: OrgCommandResult = await this.commandBus.execute(new UpdateOrganizationCommand(orgId, body, user, req));
    return commandResponse(r.id, r.outcome, reply);
  }

  @Post(':orgId/facts')
  @Roles('admin', 'committee')
  @HttpCode(201)
  @ApiOperation({ summary: '记录组织事实 Record a dated fact (safety accident, wage arrears, …) that bars awards', description: '安全生产事故、严重职业危害、群体性事件：自发生之日起三年内不得评优；拖欠工资、未建工会：当年不得评优。' })
  @ApiCreatedResponse({ type: CommandResponse })
  async recordFact(@Param('orgId') orgId: string, @Body() body: RecordOrganizationFactRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any): Promise<CommandResponse> {
    const r: OrgCommandResult = await this.commandBus.execute(new RecordOrganizationFactCommand(orgId, body, user, req));
    return commandResponse(r.id, r.outcome, reply, { itemId: r.itemId });
  }

  @Post(':orgId/facts/:factId/retract')
  @Roles('admin', 'committee')
  @HttpCode(200)
  @ApiOperation({
    summary: '撤回组织事实 Retract a fact recorded in error or overturned, with a reason',
    description: '撤回后该事实不再作为评优否决依据（评选资格随之更新；已推荐人选在表彰时按当时事实重新核对）；记录与撤回均保留在审计历史中，含操作人和理由。',
  })
  @ApiOkResponse({ type: CommandResponse })
  async retractFact(
    @Param('orgId') orgId: string, @Param('factId') factId: string, @Body() body: RetractOrganizationFactRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any,
  ): Promise<CommandResponse> {
    const r: OrgCommandResult = await this.commandBus.execute(new RetractOrganizationFactCommand(orgId, factId, body, user, req));
    return commandResponse(r.id, r.outcome, reply, { itemId: factId });
  }

  @Get()
  @ApiOperation({ summary: '组织列表（本辖区）Organisations in a subtree of your scope', description: '默认列出本辖区；系统管理员默认列出全部组织，可用 within 限定子树。' })
  @ApiPageResponse(LabelledOrganizationDto, OrganizationPageExtraDto)
  list(@Query() q: ListOrganizationsQueryDto, @CurrentUser() user: AuthUser) {
    const admin = user.roles.includes('admin');
    // The system administrator registers organisations anywhere, so lists them all unless asked for a subtree.
    if (admin && q.within === undefined) {
      return { ...listOrganizations(this.db, { kind: q.kind, level: q.level, limit: q.limit ?? 50, offset: q.offset ?? 0 }), scope: describeScope({ kind: 'all' }, this.orgs) };
    }
    const within = q.within ?? user.orgId;
    if (!admin) requireWithinScope(this.orgs, user.orgId, within);
    // An unknown root is a typing error to point out, not an empty tree (as for everyone else, whose scope check says so).
    else if (q.within !== undefined && !this.orgs.get(within)) {
      throw DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${within} 尚未登记，请检查组织编号。`, `Organisation ${within} is not registered; check the id.`, { orgId: within });
    }
    // Whose organisations these are: the subtree asked for (the caller's own by default), said in the answer as other lists say it.
    return { ...listOrganizations(this.db, { within, kind: q.kind, level: q.level, limit: q.limit ?? 50, offset: q.offset ?? 0 }), scope: describeScope({ kind: 'subtree', orgId: within }, this.orgs) };
  }

  @Get(':orgId')
  @ApiOperation({ summary: '组织详情 One organisation (ETag = stream revision)', description: '本辖区内的组织及本组织的上级组织。Your subtree and the organisations above you.' })
  @ApiOkResponse({ description: 'The organisation with Chinese labels', type: LabelledOrganizationDto })
  get(@Param('orgId') orgId: string, @CurrentUser() user: AuthUser, @Res({ passthrough: true }) reply: any) {
    const node = this.readable(orgId, user);
    reply.header('etag', `"${node.revision}"`);
    return labelled(node);
  }

  @Get(':orgId/within/:ancestorId')
  @ApiOperation({ summary: '是否隶属 Is this organisation under that one (or the same)?', description: '按组织树判断 X 是否为 Y 本身或其下级。' })
  @ApiOkResponse({ type: OrganizationWithinDto })
  within(@Param('orgId') orgId: string, @Param('ancestorId') ancestorId: string, @CurrentUser() user: AuthUser) {
    const node = this.readable(orgId, user);
    this.readable(ancestorId, user);
    return { orgId, ancestorId, within: this.orgs.isWithin(orgId, ancestorId), path: node.path };
  }

  private existing(orgId: string) {
    const node = (this.orgs as SqliteOrgDirectory).get(orgId);
    if (!node) throw DomainError.notFound('ORGANIZATION.NOT_FOUND', `组织 ${orgId} 不存在。`, `Organisation ${orgId} does not exist.`, { orgId });
    return node;
  }

  /** An organisation the caller may read: their subtree, or one of their own ancestors (admin: any). */
  private readable(orgId: string, user: AuthUser) {
    const node = this.existing(orgId);
    if (!user.roles.includes('admin') && !this.orgs.isWithin(user.orgId, orgId)) requireWithinScope(this.orgs, user.orgId, orgId);
    return node;
  }

  @Get(':orgId/facts')
  @ApiOperation({ summary: '组织事实（评优否决依据）Dated facts of an organisation' })
  @ApiOkResponse({ type: OrganizationFactsDto })
  async facts(@Param('orgId') orgId: string, @CurrentUser() user: AuthUser) {
    // Unknown is 404 for everyone, as on GET /organizations/{orgId}; a known one outside the subtree is 403.
    this.existing(orgId);
    if (!user.roles.includes('admin')) requireWithinScope(this.orgs, user.orgId, orgId);
    const facts = organizationFacts(this.db, orgId);
    // A retracted fact leaves the facts that bar, not the history: read from the organisation's own stream, with why and when (review 49 #9).
    const events = await this.store.readStream(orgStream(orgId));
    const recorded = new Map<string, { kind: string; occurredOn: string; description: string; recordedAt: string }>();
    const retracted: Array<Record<string, unknown>> = [];
    for (const e of events) {
      const d = e.data as { factId: string; kind?: string; occurredOn?: string; description?: string; reason?: string };
      if (e.type === 'OrganizationFactRecorded') recorded.set(d.factId, { kind: d.kind!, occurredOn: d.occurredOn!, description: d.description!, recordedAt: e.metadata.occurredAt });
      if (e.type === 'OrganizationFactRetracted') retracted.push({ factId: d.factId, ...recorded.get(d.factId), retractedAt: e.metadata.occurredAt, reason: d.reason ?? null });
    }
    return { orgId, facts, retracted };
  }
}
