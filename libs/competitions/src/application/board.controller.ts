import { Controller, Get, Inject, Query, Req, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import type { Database } from 'better-sqlite3';
import { ApiPageResponse, PageQueryDto, QueryCacheInterceptor, READ_MODEL_DB, ReadsModels, answerValidUntil } from '@jingsai/api-kit';
import { AuthUser, CurrentUser, ORG_DIRECTORY, OrgDirectory, describeScope } from '@jingsai/auth';
import { ReadModelDatabase, readTogether } from '@jingsai/event-store';
import { CLOCK, Clock, DomainError } from '@jingsai/shared';
import { CAMPAIGN_CATEGORY_KEYS, PROJECT_STATUSES, ProjectActionFacts, isHierarchyLevel, deadlineEndMs, endOfBeijingDay, mayExtendNow, submissionOpenAt } from '../domain';
import { BoardAwaiting, BoardItem, BoardScope, approvalLevels, listBoard } from '../read-models/board/board.queries';
import { campaignWindows } from '../read-models/campaigns/campaign-list.queries';
import { actionsForCaller, labelledActions } from './project.view';
import { orgNames, projectScopeOf } from './read-scope';
import { seesEveryScoreSheet } from './score-visibility';
import { BoardItemDto, BoardSummaryDto } from './board.response.dto';

class BoardQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: '竞赛活动 Campaign id' }) @IsOptional() @IsString() campaignId?: string;
  @ApiPropertyOptional({ description: '竞赛类别 Category', enum: CAMPAIGN_CATEGORY_KEYS }) @IsOptional() @IsIn(CAMPAIGN_CATEGORY_KEYS) category?: string;
  @ApiPropertyOptional({ description: '组织（含下级）Organisation and its subtree' }) @IsOptional() @IsString() @MaxLength(64) orgId?: string;
  @ApiPropertyOptional({ description: '项目状态 Status', enum: PROJECT_STATUSES }) @IsOptional() @IsIn(PROJECT_STATUSES) status?: string;

  @ApiPropertyOptional({
    description: '只看待我办理的（委员会：待本级审批、待验收整改、待确定评估结果、待通过总结；参赛单位：草稿、被退回、待整改、逾期未报、待提交总结；评估专家：待评分）Only what awaits your action',
    type: Boolean,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  awaitingMyAction?: boolean;

  @ApiPropertyOptional({
    description: '同时给出各状态、各类别的项目数（byStatus、byCategory；各按其余筛选条件统计，供页签显示）Also count the projects by stage and by category',
    type: Boolean,
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  counts?: boolean;
}

@ApiTags('board 申报看板')
@ApiBearerAuth()
@UseInterceptors(QueryCacheInterceptor)
@ReadsModels('board', 'campaign_list')
@Controller('api/v1/board')
export class BoardController {
  private readonly db: Database;

  constructor(
    @Inject(READ_MODEL_DB) readDb: ReadModelDatabase,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.db = readDb.db;
  }

  @Get()
  @ApiPageResponse(BoardItemDto, BoardSummaryDto)
  @ApiOperation({
    summary: '项目看板 Project board: projects in your scope, longest waiting first',
    description: '竞赛委员会看到本辖区的项目，参赛单位只看到本单位的项目，评估专家只看到指派给本人的项目。awaitingMyAction=true 只列出等待您办理的项目。',
  })
  list(@Query() q: BoardQueryDto, @CurrentUser() user: AuthUser, @Req() req: unknown) {
    // One read transaction for the whole answer: the page, the campaigns' windows and the
    // organisations are of one state of the read models, and it costs one lock, not one a statement.
    return readTogether(this.db, () => this.answer(q, user, req));
  }

  private answer(q: BoardQueryDto, user: AuthUser, req: unknown) {
    const scope: BoardScope = projectScopeOf(user, this.orgs, q.orgId);
    const callerLevel = this.orgs.get(user.orgId)?.level ?? null;
    let awaiting: BoardAwaiting | undefined;
    if (q.awaitingMyAction) {
      if (user.roles.includes('committee')) awaiting = { kind: 'committee', level: isHierarchyLevel(callerLevel) ? callerLevel : null, orgId: user.orgId };
      else if (user.roles.includes('unit')) awaiting = { kind: 'unit' };
      else if (user.roles.includes('assessor')) awaiting = { kind: 'assessor', userId: user.userId };
      else return { items: [], total: 0, limit: q.limit ?? 50, offset: q.offset ?? 0, scope: describeScope(scope, this.orgs) };
    }
    // An unknown campaign is a mistake to point out, not an empty board that reads as "no projects" (as statistics and eligibility answer).
    const asked = q.campaignId ? campaignWindows(this.db, [q.campaignId]) : undefined;
    if (q.campaignId && asked?.size === 0) {
      throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${q.campaignId} 不存在，请检查活动编号。`, `Campaign ${q.campaignId} does not exist; check the campaign id.`, { campaignId: q.campaignId });
    }
    const page = listBoard(this.db, {
      scope, campaignId: q.campaignId, category: q.category, orgId: q.orgId, status: q.status, awaiting, limit: q.limit ?? 50, offset: q.offset ?? 0, counts: q.counts,
    });
    // With a campaign asked for, every row is of that campaign: its window is already read.
    const windows = asked ?? campaignWindows(this.db, page.items.map((i) => i.campaignId));
    const now = this.clock.now().toISOString();
    answerValidUntil(req, boardTurnsAfter(Date.parse(now), [...windows.values()], page.items));
    // What the row knows: findings to rectify or review, whether the application is complete, and whether submitting is open now.
    // Only the findings this caller verifies (the inspecting committee or one above it) count, offered and shown (review 51 #4, 53 #1).
    const reviewable = (item: BoardItem) => item.reviewInspectors.filter((o) => o === '' || this.orgs.isWithin(o, user.orgId)).length;
    const factsOf = (item: BoardItem): ProjectActionFacts => {
      const campaign = windows.get(item.campaignId);
      const submissionOpen = campaign ? campaign.status === 'published' && submissionOpenAt(now, campaign.applicationWindow, item.extensionUntil) : undefined;
      return { findingsToRectify: item.openFindings, findingsToReview: reviewable(item), findingsAwaitingAnyone: item.findingsToReview, submissionOpen, vetoed: item.vetoed, milestones: item.milestones,
        applicationComplete: item.applicationMissing.length === 0, mayExtend: campaign ? mayExtendNow(user.orgId, campaign, now) : undefined,
        // The committee that opened the assessment, or one above it, fixes the result and adds an assessor (as the routes check).
        assessmentOwner: item.assessmentOpenedBy === null ? undefined : this.orgs.isWithin(item.assessmentOpenedBy, user.orgId),
        enoughScores: item.scoresNeeded === null ? undefined : item.scoresCounted >= item.scoresNeeded };
    };
    // A committee in scope at one of the campaign's approval levels decides (returns, rejects) until its level has approved.
    const levels = callerLevel && user.roles.includes('committee') ? approvalLevels(this.db, page.items.filter((i) => i.status === 'submitted').map((i) => i.campaignId)) : new Map<string, string[]>();
    const approvalOf = (item: BoardItem) => ({
      next: item.nextApprovalLevel,
      undecided: item.status === 'submitted' ? (levels.get(item.campaignId) ?? []).filter((l) => !item.approvedLevels.includes(l)) : [],
    });
    // Each row names its unit, as the supervision lists do: a table shows names, not ids.
    const names = orgNames(this.orgs, page.items.map((i) => i.orgId));
    return {
      ...page,
      scope: describeScope(scope, this.orgs),
      items: page.items.map((row) => {
        const { scoredBy, assessorOrgsJson, assessmentOpenedBy: _openedBy, reviewInspectors: _inspectors, ...item } = row;
        // Still assessing: to score or scored, not recused (a declared conflict leaves both lists).
        const assigned = item.pendingAssessors.includes(user.userId) || scoredBy.includes(user.userId);
        // Assigned under another organisation than the caller's, the assessor may step aside but not score (PROJECT.ASSESSOR_ORG_MISMATCH), as on the detail.
        const assignedOrg = assigned ? (JSON.parse(assessorOrgsJson) as Record<string, string>)[user.userId] : undefined;
        const underOther = assignedOrg !== undefined && assignedOrg !== user.orgId;
        const allowedActions = actionsForCaller(user, item.status, approvalOf(row), callerLevel, assigned, factsOf(row)).filter((a) => a !== 'record_score' || !underOther);
        // Judging fairness: before the result only those who see every sheet learn who has not scored yet; others get the count.
        const pending = seesEveryScoreSheet(user) ? item.pendingAssessors : item.pendingAssessors.filter((a) => a === user.userId);
        // Labels without their requests (the detail has those): fifty rows of links made every board answer heavier (measured, about 10% of a kept answer's rate).
        return { ...item, findingsToReview: user.roles.includes('committee') ? reviewable(row) : item.findingsToReview, orgName: names.get(item.orgId) ?? null, pendingAssessors: pending, pendingAssessorCount: item.pendingAssessors.length, allowedActions, allowedActionLabels: labelledActions(allowedActions) };
      }),
    };
  }
}

/**
 * The next instant after `nowMs` at which a board page reads differently by the clock alone: a
 * row's actions change only when a window opens or closes, an extension ends, or the campaign is
 * over. A deadline turns when it has passed as submission takes it (deadlineEndMs: the end of its
 * named second, or a Beijing midnight itself), so a kept page offers submitting exactly as long as
 * a submission is accepted. Infinity when nothing turns.
 */
export function boardTurnsAfter(
  nowMs: number,
  windows: ReadonlyArray<{ applicationWindow: { opensAt: string; closesAt: string }; endsOn: string }>,
  items: ReadonlyArray<{ extensionUntil: string | null }>,
): number {
  const turns = windows
    .flatMap((w) => [Date.parse(w.applicationWindow.opensAt), deadlineEndMs(w.applicationWindow.closesAt), Date.parse(endOfBeijingDay(w.endsOn))])
    .concat(items.flatMap((i) => (i.extensionUntil ? [deadlineEndMs(i.extensionUntil)] : [])));
  return Math.min(Infinity, ...turns.filter((ms) => ms > nowMs));
}
