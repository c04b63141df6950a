import { Inject, Injectable } from '@nestjs/common';
import { CommandExecutor, DeadlineHandler, DeadlineRow, READ_MODEL_DB, ReadConsistency, settleDeadline } from '@jingsai/api-kit';
import { ReadModelDatabase } from '@jingsai/event-store';
import { SYSTEM_ACTOR, deterministicId, isDomainError } from '@jingsai/shared';
import { DERIVED_HONOUR_AGAIN } from '../read-models/honours/derived-honour-deadline.projection';
import { roundHonoursOf } from '../read-models/honours/honour-register.queries';
import { AwardRoundEvent, AwardRoundState, awardRoundDecider } from './award-domain';
import { roundStream } from './award-streams';

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

  /** After a revocation's events: each derived honour revoked with its source, conferred again where another honour allows. */
  async afterRevocation(roundId: string, state: AwardRoundState, events: ReadonlyArray<AwardRoundEvent>, correlationId: string): Promise<DerivedHonourAgain[]> {
    const cascaded = events.flatMap((e) => (e.type === 'HonourRevoked' && e.data.sourceHonourId ? [e.data.honourId] : []));
    const out: DerivedHonourAgain[] = [];
    for (const honourId of cascaded) {
      const again = await this.again(roundId, honourId, state, correlationId);
      if (again) out.push(again);
    }
    return out;
  }

  /** The scheduler's side: the due item a cascaded revocation left, for when the request did not finish it. */
  handler(): DeadlineHandler {
    return {
      kind: DERIVED_HONOUR_AGAIN,
      fire: async (item: DeadlineRow, commandId: string, now: Date): Promise<void> => {
        const roundId = String(item.payload.roundId);
        const { state } = await this.commands.state(roundStream(roundId), awardRoundDecider);
        const again = await this.again(roundId, item.key, state, commandId, now);
        // Conferred again: the projection settles the item from the event. Nothing qualifies: nothing more to do.
        if (!again) settleDeadline(this.readDb.db, item.kind, item.streamId, item.key);
      },
    };
  }

  private async again(roundId: string, revokedId: string, state: AwardRoundState, correlationId: string, now = this.commands.now()): Promise<DerivedHonourAgain | null> {
    const revoked = state.honours.find((h) => h.honourId === revokedId);
    if (!revoked || revoked.awardType !== 'youth_post_expert' || !revoked.recipient.id) return null;
    await this.consistency.catchUp();
    const held = roundHonoursOf(this.readDb.db, revoked.recipient.id, revoked.recipient.kind);
    // Still holding one, valid or suspended (conferred meanwhile, or by an earlier pass of this): nothing to do.
    if (held.some((h) => h.awardType === 'youth_post_expert' && h.honourId !== revokedId && (h.status === 'valid' || h.status === 'suspended'))) return null;
    // The person's other honours of their own (a derived one follows a source), still valid, oldest first.
    const sources = held.filter((h) => h.roundId !== roundId && h.status === 'valid' && h.sourceHonourId === null);
    for (const source of sources) {
      const streamId = roundStream(source.roundId);
      try {
        const outcome = await this.commands.run(
          streamId,
          awardRoundDecider,
          { type: 'ConferDerivedHonour', roundId: source.roundId, sourceHonourId: source.honourId, replaces: { roundId, honourId: revokedId }, at: now.toISOString(), actor: SYSTEM_ACTOR },
          { actor: SYSTEM_ACTOR, now, commandId: deterministicId('derived-honour-again', revokedId, streamId), correlationId },
        );
        const conferred = outcome.events.find((e) => e.type === 'DerivedHonourConferred');
        if (conferred) return { replaced: revokedId, roundId: source.roundId, honourId: (conferred.data as { honourId: string }).honourId, sourceHonourId: source.honourId, position: outcome.position };
      } catch (e) {
        // That honour does not rest on a championship of a young winner: try the person's next one.
        if (!isDomainError(e)) throw e;
      }
    }
    return null;
  }
}
