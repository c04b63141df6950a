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
type ReplayView = (state: unknown, events: ReadonlyArray<{ type: string; data: unknown; occurredAt: string }>) => unknown;

type Data = Record<string, unknown>;

/**
 * An award round as its view shows it: the folded state keeps what decisions need (statuses,
 * counts); its view, and so its replay, also says on what grounds and with what notes each step
 * was taken: the reviews and clearances of each nomination, each objection's grounds, objector and
 * resolution, each honour's changes with their reasons, and a nomination that led to an honour as
 * conferred. Objectors are shown: the replay is read by administrators and by auditors whose
 * scope holds the round's stream, who read the same identities in its events.
 */
const awardRoundView: ReplayView = (state, events) => {
  const round = state as { nominations?: Data[]; objections?: Data[]; honours?: Data[] };
  if (!Array.isArray(round.nominations)) return state;
  const steps = new Map<string, Data[]>();
  const objections = new Map<string, Data>();
  const changes = new Map<string, Data[]>();
  for (const e of events) {
    const d = e.data as Data;
    switch (e.type) {
      case 'NominationRecommended':
      case 'NominationReviewed':
      case 'ClearanceGranted':
      case 'ClearanceRefused': {
        const { roundId: _r, nominationId, ...step } = d;
        steps.set(String(nominationId), [...(steps.get(String(nominationId)) ?? []), { step: e.type, ...step, at: e.occurredAt }]);
        break;
      }
      case 'ObjectionRaised':
        objections.set(String(d.objectionId), { objector: d.objector, grounds: d.grounds, raisedAt: e.occurredAt });
        break;
      case 'ObjectionUpheld':
      case 'ObjectionDismissed':
        objections.set(String(d.objectionId), { ...objections.get(String(d.objectionId)), note: d.note, resolvedAt: e.occurredAt });
        break;
      case 'HonourRevoked':
      case 'HonourWithdrawn':
      case 'HonourSuspended':
      case 'HonourReinstated': {
        const { roundId: _r, honourId, ...change } = d;
        changes.set(String(honourId), [...(changes.get(String(honourId)) ?? []), { change: e.type, ...change, at: e.occurredAt }]);
        break;
      }
    }
  }
  const honourOf = new Map((round.honours ?? []).filter((h) => h.sourceHonourId == null).map((h) => [String(h.nominationId), h.honourId]));
  return {
    ...round,
    nominations: round.nominations.map((n) => {
      const id = String(n.nominationId);
      const honourId = honourOf.get(id);
      return { ...n, ...(n.status === 'active' && honourId !== undefined ? { status: 'conferred', honourId } : {}), steps: steps.get(id) ?? [] };
    }),
    objections: (round.objections ?? []).map((o) => ({ ...o, ...objections.get(String(o.objectionId)) })),
    honours: (round.honours ?? []).map((h) => ({ ...h, changes: changes.get(String(h.honourId)) ?? [] })),
  };
};

/** The event types each view reads: only those are kept while a long stream is folded. */
export const REPLAY_VIEW_TYPES = new Map<string, ReadonlySet<string>>([
  ['project', new Set(['ProgressReportFiled', 'ProgressReportCorrected'])],
  [
    'awardRound',
    new Set(['NominationRecommended', 'NominationReviewed', 'ClearanceGranted', 'ClearanceRefused', 'ObjectionRaised', 'ObjectionUpheld', 'ObjectionDismissed', 'HonourRevoked', 'HonourWithdrawn', 'HonourSuspended', 'HonourReinstated']),
  ],
]);

const VIEWS = new Map<string, ReplayView>([
  ['awardRound', awardRoundView],
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
