import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { CommandExecutor, CommandResponse, LOCATION_HEADER, PageQueryDto, READ_MODEL_DB, ReadsModels, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, Roles } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { listRuleSets } from '../read-models/rule-sets/rule-set-list.queries';
import { RULE_LABELS, ruleSetDecider } from './award-domain';
import { ruleSetStream } from './award-streams';
import { PublishRuleSetCommand } from './award.commands';
import { RULE_SET_PRESETS } from './rule-set.presets';
import { RuleSetCommandResult } from './rule-set.handlers';
import { PublishRuleSetRequestDto } from './rule-set.request.dto';

class ListRuleSetsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '年度 Year' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(9999) year?: number;
}

@ApiTags('rule-sets 评选规则集')
@ApiBearerAuth()
@ReadsModels('award_rule_sets')
@Controller('api/v1/rule-sets')
export class RuleSetsController {
  private readonly db: Database;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly commands: CommandExecutor,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
  ) {
    this.db = readDb.db;
  }

  @Post()
  @Roles('award_office', 'admin')
  @ApiOperation({
    summary: '发布规则集版本 Publish a rule-set version',
    description: '评选条件、结构比例、征求意见部门，注明文号与年度。已发布的版本不可修改，变更即发布新版本；含未知规则时拒绝并逐项列出问题，不写入任何记录。',
  })
  @ApiCreatedResponse({ type: CommandResponse, headers: LOCATION_HEADER })
  async publish(@Body() body: PublishRuleSetRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any): Promise<CommandResponse> {
    const r: RuleSetCommandResult = await this.commandBus.execute(new PublishRuleSetCommand(body, user, req));
    return commandResponse(r.id, r.outcome, reply, { location: '/api/v1/rule-sets' });
  }

  @Get()
  @ApiOperation({
    summary: '规则集列表（最新版本）Rule sets with their latest version',
    description: '规则集是已发布的评选条件（附文号），不属于任何组织，任何评选轮次均可引用，因此对所有登录用户列出全部。 Rule sets are published award rules with their citation; they belong to no organisation and any round may cite one, so every caller sees them all.',
  })
  list(@Query() q: ListRuleSetsQueryDto) {
    return listRuleSets(this.db, { year: q.year, limit: q.limit ?? 50, offset: q.offset ?? 0 });
  }

  @Get('presets')
  @ApiOperation({ summary: '规则集预设 Ready-made rule-set contents', description: '全国五一劳动奖章 2022/2024 结构比例、九江市评选条件、山西一线代表比例等；发布后方可用于评选。' })
  presets() {
    return { items: RULE_SET_PRESETS, rules: Object.entries(RULE_LABELS).map(([rule, label]) => ({ rule, label })) };
  }

  @Get(':ruleSetId')
  @ApiOperation({ summary: '规则集详情（全部版本）A rule set with every version (ETag = revision)' })
  async get(@Param('ruleSetId') ruleSetId: string, @Res({ passthrough: true }) reply: any) {
    const { state, revision } = await this.commands.state(ruleSetStream(ruleSetId), ruleSetDecider);
    if (state.versions.length === 0) {
      throw DomainError.notFound('RULESET.NOT_FOUND', `规则集 ${ruleSetId} 不存在。`, `Rule set ${ruleSetId} does not exist.`, { ruleSetId });
    }
    if (revision !== null) reply.header('etag', `"${revision}"`);
    return { ruleSetId, latestVersion: state.versions[state.versions.length - 1]!.version, versions: state.versions };
  }
}
