import { ALLOWED_ACTIONS, NOMINATION_ACTIONS, SCHEDULED_ACTIONS, awardActionNames, noticeScheduledAt, someHonourAllows } from './award-round.guards';
import { noticeRunningAt } from './award-round.decide-notice';
import { assertSlateReady } from './award-round.slate';
import { AwardRoundState, NominationState, levelsOf } from './award-round.state';

/**
 * What can be done with the round now, as a console offers it: the stage's actions that the
 * round's facts do not rule out at `at`. Starting the notice needs a complete, reviewed, cleared
 * slate; an objection is raised only while the notice runs and resolved only while one is open;
 * conferral waits for every objection and a slate still complete (an upheld objection may have
 * broken a ratio), and is offered once the notice's last day has passed, as is reopening
 * nominations where the list no longer holds; an honour action needs an honour in a state that allows
 * it; a nomination's action (recommend, review, clearance) needs a nomination that awaits it
 * (`nominationActionsNow`). Ending the notice is the scheduler's, never offered. The stage alone
 * (ALLOWED_ACTIONS) still decides what a refusal calls illegal.
 */
export function awardActionsNow(state: AwardRoundState, at: string): string[] {
  const openObjection = state.objections.some((o) => o.status === 'open');
  // Conferral records the end of a notice whose last day has passed but the scheduler has not yet closed.
  const noticeOver = state.stage === 'notice' && state.notice !== null && Date.parse(at) >= Date.parse(state.notice.endsAt);
  const scheduled = noticeScheduledAt(state, at);
  const candidates = noticeOver ? [...ALLOWED_ACTIONS[state.stage], 'Confer', 'ReopenNominations'] : scheduled ? [...ALLOWED_ACTIONS[state.stage], 'ReopenNominations'] : ALLOWED_ACTIONS[state.stage];
  const awaited = new Set(state.nominations.flatMap((n) => nominationActionsNow(state, n)));
  const now = candidates.filter((type) => {
    if (SCHEDULED_ACTIONS.includes(type)) return false;
    if (NOMINATION_ACTIONS.includes(type)) return awaited.has(type);
    switch (type) {
      case 'StartPublicNotice':
        return state.round !== null && slateReady(state);
      case 'RaiseObjection':
        return state.notice !== null && noticeRunningAt(state.notice, at);
      case 'ResolveObjection':
        return openObjection;
      case 'Confer':
        return !openObjection && slateReady(state);
      case 'ReopenNominations':
        // Offered when conferral cannot go ahead (the list no longer holds), or to take back a notice not yet begun.
        return scheduled || (!openObjection && !slateReady(state));
      case 'RevokeHonour':
      case 'WithdrawHonour':
      case 'SuspendHonour':
      case 'ReinstateHonour':
        return someHonourAllows(state, type);
      default:
        return true;
    }
  });
  return now;
}

/**
 * What one nomination awaits now, whoever may take it: while the stage allows reviews, an active
 * nomination awaits the next of the round's levels (at the first, the recommending unit records
 * its workers' congress, or declines by a review), and each required department that has not
 * signed off (a sign-off or a refusal); before the notice, it may be withdrawn.
 */
export function nominationActionsNow(state: AwardRoundState, n: NominationState): string[] {
  const round = state.round;
  if (!round || n.status !== 'active' || !ALLOWED_ACTIONS[state.stage].includes('ReviewNomination')) return [];
  const review = n.levelsPassed >= levelsOf(round, n).length ? [] : n.levelsPassed === 0 ? ['RecordWorkersCongressApproval', 'ReviewNomination'] : ['ReviewNomination'];
  const clearance = n.requiredClearances.some((d) => n.clearances[d] !== 'granted') ? ['GrantClearance', 'RefuseClearance'] : [];
  // Before the notice any active nomination may be taken off the list by its recommender.
  const withdraw = ALLOWED_ACTIONS[state.stage].includes('WithdrawNomination') ? ['WithdrawNomination'] : [];
  return [...review, ...clearance, ...withdraw];
}

/** The API names (snake_case) of `awardActionsNow`. */
export const awardActionNamesNow = (state: AwardRoundState, at: string): string[] => awardActionNames(awardActionsNow(state, at));

function slateReady(state: AwardRoundState): boolean {
  try {
    assertSlateReady(state, state.round!);
    return true;
  } catch {
    return false;
  }
}
