import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, ReadConsistency } from '@jingsai/api-kit';
import { AuthUser, ORG_DIRECTORY, OrgDirectory, requireRole, requireWithinScope } from '@jingsai/auth';
import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { DomainError, ROLES, Role, isDomainError } from '@jingsai/shared';
import { ACTION_LABELS, AwardRoundCommand, awardActionName, AwardRoundState, NominationState, REVIEW_LEVELS, REVIEW_LEVEL_LABELS, RoundConfig, awardRoundDecider, isOneOf, levelsOf, reviewLevelZh } from './award-domain';
import { roundStream } from './award-streams';
import { roundActionsForCaller } from './award-round.caller-actions';

export interface LoadedRound {
  state: AwardRoundState;
  round: RoundConfig;
  revision: number | null;
  /** The organisation that runs the round: the award office that created it. */
  orgId: string;
}

export interface RoundReadAccess {
  showObjectors: boolean;
  /** The caller: an objection they raised is theirs to follow, whoever the nominee. */
  userId: string;
  /** Whether a nomination of a nominee in this organisation is shown. */
  nomineeVisible(orgId: string): boolean;
}

/** An action on a round that exists (creating one is checked against its campaign instead). */
export type RoundAction = Exclude<AwardRoundCommand['type'], 'CreateAwardRound'>;

/** What an action is taken on: the nominee's organisation (or the recommender's, for a withdrawal), the recommender a nomination is made for, or a nomination at a level. */
export interface ActionTarget {
  orgIds?: string[];
  recommenderOrgId?: string;
  nominationId?: string;
  level?: string;
}

/**
 * Who takes each action: the round's award office; a recommender (office, committee or unit)
 * for nominees in its subtree; the level under review; anyone in scope (an objection); the
 * system alone (the end of the notice, a derived honour conferred again; no route).
 */
const TAKEN_BY: Record<RoundAction, 'office' | 'recommender' | 'recommender_or_office' | 'reviewer' | 'anyone_in_scope' | 'scheduler'> = {
  Nominate: 'recommender',
  RecordWorkersCongressApproval: 'reviewer',
  ReviewNomination: 'reviewer',
  GrantClearance: 'office',
  RefuseClearance: 'office',
  WithdrawNomination: 'recommender_or_office',
  StartPublicNotice: 'office',
  RaiseObjection: 'anyone_in_scope',
  ResolveObjection: 'office',
  EndPublicNotice: 'scheduler',
  ReopenNominations: 'office',
  Confer: 'office',
  RevokeHonour: 'office',
  ConferDerivedHonour: 'scheduler',
  CloseDerivedHonourFollowUp: 'scheduler',
  WithdrawHonour: 'office',
  SuspendHonour: 'office',
  ReinstateHonour: 'office',
};

export const isRoundAction = (commandType: string): commandType is RoundAction => Object.hasOwn(TAKEN_BY, commandType);

export function roundNotFound(roundId: string): DomainError {
  return DomainError.notFound('AWARD.ROUND_NOT_FOUND', `评选轮次 ${roundId} 不存在。`, `Award round ${roundId} does not exist.`, { roundId });
}

/**
 * Who may act on an award round. The award office runs rounds of organisations in its subtree;
 * committees and units below the round recommend for organisations in theirs; anyone whose
 * organisation lies under the round (or above it) may raise an objection.
 */
@Injectable()
export class AwardRoundAccess {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(ORG_DIRECTORY) private readonly orgs: OrgDirectory,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** An organisation's name as users read it, its id when the register does not know it. */
  orgName(orgId: string): string {
    return this.orgs.get(orgId)?.name ?? orgId;
  }

  async load(roundId: string): Promise<LoadedRound> {
    const stream = roundStream(roundId);
    const { state, revision } = await this.commands.state(stream, awardRoundDecider);
    if (!state.round) throw roundNotFound(roundId);
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    return { state, round: state.round, revision, orgId: first?.metadata.actor.orgId ?? '' };
  }

  /**
   * The caller's role for `type` on the round, or the refusal (403) its handler answers with. The
   * same check decides what the round view offers (`mayTake`), so what is offered is accepted.
   */
  async authorise(user: AuthUser, round: LoadedRound, type: RoundAction, target: ActionTarget = {}): Promise<Role> {
    await this.consistency.catchUp();
    return this.roleFor(user, round, type, target);
  }

