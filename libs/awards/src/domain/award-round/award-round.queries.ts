import { HonourStatus } from '../catalogue/award-catalogue';
import { HonourHeld, RoundFacts } from '../eligibility/eligibility.facts';
import { RatioResult } from '../rules/slate-ratios';
import { outstandingClearances, primariesOf, slateRatiosOf } from './award-round.slate';
import { AwardRoundState, HonourRecord } from './award-round.state';

/**
 * The current status of an honour, or 'unknown' if the round never conferred it. A revoked
 * honour is never reported 'valid': revocation is final in the state and checked again here.
 */
export function honourStatus(state: AwardRoundState, honourId: string): HonourStatus | 'unknown' {
  const h = state.honours.find((x) => x.honourId === honourId);
  if (!h) return 'unknown';
  return h.status;
}

/** Honours that count as held now (status 'valid'); revoked, withdrawn and suspended ones drop out. */
export function currentHonours(state: AwardRoundState): HonourRecord[] {
  return state.honours.filter((h) => h.status === 'valid');
}

/** A recipient's honours from this round, in the shape the eligibility engine reads (NomineeFacts.honours). */
export function honoursHeldFrom(state: AwardRoundState, recipientId: string): HonourHeld[] {
  return state.honours
    .filter((h) => h.recipient.id === recipientId)
    .map((h) => ({ honourId: h.honourId, awardType: h.awardType, level: h.level, conferredOn: h.conferredOn, status: h.status }));
}

/** The round part of an eligibility input: the campaign and every nomination so far. */
export function roundFactsOf(state: AwardRoundState): RoundFacts {
  return {
    ...(state.round ? { campaignId: state.round.campaignId } : {}),
    nominations: state.nominations.map((n) => {
      const honour = n.status === 'active' ? state.honours.find((h) => h.nominationId === n.nominationId && h.sourceHonourId === null) : undefined;
      return {
        nominationId: n.nominationId,
        nomineeKind: n.nominee.kind,
        nomineeId: n.nominee.id,
        status: honour ? 'conferred' : n.status,
        ...(honour && honour.status !== 'valid' ? { honourStatus: honour.status } : {}),
      };
    }),
  };
}

/** A preview of the slate ratios over the current primaries (the CheckSlate query). */
export function checkRoundSlate(state: AwardRoundState): RatioResult[] {
  return state.round ? slateRatiosOf(state.round, primariesOf(state)) : [];
}

/** Departments still to sign off, per active primary nominee. */
export function pendingClearances(state: AwardRoundState): ReturnType<typeof outstandingClearances> {
  return outstandingClearances(primariesOf(state));
}
