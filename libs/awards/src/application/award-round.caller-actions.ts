import { AwardRoundState, NOMINATION_ACTIONS, NominationState, awardActionsNow, nominationActionsNow } from './award-domain';

/** What a caller is offered on a round: the round's actions, and each visible nomination's own. */
export interface CallerRoundActions {
  round: string[];
  byNomination: ReadonlyMap<string, string[]>;
}

/**
 * What this caller may do now: the actions the round's facts allow (`awardActionsNow`), each kept
 * only when `may` (the check its route makes of the caller) lets the caller take it. A
 * nomination's action is offered on each visible nomination that awaits it and the caller may
 * take it on (a review at the level the nomination awaits), and on the round when on any.
 */
export function roundActionsForCaller(
  state: AwardRoundState, at: string, may: (commandType: string, nomination?: NominationState) => boolean, visible: (n: NominationState) => boolean,
): CallerRoundActions {
  const byNomination = new Map(state.nominations.filter(visible).map((n) => [n.nominationId, nominationActionsNow(state, n).filter((type) => may(type, n))]));
  const onSome = new Set([...byNomination.values()].flat());
  const round = awardActionsNow(state, at).filter((type) => (NOMINATION_ACTIONS.includes(type) ? onSome.has(type) : may(type)));
  return { round, byNomination };
}
