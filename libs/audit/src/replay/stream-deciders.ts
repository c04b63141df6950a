import { awardRoundDecider, ruleSetDecider } from '@jingsai/awards';
import { campaignDecider, progressReportHistory, projectDecider } from '@jingsai/competitions';
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

/**
 * What a stream's live view shows beyond its folded state, recomputed from the same events: a
 * project's state keeps the report in force per period, its view (and so its replay) every report
 * and correction, so that a correction replays as a new report superseding another, never as an edit.
 */
type ReplayView = (state: unknown, events: ReadonlyArray<{ type: string; data: unknown }>) => unknown;

const VIEWS = new Map<string, ReplayView>([
  [
    'project',
    (state, events) => {
      const project = state as { status?: string; progress?: object };
      if (!project.progress) return state;
      return { ...project, progress: { ...project.progress, reports: progressReportHistory(events) } };
    },
  ],
]);

export function replayViewFor(category: string): ReplayView | undefined {
  return VIEWS.get(category);
}
