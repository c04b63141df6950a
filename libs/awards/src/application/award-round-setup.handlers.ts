import { ORG_OWNERSHIP_LABELS, isNonPublicOwnership } from '@jingsai/organizations';
import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandExecutor, ReadConsistency, newAggregateId } from '@jingsai/api-kit';
import { ORG_DIRECTORY, OrgDirectory, requireRole, requireWithinScope } from '@jingsai/auth';
import { campaignDecider, campaignSpan } from '@jingsai/competitions';
import { CommandOutcome } from '@jingsai/event-store';
import { DomainError, newId } from '@jingsai/shared';
import { AwardRoundState, HonourLevel, Nominate, NomineeAttributes, RuleSetVersion, awardRoundDecider, evaluateEligibility, roundFactsOf, withMandatoryRules, REVIEW_LEVELS, isOneOf, unstatedRatioNote } from './award-domain';
import { AwardRoundAccess } from './award-round-access.service';
import { campaignStream, roundStream } from './award-streams';
import { CreateAwardRoundCommand, NominateCommand } from './award.commands';
import { NomineeFacts } from './nominee-facts.service';
import { claimedNomineeOrg, requireNomineeTied } from './nominee-organisation';

/** The round acted on (`id`, as every command answers its aggregate) and, for a nomination, objection or honour, that item (`itemId`). */
export interface AwardRoundCommandResult {
  id: string;
  itemId?: string;
  outcome: CommandOutcome<AwardRoundState>;
  /** What the caller should know about what was recorded (a substitute passed over, and why). */
  noteZh?: string;
  noteEn?: string;
}

/**
 * The round's review levels that apply to a nominee: the recommending level always, and a level
 * of the tree (county, city, province) only where an organisation at that level is over the
 * nominee or is the nominee's own, as project approval skips a level with no committee over the
 * unit (a 市直单位 directly under the city has no county to review it).
 */
function applicableLevels(levels: readonly string[], nomineeOrgId: string, orgs: OrgDirectory): string[] {
  const node = orgs.get(nomineeOrgId);
  const chainLevels = new Set([...(node?.path ?? []), nomineeOrgId].map((id) => orgs.get(id)?.level));
  return levels.filter((level, i) => i === 0 || !isOneOf(REVIEW_LEVELS, level) || chainLevels.has(level));
}

const HONOUR_LEVEL_OF_ORG: Record<string, HonourLevel> = { province: 'provincial', city: 'city', county: 'county', enterprise: 'enterprise', team: 'enterprise' };
const plain = <T>(v: T): T => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T));

@CommandHandler(CreateAwardRoundCommand)
export class CreateAwardRoundHandler implements ICommandHandler<CreateAwardRoundCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    private readonly facts: NomineeFacts,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ body, user, req }: CreateAwardRoundCommand): Promise<AwardRoundCommandResult> {
    const role = requireRole(user, 'award_office');
    const { state: campaign } = await this.commands.state(campaignStream(body.campaignId), campaignDecider);
    if (campaign.status === 'none') {
      throw DomainError.notFound('CAMPAIGN.NOT_FOUND', `竞赛活动 ${body.campaignId} 不存在。`, `Campaign ${body.campaignId} does not exist.`, { campaignId: body.campaignId });
    }
    await this.consistency.catchUp();
    // A round is run for a campaign organised in the office's subtree or above it (a city office may run a round of a provincial campaign).
    if (!this.orgs.isWithin(user.orgId, campaign.organizerOrgId)) requireWithinScope(this.orgs, user.orgId, campaign.organizerOrgId, 'campaign');
    const version = await this.facts.ruleSetVersion(body.ruleSetId, body.ruleSetVersion);
    // The office's own level bounds what it may confer, so it must be known (the scope check above needs it registered anyway).
    const officeLevel = HONOUR_LEVEL_OF_ORG[this.orgs.get(user.orgId)?.level ?? ''];
    if (!officeLevel) {
      throw DomainError.forbidden('AWARD.OFFICE_NOT_REGISTERED', `您所在的组织 ${user.orgId} 未登记层级，不能开展评选；请管理员先登记该组织。`, `Your organisation ${user.orgId} has no registered level; ask an administrator to register it first.`, {
        orgId: user.orgId,
      });
    }
    const honourLevel = body.honourLevel ?? officeLevel;
    const roundId = body.roundId ?? newAggregateId(req, user, newId);
    const ctx = this.commands.context(req, user, role);
    const outcome = await this.commands.run(roundStream(roundId), awardRoundDecider, {
      type: 'CreateAwardRound',
      roundId,
      at: ctx.now.toISOString(),
      actor: ctx.actor,
      campaignId: body.campaignId,
      awardType: body.awardType,
      honourLevel,
      officeLevel,
      ruleSetId: body.ruleSetId,
      ruleSetVersion: version.version,
      pools: plain(body.pools),
      subQuotas: plain(body.subQuotas) as never,
      quotasByRecommender: plain(body.quotasByRecommender),
      levels: body.levels,
      minimumNoticeWorkingDays: body.minimumNoticeWorkingDays,
      ...(body.minimumNoticeCalendarDays !== undefined ? { minimumNoticeCalendarDays: body.minimumNoticeCalendarDays } : {}),
      // The rule-set version's ratios and clearances travel with the round (the domain reads no rule set).
      ratios: version.ratios,
      clearances: version.clearances,
    }, ctx);
    // A campaign running across years (2026-10 to 2027-03) takes a rule set of either year without a warning (review 46 #8).
    const span = campaignSpan(campaign.rules, campaign.year);
    const years = { from: Math.min(campaign.year, Number(span.startsOn.slice(0, 4))), to: Math.max(campaign.year, Number(span.endsOn.slice(0, 4))) };
    return { id: roundId, outcome, ...(outcome.events.length > 0 ? ruleSetWarnings(body.awardType, years, body.ruleSetId, version) : {}) };
  }
}

