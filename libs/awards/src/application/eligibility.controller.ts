import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags, IntersectionType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, Min } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, CommandExecutor, ConsistentQueryDto, PageQueryDto, READ_MODEL_DB } from '@jingsai/api-kit';
import { campaignDecider, requireCampaignReadable } from '@jingsai/competitions';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, describeScope, headsTheOnlyTree, Roles } from '@jingsai/auth';
import { ReadModelDatabase } from '@jingsai/event-store';
import { DomainError } from '@jingsai/shared';
import { latestRoundOf } from '../read-models/award-rounds/award-round-list.queries';
import { EligibilityQuery, eligibilityBoard } from '../read-models/eligibility/eligibility.queries';
import { ruleSetVersionContent } from '../read-models/rule-sets/rule-set-list.queries';
import { AWARD_TYPES, AWARD_TYPE_CATALOGUE, AwardType } from './award-domain';
import { campaignStream } from './award-streams';
import { DEFAULT_ELIGIBILITY_PRESET, RULE_SET_PRESETS } from './rule-set.presets';
import { EligibilityBoardExtraDto, EligibilityItemDto } from './eligibility.response.dto';

/** How a verdict by a preset names it (`preset:<key>`), so the id can be asked for again. */
const PRESET_PREFIX = 'preset:';

/** One project's verdict: not a page, so no limit or offset (a page's parameters would be accepted and ignored). */
class EligibilityOneQueryDto extends ConsistentQueryDto {
  @ApiProperty({ description: '奖项 Award type', enum: AWARD_TYPES }) @IsIn(AWARD_TYPES) awardType!: AwardType;
  @ApiPropertyOptional({ description: '按此规则集判定（默认：本活动该奖项最近一轮的规则集；尚无该奖项的轮次时，本活动最近一轮的规则集；活动尚无任何轮次时，九江评选条件预设）Rule set to judge by' }) @IsOptional() @IsString() ruleSetId?: string;
  @ApiPropertyOptional({ description: '规则集版本（默认最新）Rule-set version' }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) ruleSetVersion?: number;
}

class EligibilityListQueryDto extends IntersectionType(PageQueryDto, EligibilityOneQueryDto) {
  @ApiProperty({ description: '竞赛活动 Campaign' }) @IsString() @IsNotEmpty() campaignId!: string;
}

/** The roles that judge or answer for award eligibility; an assessor reads projects by assignment, never by organisation (review 42 #9). */
const READS_ELIGIBILITY = ['committee', 'unit', 'award_office', 'auditor', 'admin'] as const;

/** 评选资格: for each project and its unit, eligible or not and why, from the facts as they stand now. */
@ApiTags('eligibility 评选资格')
@ApiBearerAuth()
@Roles(...READS_ELIGIBILITY)
@Controller('api/v1/eligibility')
export class EligibilityController {
  private readonly db: Database;

