import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, ReadConsistency } from '@jingsai/api-kit';
import { AuthUser, ORG_DIRECTORY, OrgDirectory, requireRole, requireWithinScope } from '@jingsai/auth';
import { EVENT_STORE, EventStore } from '@jingsai/event-store';
import { DomainError, ROLES, Role } from '@jingsai/shared';
import { AwardRoundState, RoundConfig, awardRoundDecider } from './award-domain';
import { roundStream } from './award-streams';

export interface LoadedRound {
  state: AwardRoundState;
  round: RoundConfig;
  revision: number | null;
  /** The organisation that runs the round: the award office that created it. */
  orgId: string;
}

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

  async load(roundId: string): Promise<LoadedRound> {
    const stream = roundStream(roundId);
    const { state, revision } = await this.commands.state(stream, awardRoundDecider);
    if (!state.round) throw roundNotFound(roundId);
    const [first] = await this.store.readStream(stream, { maxCount: 1 });
    return { state, round: state.round, revision, orgId: first?.metadata.actor.orgId ?? '' };
  }

  /** The award office of the round's organisation or above it. */
  async asOffice(user: AuthUser, round: LoadedRound): Promise<Role> {
    const role = requireRole(user, 'award_office');
    await this.consistency.catchUp();
    requireWithinScope(this.orgs, user.orgId, round.orgId, 'award round');
    return role;
  }

  /** The award office, or a committee or unit under the round acting for organisations in its own subtree. */
  async asRecommender(user: AuthUser, round: LoadedRound, orgIds: string[]): Promise<Role> {
    const role = requireRole(user, 'award_office', 'committee', 'unit');
    await this.consistency.catchUp();
    if (role === 'award_office' && this.orgs.isWithin(round.orgId, user.orgId)) return role;
    if (!this.orgs.isWithin(user.orgId, round.orgId)) requireWithinScope(this.orgs, user.orgId, round.orgId, 'award round');
    for (const orgId of orgIds) requireWithinScope(this.orgs, user.orgId, orgId, 'nominee');
    return role;
  }

  /** Anyone authenticated whose organisation is under the round or above it. */
  async asAnyoneInScope(user: AuthUser, round: LoadedRound): Promise<Role> {
    const role = requireRole(user, ...ROLES);
    await this.consistency.catchUp();
    if (!this.canSee(user, round.orgId)) requireWithinScope(this.orgs, user.orgId, round.orgId, 'award round');
    return role;
  }

  /** Read access: administrators and auditors everywhere, others on rounds run in their subtree or above them. */
  canSee(user: AuthUser, roundOrgId: string): boolean {
    if (user.roles.includes('admin') || user.roles.includes('auditor')) return true;
    return this.orgs.isWithin(roundOrgId, user.orgId) || this.orgs.isWithin(user.orgId, roundOrgId);
  }
}
