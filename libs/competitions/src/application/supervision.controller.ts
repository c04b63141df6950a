import { Controller, Get, Inject, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, CommandExecutor, PageQueryDto, QueryCacheInterceptor, READ_MODEL_DB, ReadsModels, answerValidUntil } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, describeScope } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, beijingDate, endOfBeijingDay } from '../domain';
import { listIncidents, listOverdue, listStalled } from '../read-models/supervision/supervision.queries';
import { readScopeOf, withOrgNames } from './read-scope';
import { IncidentItemDto, IncidentSummaryDto, OverdueItemDto, OverdueSummaryDto, StalledItemDto, StalledSummaryDto } from './supervision.response.dto';

class SupervisionQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '竞赛活动 Campaign id' }) @IsOptional() @IsString() campaignId?: string;
  @ApiPropertyOptional({ description: '组织（含下级）Organisation and its subtree' }) @IsOptional() @IsString() @MaxLength(64) orgId?: string;
}

class OverdueQueryDto extends SupervisionQueryDto {
  @ApiPropertyOptional({ description: '类型：逾期未报 report / 逾期未整改 rectification', enum: ['report', 'rectification'] }) @IsOptional() @IsIn(['report', 'rectification']) kind?: 'report' | 'rectification';

  @ApiPropertyOptional({ description: '含已补报、已整改的 Include items since resolved', type: Boolean })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  includeResolved?: boolean;
}

class IncidentQueryDto extends SupervisionQueryDto {
  @ApiPropertyOptional({ description: '事故等级 Severity', enum: INCIDENT_SEVERITIES }) @IsOptional() @IsIn(INCIDENT_SEVERITIES) severity?: string;
  @ApiPropertyOptional({ description: '事故类型 Kind', enum: INCIDENT_KINDS }) @IsOptional() @IsIn(INCIDENT_KINDS) kind?: string;
}

@ApiTags('supervision 督导')
@ApiBearerAuth()
@UseInterceptors(QueryCacheInterceptor)
@ReadsModels('supervision')
@Controller('api/v1/supervision')
export class SupervisionController {
  private readonly db: Database;

  constructor(
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    private readonly commands: CommandExecutor,
  ) {
    this.db = readDb.db;
  }

  private filter(q: SupervisionQueryDto, user: AuthUser) {
    return { scope: readScopeOf(user, this.orgs, q.orgId), campaignId: q.campaignId, orgId: q.orgId, limit: q.limit ?? 50, offset: q.offset ?? 0 };
  }

  @Get('overdue')
  @ApiOperation({ summary: '逾期事项 Overdue progress reports and rectifications past their deadline, in your scope', description: '按项目和组织统计；期限届满由系统自动记录。' })
  @ApiPageResponse(OverdueItemDto, OverdueSummaryDto)
  overdue(@Query() q: OverdueQueryDto, @CurrentUser() user: AuthUser, @Req() req: unknown) {
    const now = this.commands.now();
    const f = this.filter(q, user);
    const r = listOverdue(this.db, { ...f, kind: q.kind, includeResolved: q.includeResolved, now });
    // By the clock alone, only the days overdue change: at the next Beijing midnight (items come and go as events).
    answerValidUntil(req, endOfBeijingDay(beijingDate(now.toISOString())));
    return { ...r, scope: describeScope(f.scope, this.orgs), items: withOrgNames(this.orgs, r.items), byOrg: withOrgNames(this.orgs, r.byOrg, 'key') };
  }

  @Get('stalled')
  @ApiOperation({
    summary: '停滞项目 Projects in progress with no report for longer than the reporting cycle, as of now',
    description:
      '自最近一次报送（尚未报送的，自立项或项目开始之日）起，超过一个报送周期（月报 1 个月、季报 3 个月）再加报送期后 10 日仍无报送的项目（stalledSince 为其时刻）。' +
      '按期报送者（提前一期报送、下一期在截止日报送）不会被列入；单期逾期见 /supervision/overdue。 ' +
      'Stalled: no report since the last one (or the start) for one reporting cycle plus the 10 days a report is given after its period (stalledSince); a single missed report is listed by /supervision/overdue.',
  })
  @ApiPageResponse(StalledItemDto, StalledSummaryDto)
  stalled(@Query() q: SupervisionQueryDto, @CurrentUser() user: AuthUser, @Req() req: unknown) {
    const now = this.commands.now();
    const f = this.filter(q, user);
    const { turnsAtMs, ...r } = listStalled(this.db, { ...f, now });
    answerValidUntil(req, turnsAtMs);
    // asOf: when the list was read; a kept answer is still true until turnsAtMs.
    return { ...r, asOf: now.toISOString(), scope: describeScope(f.scope, this.orgs), items: withOrgNames(this.orgs, r.items) };
  }

  @Get('incidents')
  @ApiOperation({ summary: '安全质量事故 Incidents by severity and organisation, with counts' })
  @ApiPageResponse(IncidentItemDto, IncidentSummaryDto)
  incidents(@Query() q: IncidentQueryDto, @CurrentUser() user: AuthUser, @Req() req: unknown) {
    const f = this.filter(q, user);
    const r = listIncidents(this.db, { ...f, severity: q.severity, kind: q.kind });
    // Incidents are what was recorded: nothing in the answer turns with the clock.
    answerValidUntil(req, Infinity);
    return { ...r, scope: describeScope(f.scope, this.orgs), items: withOrgNames(this.orgs, r.items), byOrg: withOrgNames(this.orgs, r.byOrg, 'key') };
  }
}
