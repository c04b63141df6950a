import { awardRoundDecider, ruleSetDecider } from '@jingsai/awards';
import { campaignDecider, projectDecider } from '@jingsai/competitions';
import { organizationDecider } from '@jingsai/organizations';
import { Decider, DomainEvent } from '@jingsai/shared';

/** Only `initialState` and `evolve` are needed to replay; `decide` is never called. */
export type ReplayDecider = Pick<Decider<unknown, unknown, DomainEvent>, 'initialState' | 'evolve'>;

const replayable = (decider: Decider<any, any, any>) => decider as unknown as ReplayDecider;

/** Stream category → the decider whose `evolve` folds it (ARCHITECTURE.md, stream names). */
const DECIDERS = new Map<string, ReplayDecider>([
  ['organization', replayable(organizationDecider)],
  ['campaign', replayable(campaignDecider)],
  ['project', replayable(projectDecider)],
  ['awardRound', replayable(awardRoundDecider)],
  ['ruleSet', replayable(ruleSetDecider)],
]);

/** A context adding a new stream category makes it replayable here. */
export function registerReplayDecider(category: string, decider: ReplayDecider): void {
  DECIDERS.set(category, decider);
}

export function replayDeciderFor(category: string): ReplayDecider | undefined {
  return DECIDERS.get(category);
}

export function replayableCategories(): string[] {
  return [...DECIDERS.keys()].sort();
}
