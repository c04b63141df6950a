import { EventStore } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';

/**
 * What to export: one stream, a campaign (its stream, its projects, its award rounds and the rule
 * sets they cite), or the whole log. `scopeOrgId`: only the campaign's streams of that subtree (a
 * restricted auditor's part; each stream is still whole, so its chain verifies).
 */
export type ExportSelection =
  | { kind: 'stream'; streamId: string }
  | { kind: 'campaign'; campaignId: string; scopeOrgId?: string }
  | { kind: 'all' };

export interface ExportOptions {
  /** Events per read (default 1000); at most this many events are held at once. */
  pageSize?: number;
  /** Called after each page with the events exported so far and an estimate of the total. */
  onProgress?: (exported: number, total: number) => void;
  /** For a campaign: which of its streams to include (default all). */
  include?: (streamId: string) => Promise<boolean>;
}

/**
 * The selected events as stored, in global position order, one page at a time: memory stays
 * bounded by the page size (plus, for a campaign, the set of its stream names), so a log of
 * millions of events exports through a stream without being built in memory.
 */
export async function* exportPages(store: EventStore, selection: ExportSelection, options: ExportOptions = {}): AsyncGenerator<RecordedEvent[]> {
  const pageSize = Math.max(1, options.pageSize ?? 1000);
  let exported = 0;
  const progress = (total: number) => options.onProgress?.(exported, Math.max(total, exported));
  if (selection.kind === 'stream') {
    const total = ((await store.streamRevision(selection.streamId)) ?? -1) + 1;
    for (let from = 0; ; ) {
      const page = await store.readStream(selection.streamId, { fromRevision: from, maxCount: pageSize });
      if (page.length === 0) break;
      exported += page.length;
      yield page;
      progress(total);
      from = page[page.length - 1]!.revision + 1;
    }
    return;
  }
  const head = await store.headPosition();
  const members = selection.kind === 'campaign' ? await campaignStreams(store, selection.campaignId, pageSize, options.include) : null;
  const filter = members ? { streamPrefixes: ['campaign-', 'ranking-', 'project-', 'awardRound-', 'ruleSet-', 'organization-'] } : undefined;
  for (let from = 0; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize, filter });
    if (page.length === 0) break;
    from = page[page.length - 1]!.position;
    const selected = members ? page.filter((e) => members.has(e.streamId)) : page;
    exported += selected.length;
    if (selected.length > 0) yield selected;
    // Progress in log positions for a campaign (its size is unknown until the end), in events otherwise.
    if (members) options.onProgress?.(from, head);
    else progress(head);
  }
}

/**
 * The campaign's stream and its rankings' plus the project and award-round streams created for it, the rule sets
 * its rounds cite, and the organisations its verdicts read: each project's unit, each nominee's
 * organisation, and the organisations above them (their registrations and dated facts, such as
 * wage arrears or an accident, are what an exclusion window was judged on).
 */
async function campaignStreams(store: EventStore, campaignId: string, pageSize: number, include?: (streamId: string) => Promise<boolean>): Promise<Set<string>> {
  // The campaign's own stream and its published rankings (公布排名).
  const streams = new Set([`campaign-${campaignId}`, `ranking-${campaignId}`]);
  const orgs = new Set<string>();
  const filter = { streamPrefixes: ['project-', 'awardRound-'], eventTypes: ['ProjectDrafted', 'AwardRoundCreated', 'NominationSubmitted'] };
  for (let from = 0; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize, filter, hashes: false });
    if (page.length === 0) break;
    for (const e of page) {
      const data = e.data as { campaignId?: unknown; ruleSetId?: unknown; orgId?: unknown; nominee?: { orgId?: unknown } };
      // A nomination belongs to the campaign through its round, which was created before it.
      if (e.type === 'NominationSubmitted') {
        if (streams.has(e.streamId) && typeof data.nominee?.orgId === 'string') orgs.add(data.nominee.orgId);
        continue;
      }
      if (data.campaignId !== campaignId) continue;
      streams.add(e.streamId);
      if (e.type === 'ProjectDrafted' && typeof data.orgId === 'string') orgs.add(data.orgId);
      // The nominations were judged on a rule-set version: an offline audit needs that stream too.
      if (e.type === 'AwardRoundCreated' && typeof data.ruleSetId === 'string') streams.add(`ruleSet-${data.ruleSetId}`);
    }
    from = page[page.length - 1]!.position;
  }
  // The organisations above them too: a team's enterprise answers for it. The registration names its ancestors.
  for (const orgId of [...orgs]) {
    const [registered] = await store.readStream(`organization-${orgId}`, { maxCount: 1, hashes: false });
    const parentPath = (registered?.data as { parentPath?: unknown } | undefined)?.parentPath;
    if (Array.isArray(parentPath)) for (const id of parentPath) if (typeof id === 'string') orgs.add(id);
  }
  for (const orgId of orgs) streams.add(`organization-${orgId}`);
  if (!include) return streams;
  const kept = new Set<string>();
  for (const s of streams) if (await include(s)) kept.add(s);
  return kept;
}

export function describeSelection(selection: ExportSelection): Record<string, string | boolean> {
  switch (selection.kind) {
    case 'stream':
      return { streamId: selection.streamId };
    case 'campaign':
      return selection.scopeOrgId ? { campaignId: selection.campaignId, scopeOrgId: selection.scopeOrgId } : { campaignId: selection.campaignId };
    case 'all':
      return { all: true };
  }
}
