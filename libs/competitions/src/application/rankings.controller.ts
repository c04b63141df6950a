import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { CommandBus, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { CommandExecutor, CommandResponse, LOCATION_HEADER, READ_MODEL_DB, ReadConsistency, RequestLike, commandResponse } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, Roles, requireRole } from '@jingsai/auth';
import { CommandOutcome, ReadModelDatabase } from '@jingsai/event-store';
import { DomainError, streamIdOf } from '@jingsai/shared';
import { CAMPAIGN_CATEGORIES, CampaignCategory, GRADE_LABELS, Grade, NORMALISATION_LABELS, Normalisation, RankingEntry, RankingPublication, RankingState, rankingDecider } from '../domain';
import { assessmentStatistics } from '../read-models/assessment/assessment-stats.queries';
import { requireCampaignReadable } from './campaign-access';
import { ProjectFacts } from './project-facts.service';

export const rankingStream = (campaignId: string) => streamIdOf('ranking', campaignId);

export class PublishRankingRequestDto {
  @ApiPropertyOptional({ description: '说明（如公布范围、文号）Note', example: '经竞赛委员会审定，予以公布' }) @IsOptional() @IsString() @MaxLength(2000) note?: string;
}

export class PublishRankingCommand {
  constructor(readonly campaignId: string, readonly body: PublishRankingRequestDto, readonly user: AuthUser, readonly req: RequestLike) {}
}

const basisLabel = (basis: string) => (basis === 'total' ? '按总分排名' : (NORMALISATION_LABELS[basis as Normalisation] ?? basis));

/**
 * 公布排名: the campaign's organising committee publishes the ranking as the assessment statistics
 * give it now, on the basis its rules in force rank on, over the whole campaign. The list is worked
 * out from the read models once they have caught up with the log, and recorded with that position.
 */
@CommandHandler(PublishRankingCommand)
export class PublishRankingHandler implements ICommandHandler<PublishRankingCommand, { id: string; outcome: CommandOutcome<RankingState> }> {
  private readonly db: Database;

  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    private readonly facts: ProjectFacts,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
  ) {
    this.db = readDb.db;
  }

  async execute({ campaignId, body, user, req }: PublishRankingCommand) {
    const ctx = this.commands.context(req, user, requireRole(user, 'committee'));
    const campaign = await this.facts.visibleCampaign(user, campaignId);
    await this.consistency.catchUp();
    const asOfPosition = this.consistency.position();
    const normalisation = campaign.rules.assessment.normalisation ?? null;
    const stats = assessmentStatistics(this.db, { scope: { kind: 'all' }, campaignId, normalisation, limit: Number.MAX_SAFE_INTEGER, offset: 0 });
    const entries: RankingEntry[] = stats.items
      .filter((i) => i.finalized && i.rankInCampaign !== null)
      .map((i) => ({
        projectId: i.projectId, title: i.title, orgId: i.orgId, category: i.category, rulesVersion: Number(i.rulesVersion), total: Number(i.total), grade: i.grade ?? null,
        normalizedScore: i.normalizedScore, rankInCampaign: i.rankInCampaign!, rankInCategory: i.rankInCategory!, lateEntry: i.lateEntry, vetoed: i.vetoed,
      }));
    const outcome = await this.commands.run(
      rankingStream(campaignId),
      rankingDecider,
      {
        type: 'PublishRanking', campaignId, at: ctx.now.toISOString(), actor: ctx.actor,
        campaign: { organizerOrgId: campaign.organizerOrgId, status: campaign.status, rulesVersion: campaign.rulesVersion },
        basis: normalisation ?? 'total', asOfPosition, entries, note: body.note ?? null,
      },
      ctx,
    );
    return { id: campaignId, outcome };
  }
}

/** What a reader sees of one publication: its entries with Chinese labels, and who may read it is who reads the campaign. */
function publicationView(p: RankingPublication, orgs: OrgDirectory, withEntries: boolean) {
  return {
    rankingNo: p.rankingNo,
    campaignId: p.campaignId,
    basis: p.basis,
    basisLabel: basisLabel(p.basis),
    campaignRulesVersion: p.campaignRulesVersion,
    asOfPosition: p.asOfPosition,
    publishedAt: p.publishedAt,
    note: p.note,
    count: p.entries.length,
    href: `/api/v1/campaigns/${encodeURIComponent(p.campaignId)}/rankings/${p.rankingNo}`,
    ...(withEntries
      ? {
          entries: p.entries.map((e) => ({
            ...e,
            orgName: orgs.get(e.orgId)?.name ?? null,
            categoryLabel: CAMPAIGN_CATEGORIES[e.category as CampaignCategory]?.zh ?? e.category,
            gradeLabel: e.grade ? (GRADE_LABELS[e.grade as Grade] ?? e.grade) : null,
          })),
        }
      : {}),
  };
}

