import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, DeadlineHandler, DeadlineRow, READ_MODEL_DB, ReadConsistency } from '@jingsai/api-kit';
import { ReadModelDatabase } from '@jingsai/event-store';
import { SYSTEM_ACTOR, deterministicId, isDomainError } from '@jingsai/shared';
import { DERIVED_HONOUR_AGAIN } from '../read-models/honours/derived-honour-deadline.projection';
import { roundHonoursOf } from '../read-models/honours/honour-register.queries';
import { AwardRoundEvent, AwardRoundState, awardRoundDecider } from './award-domain';
import { roundStream } from './award-streams';

const YOUTH = 'youth_post_expert';

/** A derived honour conferred again in another round, in place of one revoked with its source. */
export interface DerivedHonourAgain {
  replaced: string;
  roundId: string;
  honourId: string;
  sourceHonourId: string;
  /** Global position of its event: a reader passes it as minPosition to see it. */
  position: number;
}

/**
 * 青年岗位能手 follows a young skills-contest winner's honour, once per person (原则上不重复授予):
 * a second round that honours the same champion confers none. So when the honour it followed is
 * revoked, the person may be left without one while another round's honour still rests on a
 * championship (review 44 #4). This finds that honour, in the register, and confers the derived
 * honour again from it, in its own round, as the system, once: the command id is derived from the
 * honour revoked and the round, so the revocation's request and the scheduler's retry of the same
 * due item record it once.
 */
@Injectable()
export class DerivedHonourAgainService {
  constructor(
    private readonly commands: CommandExecutor,
    private readonly consistency: ReadConsistency,
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
  ) {}

  /** After a revocation's events: each derived honour revoked with its source, conferred again where another honour allows, or the follow-up closed. */
  async afterRevocation(roundId: string, state: AwardRoundState, events: ReadonlyArray<AwardRoundEvent>, correlationId: string): Promise<DerivedHonourAgain[]> {
    const cascaded = events.flatMap((e) => (e.type === 'HonourRevoked' && e.data.followUp ? [e.data.honourId] : []));
    const out: DerivedHonourAgain[] = [];
    for (const honourId of cascaded) {
      const again = await this.followUp(roundId, honourId, state, correlationId);
      if (again) out.push(again);
    }
    return out;
  }