  /**
   * Whether the caller passes `type`'s check (after a catch-up): on `nomination` for a
   * nomination's action (at the level it awaits), for a nominee of its own subtree when
   * nominating (under a recommender the round names, if it names any).
   */
  mayTake(user: AuthUser, round: LoadedRound, type: RoundAction, nomination?: NominationState): boolean {
    const passes = (target: ActionTarget) => {
      try {
        this.roleFor(user, round, type, target);
        return true;
      } catch (e) {
        if (isDomainError(e) && (e.kind === 'forbidden' || e.kind === 'not_found')) return false;
        throw e;
      }
    };
    if (type === 'Nominate') {
      const named = round.round.quotasByRecommender.map((q) => q.orgId);
      return (named.length > 0 ? named : [user.orgId]).some((orgId) => passes({ recommenderOrgId: orgId }));
    }
    if (!nomination) return passes({});
    if (type === 'WithdrawNomination') return passes({ orgIds: [nomination.recommenderOrgId] });
    const levels = levelsOf(round.round, nomination);
    const level = type === 'RecordWorkersCongressApproval' ? levels[0] : type === 'ReviewNomination' ? levels[nomination.levelsPassed] : undefined;
    return passes({ nominationId: nomination.nominationId, level: level ?? '' });
  }

  /**
   * What this caller may do on the round at `at`, as the round view offers it (the round's facts
   * and the caller's checks; a nomination's action where some nomination awaits it and the caller
   * may take it there), for a refusal to name only those.
   */
  callerActions(user: AuthUser, round: LoadedRound, at: string): string[] {
    return roundActionsForCaller(round.state, at, (type, n) => isRoundAction(type) && this.mayTake(user, round, type, n), () => true).round;
  }

  private roleFor(user: AuthUser, round: LoadedRound, type: RoundAction, target: ActionTarget): Role {
    switch (TAKEN_BY[type]) {
      case 'office':
        return this.asOffice(user, round, type);
      case 'recommender':
        return this.asRecommender(user, round, target.orgIds ?? [], target.recommenderOrgId);
      case 'recommender_or_office':
        return this.asRecommenderOrOffice(user, round, target.orgIds?.[0] ?? null);
      case 'reviewer':
        return this.asReviewer(user, round, target.nominationId ?? '', target.level ?? '');
      case 'anyone_in_scope':
        return this.asAnyoneInScope(user, round);
      case 'scheduler':
        throw DomainError.forbidden('AWARD.SCHEDULED_ACTION', '该事项由系统按时办理。', 'The system does this when it is due.', { action: type });
    }
  }

  /**
   * The award office of the round's organisation or above it. An office below it (an SOE group's,
   * which nominates and reviews in the province's round) is told whose step it is, not that the
   * round is outside its scope (review 54 #5).
   */
  private asOffice(user: AuthUser, round: LoadedRound, type: RoundAction): Role {
    const role = requireRole(user, 'award_office');
    if (user.orgId !== round.orgId && this.orgs.isWithin(user.orgId, round.orgId)) {
      const office = this.orgs.get(round.orgId)?.name ?? round.orgId;
      // A review at a level named otherwise (rounds recorded before levels were fixed) is the round office's too: it is not told it may review.
      const mayReview = type !== 'ReviewNomination';
      throw DomainError.forbidden(
        'AWARD.ROUND_OFFICE_ONLY',
        `“${ACTION_LABELS[type] ?? type}”由主办本轮评选的${office}评选表彰办公室（或其上级）办理${mayReview ? '；下级单位的评选表彰办公室可在本轮推荐和审核' : ''}。`,
        `${awardActionName(type)} is for the award office running this round (${round.orgId}) or one above it${mayReview ? '; an office below it nominates and reviews in the round' : ''}.`,
        { action: awardActionName(type), roundOrgId: round.orgId, yourOrgId: user.orgId },
      );
    }
    requireWithinScope(this.orgs, user.orgId, round.orgId, 'award round');
    return role;
  }

