import { BrokenLink, EventStore, StreamChainCheck, UpcasterRegistry } from '@jingsai/event-store';
import { DomainError, parseStreamId } from '@jingsai/shared';
import { ReplayPoint } from './replay-point';
import { replayDeciderFor, replayViewFor, replayableCategories } from './stream-deciders';

const PAGE = 500;

export interface ReplayResult {
  streamId: string;
  category: string;
  asOf: string | null;
  atRevision: number | null;
  /** Revision of the last event folded (null: none, the initial state). */
  revision: number | null;
  position: number | null;
  occurredAt: string | null;
  recordedAt: string | null;
  eventsApplied: number;
  /** Revision of the stream's last event today. */
  headRevision: number | null;
  /** The stream's hash chain checked with the replay: a state folded from a chain that does not hold says so. */
  integrity: StreamIntegrity;
  state: unknown;
}

export interface StreamIntegrity {
  ok: boolean;
  brokenLinks: BrokenLink[];
  noteZh: string | null;
  noteEn: string | null;
}

/**
 * What the replay folded, checked as `verify` checks it (links, revisions, recomputed hashes), and
 * the head the store recorded, still there with its hash: a stream whose events were edited, or
 * whose last events were deleted, still folds what is left, so the answer says the state cannot be
 * relied on. Only the events folded are hashed: a replay to revision 1 stays as cheap as its fold.
 */
async function streamIntegrity(store: EventStore, streamId: string, chain: StreamChainCheck): Promise<StreamIntegrity> {
  const [recorded] = (await store.streamHeads?.(streamId)) ?? [];
  if (recorded) chain.checkHead(recorded, (await store.readStream(streamId, { fromRevision: recorded.revision, maxCount: 1 }))[0]);
  if (chain.brokenLinks.length === 0) return { ok: true, brokenLinks: [], noteZh: null, noteEn: null };
  const first = chain.brokenLinks[0]!;
  return {
    ok: false,
    brokenLinks: chain.brokenLinks,
    noteZh: `该事件流的哈希链校验未通过（版本 ${first.revision}：${first.problem}），存储的事件可能被改动或删除，以下重放结果不可作为依据，请追查。`,
    noteEn: `This stream's hash chain does not hold (revision ${first.revision}: ${first.problem}); its stored events may have been edited or deleted, so this replay cannot be relied on.`,
  };
}

/**
 * Folds a stream's stored events, upcast at the read boundary, with its aggregate's `evolve`
 * up to a point: never the repository's state cache, so what an auditor sees is recomputed
 * from the log itself. For an instant, the state is the longest prefix of the stream whose
 * events occurred (`metadata.occurredAt`) at or before it; revisions are what order a stream.
 */
export async function replayStream(
  store: EventStore,
  upcasters: UpcasterRegistry,
  streamId: string,
  point: ReplayPoint | null,
): Promise<ReplayResult> {
  const { category } = parseStreamId(streamId);
  const decider = replayDeciderFor(category);
  if (!decider) {
    throw DomainError.unprocessable(
      'AUDIT.NOT_REPLAYABLE',
      `暂不支持重放 ${category} 类事件流（可重放：${replayableCategories().join('、')}）；可查看其事件历史。`,
      `Streams of category ${category} cannot be replayed yet (replayable: ${replayableCategories().join(', ')}); read their history instead.`,
      { category },
    );
  }
  const headRevision = await store.streamRevision(streamId);
  if (point && 'revision' in point && (headRevision === null || point.revision > headRevision)) {
    throw DomainError.notFound(
      'AUDIT.REVISION_NOT_FOUND',
      `事件流 ${streamId} 没有版本 ${point.revision}（当前最新版本为 ${headRevision ?? '无'}）。`,
      `Stream ${streamId} has no revision ${point.revision} (its last revision is ${headRevision ?? 'none'}).`,
      { streamId, headRevision },
    );
  }
  const until = point && 'asOf' in point ? Date.parse(point.asOf) : Infinity;
  const lastRevision = point && 'revision' in point ? point.revision : Infinity;
  let state = decider.initialState();
  let last: { revision: number; position: number; occurredAt: string; recordedAt: string } | null = null;
  let applied = 0;
  const view = replayViewFor(category);
  const chain = new StreamChainCheck(streamId);
  const folded: Array<{ type: string; data: unknown; occurredAt: string }> = [];
  let from = 0;
  let done = false;
  while (!done) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: PAGE });
    for (const stored of page) {
      if (stored.revision > lastRevision || Date.parse(stored.metadata.occurredAt) > until) {
        done = true;
        break;
      }
      chain.check(stored);
      const event = upcasters.upcast(stored);
      state = decider.evolve(state, { type: event.type, data: event.data });
      if (view?.types.has(event.type)) folded.push({ type: event.type, data: event.data, occurredAt: stored.metadata.occurredAt });
      last = { revision: stored.revision, position: stored.position, occurredAt: stored.metadata.occurredAt, recordedAt: stored.recordedAt };
      applied++;
    }
    if (page.length < PAGE) break;
    from = page[page.length - 1]!.revision + 1;
  }
  // The rest of the stream, past the point replayed, by its links only: an early event edited with its hash recomputed
  // breaks the next link, which the folded prefix alone cannot show (review 39 #3); hashing only what was folded keeps a
  // replay to an early revision cheap.
  for (let next = (last?.revision ?? -1) + 1; ; ) {
    const page = await store.readStream(streamId, { fromRevision: next, maxCount: PAGE });
    for (const stored of page) chain.checkLink(stored);
    if (page.length < PAGE) break;
    next = page[page.length - 1]!.revision + 1;
  }
  return {
    streamId,
    category,
    asOf: point && 'asOf' in point ? point.asOf : null,
    atRevision: point && 'revision' in point ? point.revision : null,
    revision: last?.revision ?? null,
    position: last?.position ?? null,
    occurredAt: last?.occurredAt ?? null,
    recordedAt: last?.recordedAt ?? null,
    eventsApplied: applied,
    headRevision,
    integrity: await streamIntegrity(store, streamId, chain),
    state: view ? view.show(state, folded) : state,
  };
}