/**
 * What a round's rule set may have been mis-picked for, said when the round is created (review 43
 * #10): a rule set of another year than the campaign's (the ratios change from year to year; a
 * campaign across years takes any of them), and a May Day medal round whose rule set counts no frontline share (DOMAIN: the frontline share
 * applies to the medal). Warnings, not refusals: an office may mean it.
 */
export function ruleSetWarnings(awardType: string, campaignYears: { from: number; to: number }, ruleSetId: string, version: RuleSetVersion): { noteZh?: string; noteEn?: string } {
  const zh: string[] = [];
  const en: string[] = [];
  if (version.year < campaignYears.from || version.year > campaignYears.to) {
    const years = campaignYears.from === campaignYears.to ? `${campaignYears.from}` : `${campaignYears.from}–${campaignYears.to}`;
    zh.push(`所用规则集 ${ruleSetId} 第 ${version.version} 版为 ${version.year} 年度（${version.citation}），与竞赛活动年度 ${years} 不一致，请核对`);
    en.push(`rule set ${ruleSetId} v${version.version} is for ${version.year}, not the campaign's year${campaignYears.from === campaignYears.to ? '' : 's'} ${years}; check it`);
  }
  const frontline = version.ratios.some((r) => /frontline/.test(JSON.stringify(r.where)));
  if (awardType === 'may_day_medal' && !frontline) {
    zh.push(`五一劳动奖章评选的规则集未设一线职工比例（结构比例），请核对`);
    en.push('the rule set of a May Day medal round sets no frontline share; check it');
  }
  return zh.length > 0 ? { noteZh: `${zh.join('；')}。`, noteEn: `${en.join('; ')}.` } : {};
}