  /**
   * The award office, or a committee or unit under the round acting for organisations in its own
   * subtree: nominees there, and a recommender that is its own organisation or one below it (a
   * county nominates for an enterprise that holds a quota; an enterprise does not use its
   * county's).
   */
  private asRecommender(user: AuthUser, round: LoadedRound, orgIds: string[], recommenderOrgId?: string): Role {
    const role = requireRole(user, 'award_office', 'committee', 'unit');
    if (role === 'award_office' && this.orgs.isWithin(round.orgId, user.orgId)) return role;
    if (!this.orgs.isWithin(user.orgId, round.orgId)) requireWithinScope(this.orgs, user.orgId, round.orgId, 'award round');
    if (recommenderOrgId !== undefined && !this.orgs.isWithin(recommenderOrgId, user.orgId)) {
      const name = this.orgs.get(recommenderOrgId)?.name;
      if (!name) requireWithinScope(this.orgs, user.orgId, recommenderOrgId, 'recommender');
      throw DomainError.forbidden(
        'AWARD.RECOMMENDER_OUT_OF_SCOPE',
        `只能以本单位或下级单位的名义推荐：“${name}”的推荐名额由其本身或其上级使用，请由“${name}”推荐。`,
        `You may nominate only for your own organisation or one below it; ${recommenderOrgId}'s quota is used by it or by those above it, so ask ${recommenderOrgId} to nominate.`,
        { recommenderOrgId, yourOrgId: user.orgId, errors: [{ field: 'recommenderOrgId', messageZh: '应为本单位或下级单位', messageEn: 'your own organisation or one below it' }] },
      );
    }
    for (const orgId of orgIds) requireWithinScope(this.orgs, user.orgId, orgId, 'nominee');
    return role;
  }

  /**
   * The organisation that recommended a nomination (its unit, committee or office), or the award
   * office running the round: a level above drops a nominee by its review, not by withdrawing it.
   */
  private asRecommenderOrOffice(user: AuthUser, round: LoadedRound, recommenderOrgId: string | null): Role {
    const role = requireRole(user, 'award_office', 'committee', 'unit');
    // The round's own office, not one above it: a province's office does not withdraw a city round's nominee.
    if (role === 'award_office' && user.orgId === round.orgId) return role;
    if (recommenderOrgId === null || user.orgId === recommenderOrgId) return role;
    const name = this.orgs.get(recommenderOrgId)?.name ?? recommenderOrgId;
    throw DomainError.forbidden(
      'AWARD.NOT_THE_RECOMMENDER',
      `只有推荐单位“${name}”或本轮评选表彰办公室可以撤回该推荐；上级审核层级如不同意推荐，请在审核时作出“不同意”结论并说明理由。`,
      `Only the recommending organisation ${recommenderOrgId} or the round's award office may withdraw this nomination; a review level declines it by its review.`,
      { recommenderOrgId, yourOrgId: user.orgId },
    );
  }

  /**
   * 逐级推荐: each level is taken by that level of the tree, over nominees in its own subtree.
   * The recommending level (the first) by the nominee's own unit, after its workers' congress;
   * a later level by a committee or award office whose organisation sits at that level (a
   * county review by a county, a city review by a city). A level the round does not have, or
   * a nomination it does not hold, is left to the decider's refusal.
   */
  private asReviewer(user: AuthUser, round: LoadedRound, nominationId: string, level: string): Role {
    const index = round.round.levels.indexOf(level);
    const nomination = round.state.nominations.find((n) => n.nominationId === nominationId);
    const nominee = nomination?.nominee;
    // A level the round does not have, a nomination it does not hold, or a level this nominee skips (no organisation over it) is the decider's to refuse, saying which.
    if (!nominee || index < 0 || !levelsOf(round.round, nomination).includes(level)) return requireRole(user, 'unit', 'committee', 'award_office');
    if (index === 0) {
      const role = this.reviewRole(user, ['unit'], level, { zh: '推荐对象所在单位', en: "the nominee's own unit" });
      requireWithinScope(this.orgs, user.orgId, nominee.orgId, 'nominee');
      return role;
    }
    const orgLevel = isOneOf(REVIEW_LEVELS, level) ? level : null;
    const label = orgLevel ? REVIEW_LEVEL_LABELS[orgLevel] : { zh: level, en: level };
    const role = this.reviewRole(user, ['committee', 'award_office'], level, { zh: `${label.zh}竞赛委员会或评选表彰办公室`, en: `a ${label.en} committee or award office` });
    // A level named otherwise (rounds recorded before levels were fixed) is recorded by the round's office.
    if (!orgLevel) return this.asOffice(user, round, 'ReviewNomination');
    const own = this.orgs.get(user.orgId);
    if (own?.level !== orgLevel) {
      throw DomainError.forbidden(
        'AWARD.REVIEW_LEVEL_FORBIDDEN',
        `${label.zh}审核须由推荐对象所在${label.zh}组织办理，您所在的组织${own?.name ? `“${own.name}”` : ` ${user.orgId} `}不是${label.zh}组织。`,
        `The ${label.en} review is taken at ${label.en} level; your organisation ${user.orgId} is not a ${label.en} organisation.`,
        { level, yourOrgId: user.orgId, yourOrgLevel: own?.level ?? null },
      );
    }
    requireWithinScope(this.orgs, user.orgId, nominee.orgId, 'nominee');
    return role;
  }

