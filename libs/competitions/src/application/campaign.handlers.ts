import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, READ_MODEL_DB, ReadConsistency, newAggregateId } from '@jingsai/api-kit';
import { CommandOutcome, ReadModelDatabase } from '@jingsai/event-store';
import { AuthUser, ORG_DIRECTORY, OrgDirectory, requireRole, requireWithinScope } from '@jingsai/auth';
import { DomainError, newId } from '@jingsai/shared';
import { APPROVING_KINDS, CAMPAIGN_CATEGORIES, CampaignCategory, CampaignDefinition, CampaignRules, CampaignState, campaignDecider, isHierarchyLevel } from '../domain';
import { projectsByCategory } from '../read-models/board/board.queries';
import { campaignStream } from './campaign-stream';
import { plainBody } from './plain-body';
import { ProjectFacts } from './project-facts.service';
import { AmendCampaignDraftCommand, AmendCampaignRulesCommand, CloseCampaignCommand, CreateCampaignCommand, PublishCampaignCommand } from './campaign.commands';

// In a module of its own: ProjectFacts reads campaigns by it, and these handlers use ProjectFacts.
export { campaignStream } from './campaign-stream';

export interface CampaignCommandResult {
  id: string;
  outcome: CommandOutcome<CampaignState>;
  /** What the caller should know about what was recorded (projects left in a category taken off the list). */
  noteZh?: string;
  noteEn?: string;
}

/**
 * Campaigns are organised by competition committees, or by the unions that run them (a district's
 * 区总工会, which also approves at its level: APPROVING_KINDS; review 47 #8); an enterprise or a team cannot.
 */
function requireCommitteeOrganiser(orgs: OrgDirectory, organizerOrgId: string): void {
  const organiser = orgs.get(organizerOrgId);
  if (!organiser || APPROVING_KINDS.includes(organiser.kind)) return;
  const zh = `主办组织“${organiser.name}”不是劳动竞赛委员会或工会，不能主办竞赛活动。请不填 organizerOrgId（默认为您所在的竞赛委员会）。`;
  const en = `The organiser ${organizerOrgId} is registered as ${organiser.kind}, not as a competition committee or union, and cannot organise a campaign; leave organizerOrgId out to organise it as your own committee.`;
  throw DomainError.unprocessable('CAMPAIGN.ORGANIZER_NOT_COMMITTEE', zh, en, {
    organizerOrgId,
    organizerKind: organiser.kind,
    errors: [{ field: 'organizerOrgId', messageZh: '主办组织应为劳动竞赛委员会或工会。', messageEn: 'The organiser must be a competition committee or union.' }],
  });
}

/**
 * A trimmed mean (去掉一个最高分和一个最低分) over few assessors keeps few sheets: with three it is
 * the middle expert's score alone (review 50 #12). Said when a campaign sets or changes such a
 * scheme, not refused: a committee may mean it.
 */
export function schemeNote(assessment: { aggregation?: string; minAssessors?: number } | undefined): { zh: string; en: string } | undefined {
  const n = assessment?.minAssessors;
  if (assessment?.aggregation !== 'trimmed_mean' || typeof n !== 'number' || n >= 5 || n < 3) return undefined;
  return {
    zh: `评估按“去掉一个最高分和一个最低分”计分，最少 ${n} 名评估专家时只计 ${n - 2} 名专家的评分${n === 3 ? '（即居中一名的分数）' : ''}；如需更稳健，可将最少评估专家数设为 5 名或以上`,
    en: `the trimmed mean over at least ${n} assessors counts ${n - 2} sheet(s)${n === 3 ? ' (the middle one alone)' : ''}; require 5 or more assessors for a steadier result`,
  };
}

