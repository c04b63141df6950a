import { awardRoundDecider, ruleSetDecider } from '@jingsai/awards';
import { campaignDecider, progressReportHistory, projectDecider, rankingDecider } from '@jingsai/competitions';
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
  ['ranking', replayable(rankingDecider)],
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

type ReplayEvent = { type: string; data: unknown; occurredAt: string };

/**
 * What a stream's live view shows beyond its folded state, recomputed from the same events, and
 * the event types it reads (only those are kept while a long stream is folded).
 */
interface ReplayView {
  types: ReadonlySet<string>;
  show(state: unknown, events: readonly ReplayEvent[]): unknown;
}

type Data = Record<string, unknown>;

/** Appends to the list kept under `key`. */
function append(lists: Map<string, Data[]>, key: unknown, item: Data): void {
  const list = lists.get(String(key));
  if (list) list.push(item);
  else lists.set(String(key), [item]);
}

const NOMINATION_STEPS = new Set(['NominationRecommended', 'NominationReviewed', 'ClearanceGranted', 'ClearanceRefused']);
const OBJECTION_RESOLVED = new Set(['ObjectionUpheld', 'ObjectionDismissed']);
const HONOUR_CHANGES = new Set(['HonourRevoked', 'HonourWithdrawn', 'HonourSuspended', 'HonourReinstated']);

/**
 * An award round as its view shows it: the folded state keeps what decisions need (statuses,
 * counts); its view, and so its replay, also says on what grounds and with what notes each step
 * was taken: the reviews and clearances of each nomination, each objection's grounds, objector and
 * resolution, each honour's changes with their reasons, and a nomination that led to an honour as
 * conferred. Objectors are shown: the replay is read by administrators and by auditors whose
 * scope holds the round's stream, who read the same identities in its events.
 */
const awardRoundView: ReplayView = {
  types: new Set([...NOMINATION_STEPS, 'ObjectionRaised', ...OBJECTION_RESOLVED, ...HONOUR_CHANGES]),
  show(state, events) {
    const round = state as { nominations?: Data[]; objections?: Data[]; honours?: Data[] };
    if (!Array.isArray(round.nominations)) return state;
    const steps = new Map<string, Data[]>();
    const objections = new Map<string, Data>();
    const changes = new Map<string, Data[]>();
    for (const e of events) {
      const { roundId: _r, ...d } = e.data as Data;
      if (NOMINATION_STEPS.has(e.type)) {
        const { nominationId, ...step } = d;
        append(steps, nominationId, { step: e.type, ...step, at: e.occurredAt });
      } else if (HONOUR_CHANGES.has(e.type)) {
        const { honourId, ...change } = d;
        append(changes, honourId, { change: e.type, ...change, at: e.occurredAt });
      } else if (e.type === 'ObjectionRaised') {
        objections.set(String(d.objectionId), { objector: d.objector, grounds: d.grounds, raisedAt: e.occurredAt });
      } else if (OBJECTION_RESOLVED.has(e.type)) {
        objections.set(String(d.objectionId), { ...objections.get(String(d.objectionId)), note: d.note, resolvedAt: e.occurredAt });
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
  },
};

/**
 * A project's state keeps the report in force per period; its view (and so its replay) every
 * report and correction, so that a correction replays as a new report superseding another, never
 * as an edit.
 */
const projectView: ReplayView = {
  types: new Set(['ProgressReportFiled', 'ProgressReportCorrected']),
  show(state, events) {
    const project = state as { progress?: object };
    if (!project.progress) return state;
    return { ...project, progress: { ...project.progress, reports: progressReportHistory(events) } };
  },
};

const VIEWS = new Map<string, ReplayView>([
  ['awardRound', awardRoundView],
  ['project', projectView],
]);

export function replayViewFor(category: string): ReplayView | undefined {
  return VIEWS.get(category);
}
