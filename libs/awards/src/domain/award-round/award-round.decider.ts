import { Decider, assertNever } from '@jingsai/shared';
import { AwardRoundCommand } from './award-round.commands';
import { decideCloseDerivedFollowUp, decideConfer, decideDerivedHonourAgain, decideHonourChange } from './award-round.decide-honours';
import { decideEndNotice, decideRaiseObjection, decideReopenNominations, decideResolveObjection, decideStartNotice } from './award-round.decide-notice';
import { decideGrantClearance, decideRefuseClearance, decideReview, decideWithdrawNomination, decideWorkersCongress } from './award-round.decide-review';
import { decideCreate, decideNominate } from './award-round.decide-setup';
import { AwardRoundEvent } from './award-round.events';
import { evolveAwardRound } from './award-round.evolve';
import { AwardRoundState, initialAwardRoundState } from './award-round.state';

function decide(command: AwardRoundCommand, state: AwardRoundState): AwardRoundEvent[] {
  switch (command.type) {
    case 'CreateAwardRound':
      return decideCreate(command, state);
    case 'Nominate':
      return decideNominate(command, state);
    case 'RecordWorkersCongressApproval':
      return decideWorkersCongress(command, state);
    case 'ReviewNomination':
      return decideReview(command, state);
    case 'GrantClearance':
      return decideGrantClearance(command, state);
    case 'RefuseClearance':
      return decideRefuseClearance(command, state);
    case 'WithdrawNomination':
      return decideWithdrawNomination(command, state);
    case 'StartPublicNotice':
      return decideStartNotice(command, state);
    case 'RaiseObjection':
      return decideRaiseObjection(command, state);
    case 'ResolveObjection':
      return decideResolveObjection(command, state);
    case 'EndPublicNotice':
      return decideEndNotice(command, state);
    case 'ReopenNominations':
      return decideReopenNominations(command, state);
    case 'Confer':
      return decideConfer(command, state);
    case 'RevokeHonour':
    case 'WithdrawHonour':
    case 'SuspendHonour':
    case 'ReinstateHonour':
      return decideHonourChange(command, state);
    case 'ConferDerivedHonour':
      return decideDerivedHonourAgain(command, state);
    case 'CloseDerivedHonourFollowUp':
      return decideCloseDerivedFollowUp(command, state);
    default:
      return assertNever(command);
  }
}

/**
 * Decider of an award round (`awardRound-<id>`): nominations with their eligibility verdicts,
 * level-by-level review, department clearances, the public notice with objections, conferral
 * within every quota, and the later life of each honour (revocation, withdrawal, suspension).
 */
export const awardRoundDecider: Decider<AwardRoundState, AwardRoundCommand, AwardRoundEvent> = {
  initialState: initialAwardRoundState,
  decide,
  evolve: evolveAwardRound,
};