/** Notes joined into one answer (each a clause without its full stop). */
export function joinNotes(...notes: Array<{ zh: string; en: string } | undefined>): { noteZh?: string; noteEn?: string } {
  const given = notes.filter((n): n is { zh: string; en: string } => n !== undefined);
  return given.length === 0 ? {} : { noteZh: `${given.map((n) => n.zh).join('；')}。`, noteEn: `${given.map((n) => n.en.charAt(0).toUpperCase() + n.en.slice(1)).join('. ')}.` };
}

/**
 * A command refused because the caller does not organise the campaign (CAMPAIGN.FORBIDDEN), on a
 * campaign the caller may not see (another region's draft), is answered as its detail answers:
 * as if there were no such campaign (404); a 403 told the caller the draft exists. A committee
 * above the organiser sees the draft, and is still told it may not act on it.
 */
async function hidingForeignDrafts<T>(facts: ProjectFacts, user: AuthUser, campaignId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof DomainError && e.code === 'CAMPAIGN.FORBIDDEN') await facts.visibleCampaign(user, campaignId);
    throw e;
  }
}

@CommandHandler(CreateCampaignCommand)
export class CreateCampaignHandler implements ICommandHandler<CreateCampaignCommand, CampaignCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ body, user, req }: CreateCampaignCommand): Promise<CampaignCommandResult> {
    const role = requireRole(user, 'committee');
    const organizerOrgId = body.organizerOrgId ?? user.orgId;
    await this.consistency.catchUp();
    requireWithinScope(this.orgs, user.orgId, organizerOrgId, 'organising committee');
    requireCommitteeOrganiser(this.orgs, organizerOrgId);
    const organiserLevel = this.orgs.get(organizerOrgId)?.level;
    const level = body.level ?? organiserLevel;
    if (!isHierarchyLevel(level)) {
      throw DomainError.validation('CAMPAIGN.LEVEL_REQUIRED', '无法从主办组织推断竞赛层级，请填写 level。', 'The level could not be taken from the organiser; give `level`.', {
        errors: [{ field: 'level', messageZh: '请填写竞赛层级。', messageEn: 'Give the campaign level.' }],
      });
    }
    const campaignId = body.campaignId ?? newAggregateId(req, user, newId);
    const ctx = this.commands.context(req, user, role);
    const { campaignId: _ignored, organizerOrgId: _o, level: _l, targets, ...rest } = plainBody(body);
    const definition: CampaignDefinition = { ...(rest as Omit<CampaignDefinition, 'level' | 'organizerOrgId' | 'targets'>), level, organizerOrgId, targets: (targets ?? []) as CampaignDefinition['targets'] };
    const organizerLevel = isHierarchyLevel(organiserLevel) ? organiserLevel : null;
    const outcome = await this.commands.run(campaignStream(campaignId), campaignDecider, { type: 'CreateCampaign', campaignId, at: ctx.now.toISOString(), actor: ctx.actor, ...definition, organizerLevel }, ctx);
    return { id: campaignId, outcome, ...joinNotes(schemeNote(definition.assessment)) };
  }
}

@CommandHandler(AmendCampaignDraftCommand)
export class AmendCampaignDraftHandler implements ICommandHandler<AmendCampaignDraftCommand, CampaignCommandResult> {
  constructor(private readonly commands: CommandExecutor, @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory, private readonly facts: ProjectFacts) {}

  async execute({ campaignId, body, user, req }: AmendCampaignDraftCommand): Promise<CampaignCommandResult> {
    const ctx = this.commands.context(req, user, requireRole(user, 'committee'));
    const changes = plainBody(body) as Partial<CampaignDefinition>;
    // Only the organiser edits its draft (the decider checks): its level is the caller's committee's.
    const level = this.orgs.get(user.orgId)?.level;
    const organizerLevel = isHierarchyLevel(level) ? level : null;
    const outcome = await hidingForeignDrafts(this.facts, user, campaignId, () =>
      this.commands.run(campaignStream(campaignId), campaignDecider, { type: 'AmendCampaignDraft', campaignId, at: ctx.now.toISOString(), actor: ctx.actor, changes, organizerLevel }, ctx),
    );
    return { id: campaignId, outcome, ...joinNotes(schemeNote(changes.assessment)) };
  }
}