  private reviewRole(user: AuthUser, roles: Role[], level: string, who: { zh: string; en: string }): Role {
    const role = roles.find((r) => user.roles.includes(r));
    if (!role) {
      throw DomainError.forbidden(
        'AWARD.REVIEW_LEVEL_FORBIDDEN',
        `${reviewLevelZh(level)}意见只能由${who.zh}办理。`,
        `The ${level} level is decided by ${who.en} only.`,
        { level, requiredRoles: roles, yourRoles: user.roles },
      );
    }
    return role;
  }

  /** Anyone authenticated whose organisation is under the round or above it. */
  private asAnyoneInScope(user: AuthUser, round: LoadedRound): Role {
    const role = requireRole(user, ...ROLES);
    if (!this.canSee(user, round.orgId)) requireWithinScope(this.orgs, user.orgId, round.orgId, 'award round');
    return role;
  }

  /**
   * What a caller may read of a round. The whole round: an administrator, or anyone whose
   * subtree holds the organisation that runs it. Part of it: anyone below that organisation (a
   * selection is public in the area it is held for, whichever organisations hold its quotas),
   * who sees the nominations of their own subtree, and the published list (公示) whole.
   * Objectors' identities (real names, phone numbers) go to the organising office and to
   * auditors over it, nobody else. Anyone else is refused (403).
   */
  readAccess(user: AuthUser, round: LoadedRound, raisedObjectionHere = false): RoundReadAccess {
    const admin = user.roles.includes('admin');
    const over = this.orgs.isWithin(round.orgId, user.orgId);
    const showObjectors = (user.roles.includes('award_office') && user.orgId === round.orgId) || (user.roles.includes('auditor') && over);
    if (admin || over) return { showObjectors, userId: user.userId, nomineeVisible: () => true };
    if (!this.orgs.isWithin(user.orgId, round.orgId)) {
      // One who objected here (an auditor may, from anywhere) reads the round to follow their objections, and no nominee.
      if (raisedObjectionHere && this.canSee(user, round.orgId)) return { showObjectors, userId: user.userId, nomineeVisible: () => false };
      throw DomainError.forbidden('AUTH.OUT_OF_SCOPE', `评选轮次 ${round.round.roundId} 不在您所在组织的范围内，无权查看。`, `Award round ${round.round.roundId} is outside your organisation's scope.`, {
        roundId: round.round.roundId,
        yourOrgId: user.orgId,
        targetOrgId: round.orgId,
      });
    }
    return { showObjectors, userId: user.userId, nomineeVisible: (orgId) => this.orgs.isWithin(orgId, user.orgId) };
  }

  /** Objection access: administrators and auditors everywhere, others on rounds run in their subtree or above them. */
  canSee(user: AuthUser, roundOrgId: string): boolean {
    if (user.roles.includes('admin') || user.roles.includes('auditor')) return true;
    return this.orgs.isWithin(roundOrgId, user.orgId) || this.orgs.isWithin(user.orgId, roundOrgId);
  }
}