  constructor(
    private readonly commands: CommandExecutor,
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {
    this.db = readDb.db;
  }

  private query(q: EligibilityOneQueryDto, campaignId: string | undefined, user: AuthUser): Omit<EligibilityQuery, 'limit' | 'offset'> {
    const round = campaignId ? latestRoundOf(this.db, campaignId, q.awardType) : undefined;
    // No round of this award yet: the rule set the campaign's own latest round uses, before another city's preset (review 49 #7).
    const sibling = !round && !q.ruleSetId && campaignId ? latestRoundOf(this.db, campaignId, null) : undefined;
    const ruleSetId = q.ruleSetId ?? round?.ruleSetId ?? sibling?.ruleSetId;
    const base = {
      campaignId, awardType: q.awardType, asOf: this.commands.now().toISOString(), roundId: round?.roundId, withinOrgId: this.everywhere(user) ? undefined : user.orgId,
      ...(ownOnly(user) ? { ownOrgId: user.orgId } : {}),
    };
    // A preset judges by its key (`preset:<key>`, as the answer names it, so the id it gives can be asked for again).
    const byPreset = (preset: (typeof RULE_SET_PRESETS)[number], basisZh: string) => ({ ...base, rules: preset.content.rules, ruleSetId: `${PRESET_PREFIX}${preset.key}`, ruleSetVersion: 1, basisZh });
    // No round yet and none asked for: a preset judges, and the answer says so (a board judged by another city's notice must not pass for this campaign's own).
    if (!ruleSetId) {
      return byPreset(DEFAULT_ELIGIBILITY_PRESET, `本活动尚无评选轮次，暂按预设“${DEFAULT_ELIGIBILITY_PRESET.label.zh}”判定；可用 ruleSetId 指定本地发布的规则集。`);
    }
    const preset = RULE_SET_PRESETS.find((p) => `${PRESET_PREFIX}${p.key}` === ruleSetId);
    if (preset) return byPreset(preset, `按预设“${preset.label.zh}”判定${q.ruleSetId ? '（按所指定）' : round ? '（本活动该奖项评选轮次所用）' : `（本活动尚无该奖项的评选轮次，为本活动评选轮次 ${sibling!.roundId} 所用）`}。`);
    const content = ruleSetVersionContent(this.db, ruleSetId, q.ruleSetVersion ?? (q.ruleSetId ? undefined : (round ?? sibling)?.ruleSetVersion));
    if (!content) {
      // A version the rule set does not have is named as such: the rule set itself exists.
      const latest = q.ruleSetVersion !== undefined ? ruleSetVersionContent(this.db, ruleSetId, undefined) : undefined;
      if (latest) {
        throw DomainError.notFound('RULESET.VERSION_NOT_FOUND', `规则集 ${ruleSetId} 没有第 ${q.ruleSetVersion} 版（现有第 1 至 ${latest.version} 版）。`, `Rule set ${ruleSetId} has no version ${q.ruleSetVersion} (versions 1 to ${latest.version}).`, {
          ruleSetId, version: q.ruleSetVersion ?? null, latestVersion: latest.version,
        });
      }
      throw DomainError.notFound('RULESET.NOT_FOUND', `规则集 ${ruleSetId} 不存在。`, `Rule set ${ruleSetId} does not exist.`, { ruleSetId, version: q.ruleSetVersion ?? null });
    }
    const basisZh = q.ruleSetId
      ? `按所指定的规则集 ${ruleSetId} 第 ${content.version} 版判定。`
      : round
        ? `按本活动该奖项评选轮次 ${round.roundId} 所用的规则集 ${ruleSetId} 第 ${content.version} 版判定。`
        : `本活动尚无该奖项的评选轮次，暂按本活动${AWARD_TYPE_CATALOGUE[sibling!.awardType as AwardType]?.zh ?? sibling!.awardType}评选轮次 ${sibling!.roundId} 所用的规则集 ${ruleSetId} 第 ${content.version} 版判定；可用 ruleSetId 指定其他规则集。`;
    return { ...base, rules: content.rules, ruleSetId, ruleSetVersion: content.version, basisZh };
  }

  /**
   * Every project: an administrator, or the auditor of the head of the only tree (as the audit
   * trail counts it unrestricted). Any other auditor reads their own subtree, as everyone else.
   */
  private everywhere(user: AuthUser): boolean {
    return user.roles.includes('admin') || (user.roles.includes('auditor') && headsTheOnlyTree(this.orgs, user.orgId));
  }

  @Get()
  @ApiPageResponse(EligibilityItemDto, EligibilityBoardExtraDto)
  @ApiOperation({ summary: '评选资格一览 Eligibility of every project and its unit in a campaign', description: '按时报名、立项、总结、考核等次、事故一票否决、督导问题整改、单位限制期、已获荣誉，逐项给出理由；随事实变化而更新。' })
  async list(@Query() q: EligibilityListQueryDto, @CurrentUser() user: AuthUser) {
    // An unknown campaign is a mistake to point out, not an empty board that reads as "nobody is eligible".
    const { state: campaign } = await this.commands.state(campaignStream(q.campaignId), campaignDecider);
    if (campaign.status === 'none') {
      throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${q.campaignId} 不存在，请检查活动编号。`, `Campaign ${q.campaignId} does not exist; check the campaign id.`, { campaignId: q.campaignId });
    }
    // Another region's draft reads as absent, its published campaign as out of scope, as its detail does.
    requireCampaignReadable(user, campaign, this.orgs, this.db);
    const scope = describeScope(this.everywhere(user) ? { kind: 'all' } : ownOnly(user) ? { kind: 'org', orgId: user.orgId } : { kind: 'subtree', orgId: user.orgId }, this.orgs);
    return { ...eligibilityBoard(this.db, { ...this.query(q, q.campaignId, user), limit: q.limit ?? 50, offset: q.offset ?? 0 }), scope };
  }

  @Get('projects/:projectId')
  @ApiOperation({ summary: '单个项目的评选资格 Eligibility of one project and its unit' })
  one(@Param('projectId') projectId: string, @Query() q: EligibilityOneQueryDto, @CurrentUser() user: AuthUser) {
    const row = this.db.prepare('SELECT campaign_id AS campaignId, org_id AS orgId FROM award_elig_projects WHERE project_id = ?').get(projectId) as { campaignId: string; orgId: string } | undefined;
    const notFound = DomainError.notFound('PROJECT.NOT_FOUND', `竞赛项目 ${projectId} 不存在。`, `Project ${projectId} does not exist.`, { projectId });
    if (!row) throw notFound;
    // The code the project itself answers with out of scope (AUTH.OUT_OF_SCOPE), so a console handles both alike.
    if (!this.everywhere(user) && !(ownOnly(user) ? row.orgId === user.orgId : this.orgs.isWithin(row.orgId, user.orgId))) {
      throw DomainError.forbidden(
        'AUTH.OUT_OF_SCOPE',
        `竞赛项目 ${projectId} 不在您的查看范围内：只能查看本辖区（本单位）项目的评选资格。`,
        `Project ${projectId} is outside what you may read: eligibility is shown for the projects of your own area or unit.`,
        { projectId, yourOrgId: user.orgId, targetOrgId: row.orgId, projectOrgId: row.orgId },
      );
    }
    const board = eligibilityBoard(this.db, { ...this.query(q, row.campaignId, user), projectId, limit: 1, offset: 0 });
    const { items, total: _t, limit: _l, offset: _o, ...rest } = board;
    if (!items[0]) throw notFound;
    return { ...rest, ...items[0] };
  }
}

/** A unit reads the eligibility of its own organisation's projects, as it reads their detail and board rows (review 40 #8); a team's project is its own union's. */
function ownOnly(user: AuthUser): boolean {
  // A unit that is also an assessor reads as a unit: the assessor role reads by assignment, never a subtree (review 44 #2).
  return user.roles.includes('unit') && user.roles.every((r) => r === 'unit' || r === 'assessor');
}