@CommandHandler(PublishCampaignCommand)
export class PublishCampaignHandler implements ICommandHandler<PublishCampaignCommand, CampaignCommandResult> {
  constructor(private readonly commands: CommandExecutor, private readonly facts: ProjectFacts) {}

  async execute({ campaignId, user, req }: PublishCampaignCommand): Promise<CampaignCommandResult> {
    const ctx = this.commands.context(req, user, requireRole(user, 'committee'));
    const outcome = await hidingForeignDrafts(this.facts, user, campaignId, () =>
      this.commands.run(campaignStream(campaignId), campaignDecider, { type: 'PublishCampaign', campaignId, at: ctx.now.toISOString(), actor: ctx.actor }, ctx),
    );
    return { id: campaignId, outcome };
  }
}

@CommandHandler(AmendCampaignRulesCommand)
export class AmendCampaignRulesHandler implements ICommandHandler<AmendCampaignRulesCommand, CampaignCommandResult> {
  constructor(private readonly commands: CommandExecutor, @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase) {}

  async execute({ campaignId, body, user, req }: AmendCampaignRulesCommand): Promise<CampaignCommandResult> {
    const ctx = this.commands.context(req, user, requireRole(user, 'committee'));
    const changes = plainBody(body.changes) as Partial<CampaignRules>;
    const before = (await this.commands.state(campaignStream(campaignId), campaignDecider)).state;
    const outcome = await this.commands.run(
      campaignStream(campaignId),
      campaignDecider,
      { type: 'AmendCampaignRules', campaignId, at: ctx.now.toISOString(), actor: ctx.actor, changes, reason: body.reason },
      ctx,
    );
    return { id: campaignId, outcome, ...joinNotes(this.categoriesLeft(campaignId, before, outcome), schemeNote(changes.assessment)) };
  }

  /**
   * A category taken off the list keeps the projects already in it (they run on under the rules they
   * entered by); new ones can no longer choose it. Said in the answer, with how many (review 48 #14).
   */
  private categoriesLeft(campaignId: string, before: CampaignState, outcome: CommandOutcome<CampaignState>): { zh: string; en: string } | undefined {
    const amended = outcome.events.find((e) => e.type === 'CampaignRulesAmended')?.data as { changes?: Partial<CampaignRules> } | undefined;
    const now = amended?.changes?.categories;
    if (!now || before.status === 'none') return undefined;
    const removed = before.rules.categories.filter((c) => !now.includes(c));
    if (removed.length === 0) return undefined;
    const counts = projectsByCategory(this.readDb.db, campaignId, removed).filter((x) => x.count > 0);
    if (counts.length === 0) return undefined;
    const zh = counts.map((x) => `“${CAMPAIGN_CATEGORIES[x.category as CampaignCategory]?.zh ?? x.category}”类别已有 ${x.count} 个项目`).join('、');
    return {
      zh: `${zh}，这些项目按原规则继续，不受本次修改影响；新项目不能再选报该类别`,
      en: `${counts.map((x) => `${x.count} project(s) in ${x.category}`).join(', ')} go on under the rules they entered by; new projects can no longer choose it`,
    };
  }
}

@CommandHandler(CloseCampaignCommand)
export class CloseCampaignHandler implements ICommandHandler<CloseCampaignCommand, CampaignCommandResult> {
  constructor(private readonly commands: CommandExecutor) {}

  async execute({ campaignId, body, user, req }: CloseCampaignCommand): Promise<CampaignCommandResult> {
    const ctx = this.commands.context(req, user, requireRole(user, 'committee'));
    const outcome = await this.commands.run(
      campaignStream(campaignId),
      campaignDecider,
      { type: 'CloseCampaign', campaignId, at: ctx.now.toISOString(), actor: ctx.actor, reason: body.reason ?? null },
      ctx,
    );
    return { id: campaignId, outcome };
  }
}