  /**
   * The scheduler's side: the due item a cascaded revocation left, for when the request did not
   * finish it. Its outcome is an event either way (conferred again in another round, or the
   * follow-up closed in this one), from which the projection settles the item. Any failure (the
   * read models behind, a concurrent append) is retried next tick, never taken as "nothing owed".
   */
  handler(): DeadlineHandler {
    return {
      kind: DERIVED_HONOUR_AGAIN,
      fire: async (item: DeadlineRow, commandId: string, now: Date): Promise<void> => {
        try {
          const roundId = String(item.payload.roundId);
          const { state } = await this.commands.state(roundStream(roundId), awardRoundDecider);
          await this.followUp(roundId, item.key, state, commandId, now);
        } catch (e) {
          throw new Error(`derived honour follow-up of ${item.key} not settled yet; retried next tick: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
        }
      },
    };
  }

  /**
   * Confers the derived honour again from the person's oldest other valid honour that rests on a
   * championship of a young winner; when they hold one already, or none qualifies, records that in
   * the revoking round (DerivedHonourFollowUpClosed, with what was looked at). Null unless conferred.
   */
  private async followUp(roundId: string, revokedId: string, state: AwardRoundState, correlationId: string, now = this.commands.now()): Promise<DerivedHonourAgain | null> {
    const revoked = state.honours.find((h) => h.honourId === revokedId);
    if (!revoked || revoked.followUpClosed || !revoked.recipient.id) return null;
    await this.consistency.catchUp();
    const held = roundHonoursOf(this.readDb.db, revoked.recipient.id, revoked.recipient.kind);
    const system = (streamId: string, what: string) => ({ actor: SYSTEM_ACTOR, now, commandId: deterministicId(what, revokedId, streamId), correlationId });
    const close = async (outcome: 'holds_one' | 'none_qualifies', heldHonourId: string | null) => {
      const checked = held.filter((h) => h.honourId !== revokedId).map((h) => ({ honourId: h.honourId, status: h.status }));
      await this.commands.run(
        roundStream(roundId),
        awardRoundDecider,
        { type: 'CloseDerivedHonourFollowUp', roundId, honourId: revokedId, outcome, heldHonourId, checked, at: now.toISOString(), actor: SYSTEM_ACTOR },
        system(roundStream(roundId), 'derived-honour-closed'),
      );
      return null;
    };
    // Still holding one, valid or suspended (conferred meanwhile, or by an earlier pass of this): nothing to confer.
    const holding = held.find((h) => h.awardType === revoked.awardType && h.honourId !== revokedId && (h.status === 'valid' || h.status === 'suspended'));
    if (holding) return close('holds_one', holding.honourId);
    // The person's other honours of their own (a derived one follows a source), still valid, oldest first.
    const sources = held.filter((h) => h.roundId !== roundId && h.status === 'valid' && h.sourceHonourId === null);
    for (const source of sources) {
      // One that does not rest on a championship of a young winner answers null: try the person's next one.
      const again = await this.conferFrom(source, { roundId, honourId: revokedId }, system(roundStream(source.roundId), 'derived-honour-again'));
      if (again) return again;
    }
    return close('none_qualifies', null);
  }

  /**
   * ConferDerivedHonour on `source`'s round, in place of `replaces`. Null when that honour carries
   * none (AWARD.NO_DERIVED_HONOUR_BASIS) or already has one; any other refusal is not a verdict and is thrown.
   */
  private async conferFrom(
    source: { roundId: string; honourId: string },
    replaces: { roundId: string; honourId: string },
    ctx: { actor: typeof SYSTEM_ACTOR; now: Date; commandId: string; correlationId: string },
  ): Promise<DerivedHonourAgain | null> {
    try {
      const outcome = await this.commands.run(
        roundStream(source.roundId),
        awardRoundDecider,
        { type: 'ConferDerivedHonour', roundId: source.roundId, sourceHonourId: source.honourId, replaces, at: ctx.now.toISOString(), actor: SYSTEM_ACTOR },
        ctx,
      );
      const conferred = outcome.events.find((e) => e.type === 'DerivedHonourConferred');
      if (!conferred) return null;
      return { replaced: replaces.honourId, roundId: source.roundId, honourId: (conferred.data as { honourId: string }).honourId, sourceHonourId: source.honourId, position: outcome.position };
    } catch (e) {
      if (isDomainError(e) && e.code === 'AWARD.NO_DERIVED_HONOUR_BASIS') return null;
      throw e;
    }
  }

  /**
   * After an honour is reinstated (恢复): a young champion whose 青年岗位能手 was revoked with another
   * honour, and who holds none now, gets it again from this one, which stands on a championship
   * again (review 48 #1: suspended when the other was revoked, it could not carry it then). Null
   * when nothing is conferred. Unlike the revocation's follow-up, no due item stands behind it: a
   * failure here is said in the answer, and the office may suspend and reinstate again.
   */
  async afterReinstatement(roundId: string, state: AwardRoundState, honourId: string, correlationId: string): Promise<DerivedHonourAgain | null> {
    const honour = state.honours.find((h) => h.honourId === honourId);
    if (!honour || honour.status !== 'valid' || honour.sourceHonourId !== null || !honour.recipient.id) return null;
    if (state.honours.some((d) => d.sourceHonourId === honourId)) return null;
    await this.consistency.catchUp();
    const held = roundHonoursOf(this.readDb.db, honour.recipient.id, honour.recipient.kind);
    if (held.some((h) => h.awardType === YOUTH && (h.status === 'valid' || h.status === 'suspended'))) return null;
    // The one they lost: only a person who held it and lost it with another honour gets it again here.
    const lost = [...held].reverse().find((h) => h.awardType === YOUTH && h.status === 'revoked' && h.sourceHonourId !== null);
    if (!lost) return null;
    const now = this.commands.now();
    return this.conferFrom({ roundId, honourId }, { roundId: lost.roundId, honourId: lost.honourId }, {
      actor: SYSTEM_ACTOR, now, commandId: deterministicId('derived-on-reinstate', honourId, lost.honourId), correlationId,
    });
  }
}