@CommandHandler(NominateCommand)
export class NominateHandler implements ICommandHandler<NominateCommand, AwardRoundCommandResult> {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly access: AwardRoundAccess,
    private readonly facts: NomineeFacts,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
  ) {}

  async execute({ roundId, body, user, req }: NominateCommand): Promise<AwardRoundCommandResult> {
    const loaded = await this.access.load(roundId);
    const { round } = loaded;
    const project = body.projectId ? await this.facts.project(body.projectId) : undefined;
    const nomineeOrgId = claimedNomineeOrg(body.nominee, project?.orgId);
    const recommenderOrgId = body.recommenderOrgId ?? user.orgId;
    const role = await this.access.authorise(user, loaded, 'Nominate', { orgIds: [nomineeOrgId], recommenderOrgId });
    requireNomineeTied(this.orgs, body.nominee, nomineeOrgId, project && { projectId: project.facts.projectId, orgId: project.orgId }, loaded.orgId);
    const org = await this.facts.organization(nomineeOrgId);
    const orgFacts = await this.facts.organizationFacts(org);
    const ancestors = await this.facts.ancestorFacts(nomineeOrgId);
    const version = await this.facts.ruleSetVersion(round.ruleSetId, round.ruleSetVersion);
    const honours = await this.facts.honoursHeld(body.nominee.id, body.nominee.kind);
    // A unit or team is judged by the veto over its own projects in the round's campaign, whichever project the nomination names, or none.
    const campaignProjects = body.nominee.kind !== 'person' ? await this.facts.campaignProjects(nomineeOrgId, round.campaignId, new Map(project ? [[project.facts.projectId, project.facts]] : [])) : undefined;
    // A unit or a team is the organisation itself: the honour and its public check carry the registered name, not whatever was typed.
    const typed = String(body.nominee.name ?? '').trim();
    const registeredName = body.nominee.kind === 'person' ? null : org.name;
    const nominee = {
      kind: body.nominee.kind, id: body.nominee.id, name: registeredName ?? body.nominee.name, orgId: nomineeOrgId,
      ...(registeredName !== null && typed && typed !== registeredName ? { nameAsNominated: typed } : {}),
    };
    // The register decides the non-public share where it records the ownership: a nomination may not claim otherwise (the ≥35% ratio is counted on it).
    const stated = plain(body.attributes ?? {}) as NomineeAttributes;
    const registered = org.ownership ? isNonPublicOwnership(org.ownership) : undefined;
    if (registered !== undefined && stated.nonPublic !== undefined && stated.nonPublic !== registered) {
      throw DomainError.unprocessable(
        'AWARD.ATTRIBUTE_CONTRADICTS_REGISTER',
        `推荐对象所在单位 ${org.name} 在组织登记中为“${ORG_OWNERSHIP_LABELS[org.ownership as keyof typeof ORG_OWNERSHIP_LABELS] ?? org.ownership}”，与填报的“${stated.nonPublic ? '非公有制' : '公有制'}”不符；非公有制比例按登记计算，请删去 nonPublic 或更正组织登记。`,
        `The nominee's organisation ${org.orgId} is registered as ${org.ownership}, which contradicts nonPublic: ${String(stated.nonPublic)}; the non-public share is counted from the register.`,
        { orgId: org.orgId, ownership: org.ownership, stated: stated.nonPublic, errors: [{ field: 'attributes.nonPublic', messageZh: '与组织登记的所有制不符。', messageEn: 'Contradicts the registered ownership.' }] },
      );
    }
    const attributes: NomineeAttributes = { ...stated, ...(registered !== undefined ? { nonPublic: registered } : {}) };
    const nominationId = body.nominationId ?? newAggregateId(req, user, newId);
    const year = await this.facts.campaignYear(round.campaignId);
    const ctx = this.commands.context(req, user, role);
    const at = ctx.now.toISOString();
    const outcome = await this.commands.run(
      roundStream(roundId),
      awardRoundDecider,
      // The verdict is made on the round as it stands when the command is decided (no double nomination).
      (state): Nominate => ({
        type: 'Nominate',
        roundId,
        at,
        actor: ctx.actor,
        callerActions: this.access.callerActions(user, loaded, at),
        nominationId,
        pool: body.pool ?? round.pools[0]!.pool,
        nominee,
        ownership: org.ownership,
        attributes,
        recommenderOrgId,
        substitute: body.substitute ?? false,
        order: body.order ?? 1,
        competitionResult: project && project.facts.campaignId === round.campaignId
          ? { projectId: project.facts.projectId, grade: project.facts.grade, category: project.category, ...(project.skillsContest ? { skillsContest: true } : {}), ...(project.facts.title ? { title: project.facts.title } : {}) }
          : null,
        levels: applicableLevels(round.levels, nomineeOrgId, this.orgs),
        orgNames: Object.fromEntries([recommenderOrgId, ...round.quotasByRecommender.map((q) => q.orgId)].map((id) => [id, this.orgs.get(id)?.name ?? id])),
        verdict: evaluateEligibility({
          rules: withMandatoryRules(version.rules, { project: project !== undefined, nomineeKind: nominee.kind, campaignProjects: campaignProjects !== undefined }),
          ruleSetId: round.ruleSetId,
          ruleSetVersion: round.ruleSetVersion,
          awardType: round.awardType,
          asOf: at,
          nominee: { ...nominee, honours, attributes },
          ...(project ? { project: project.facts } : {}),
          ...(campaignProjects ? { campaignProjects } : {}),
          organization: orgFacts,
          ancestors,
          round: { ...roundFactsOf(state), ...(year !== undefined ? { year } : {}) },
        }),
      }),
      ctx,
      'Nominate',
    );
    const unstated = unstatedRatioNote(round.ratios, attributes);
    return { id: roundId, itemId: nominationId, outcome, ...(unstated ? { noteZh: unstated.zh, noteEn: unstated.en } : {}) };
  }
}