@ApiTags('campaigns 竞赛活动')
@ApiBearerAuth()
@Controller('api/v1/campaigns/:campaignId/rankings')
export class RankingsController {
  private readonly db: Database;

  constructor(
    private readonly commandBus: CommandBus,
    private readonly commands: CommandExecutor,
    private readonly facts: ProjectFacts,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {
    this.db = readDb.db;
  }

  @Post()
  @Roles('committee')
  @ApiOperation({
    summary: '公布排名 Publish the campaign’s ranking as it stands',
    description:
      '主办竞赛委员会按现行规则的排名依据（总分或评估专家标准分），将已确定评估结果的项目在整个活动内及各类别内的名次公布并记录在案；' +
      '此后确定的结果或排名依据的修改不改变已公布的排名。名单与依据均未变化时再次公布视为重复，不另记录。' +
      'The organising committee records the ranking of every project with a fixed result, as of the log position it was worked out at.',
  })
  @ApiCreatedResponse({ type: CommandResponse, headers: LOCATION_HEADER })
  async publish(@Param('campaignId') campaignId: string, @Body() body: PublishRankingRequestDto, @CurrentUser() user: AuthUser, @Req() req: any, @Res({ passthrough: true }) reply: any) {
    const r: { id: string; outcome: CommandOutcome<RankingState> } = await this.commandBus.execute(new PublishRankingCommand(campaignId, body, user, req));
    const last = r.outcome.state.publications[r.outcome.state.publications.length - 1];
    const response = commandResponse(String(last?.rankingNo ?? ''), r.outcome, reply, { location: `/api/v1/campaigns/${encodeURIComponent(campaignId)}/rankings` });
    return { ...response, rankingNo: last?.rankingNo ?? null };
  }

  @Get()
  @ApiOperation({ summary: '已公布的排名 The rankings published, oldest first', description: '可查看该竞赛活动者均可查看。' })
  @ApiOkResponse({ description: 'Publications without their entries' })
  async list(@Param('campaignId') campaignId: string, @CurrentUser() user: AuthUser) {
    const publications = await this.readable(user, campaignId);
    return { campaignId, items: publications.map((p) => publicationView(p, this.orgs, false)), total: publications.length };
  }

  @Get(':rankingNo')
  @ApiOperation({ summary: '一次公布的排名 One published ranking, as it was published' })
  @ApiOkResponse({ description: 'The publication with its entries' })
  async one(@Param('campaignId') campaignId: string, @Param('rankingNo') rankingNoText: string, @CurrentUser() user: AuthUser) {
    // A publication's number as it is written (1, 2, …): not 01, 1.5 or 1e0 (review 48 #10).
    if (!/^[1-9][0-9]{0,8}$/.test(rankingNoText)) {
      throw DomainError.invalidFields('REQUEST.INVALID', ['rankingNo'], `排名公布次序 rankingNo 应为正整数（1、2、…），收到“${rankingNoText.slice(0, 20)}”。`, `rankingNo must be a positive whole number (1, 2, …).`);
    }
    const rankingNo = Number(rankingNoText);
    const publications = await this.readable(user, campaignId);
    const found = publications.find((p) => p.rankingNo === rankingNo);
    if (!found) {
      throw DomainError.notFound('RANKING.NOT_FOUND', `竞赛活动 ${campaignId} 没有第 ${rankingNo} 次公布的排名（已公布 ${publications.length} 次）。`, `Campaign ${campaignId} has no published ranking ${rankingNo} (${publications.length} published).`, {
        campaignId, rankingNo, published: publications.length,
      });
    }
    return publicationView(found, this.orgs, true);
  }

  private async readable(user: AuthUser, campaignId: string): Promise<RankingPublication[]> {
    const campaign = await this.facts.campaign(campaignId);
    requireCampaignReadable(user, campaign, this.orgs, this.db);
    return (await this.commands.state(rankingStream(campaignId), rankingDecider)).state.publications;
  }
}
