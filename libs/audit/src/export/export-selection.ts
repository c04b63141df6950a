import { EventStore } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';

/** What to export: one stream, a campaign (its stream, its projects, its award rounds), or the whole log. */
export type ExportSelection = { kind: 'stream'; streamId: string } | { kind: 'campaign'; campaignId: string } | { kind: 'all' };

export interface ExportOptions {
  /** Events per read (default 1000); at most this many events are held at once. */
  pageSize?: number;
  /** Called after each page with the events exported so far and an estimate of the total. */
  onProgress?: (exported: number, total: number) => void;
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
  const members = selection.kind === 'campaign' ? await campaignStreams(store, selection.campaignId, pageSize) : null;
  const filter = members ? { streamPrefixes: ['campaign-', 'project-', 'awardRound-'] } : undefined;
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

/** The campaign's stream plus the project and award-round streams created for it. */
async function campaignStreams(store: EventStore, campaignId: string, pageSize: number): Promise<Set<string>> {
  const streams = new Set([`campaign-${campaignId}`]);
  const filter = { streamPrefixes: ['project-', 'awardRound-'], eventTypes: ['ProjectDrafted', 'AwardRoundCreated'] };
  for (let from = 0; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize, filter });
    if (page.length === 0) break;
    for (const e of page) if ((e.data as { campaignId?: unknown }).campaignId === campaignId) streams.add(e.streamId);
    from = page[page.length - 1]!.position;
  }
  return streams;
}

export function describeSelection(selection: ExportSelection): Record<string, string | boolean> {
  switch (selection.kind) {
    case 'stream':
      return { streamId: selection.streamId };
    case 'campaign':
      return { campaignId: selection.campaignId };
    case 'all':
      return { all: true };
  }
}
