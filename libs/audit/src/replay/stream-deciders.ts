import { campaignDecider, projectDecider } from '@jingsai/competitions';
import { organizationDecider } from '@jingsai/organizations';
import { Decider, DomainEvent } from '@jingsai/shared';

/** Only `initialState` and `evolve` are needed to replay; `decide` is never called. */
export type ReplayDecider = Pick<Decider<unknown, unknown, DomainEvent>, 'initialState' | 'evolve'>;

/**
 * Stream category → the decider whose `evolve` folds it. Award rounds and rule sets are not
 * here because `@jingsai/awards` has no public index yet; the awards context (or the app)
 * adds them with `registerReplayDecider('awardRound', awardRoundDecider)` once it exports them.
 */
const DECIDERS = new Map<string, ReplayDecider>([
  ['organization', organizationDecider as unknown as ReplayDecider],
  ['campaign', campaignDecider as unknown as ReplayDecider],
  ['project', projectDecider as unknown as ReplayDecider],
]);

export function registerReplayDecider(category: string, decider: ReplayDecider): void {
  DECIDERS.set(category, decider);
}

export function replayDeciderFor(category: string): ReplayDecider | undefined {
  return DECIDERS.get(category);
}

export function replayableCategories(): string[] {
  return [...DECIDERS.keys()].sort();
}
