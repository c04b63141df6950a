import { setImmediate as nextTurn } from 'timers/promises';
import { RecordedEvent } from '@jingsai/shared';
import { EventFilter, EventStore } from '../event-store.port';
import { Projection } from './projection';
import { REBUILD_HEARTBEAT_EVERY_MS, ReadModelDatabase } from './read-model-database';

export interface ReplayContext {
  store: EventStore;
  readDb: ReadModelDatabase;
  filter: EventFilter | undefined;
  pageSize: number;
  upcast(event: RecordedEvent): RecordedEvent;
  commit(projections: Projection[], events: RecordedEvent[], from: number, to: number): void;
  /** Aborted: the replay stops before its next page, rejecting with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * The rebuild fast path: `readAll` pages straight into large transactions (no live
 * subscription), from the targets' lowest checkpoint to the head, with the status row saying
 * `rebuilding` meanwhile. Progress is in log positions scanned, so it ends at total/total.
 */
export interface ReplayResult {
  /** Events the targets were given (of the types they follow). */
  events: number;
  ms: number;
  /** The same events by type (a side rebuild's count is added to the runner's by it). */
  byType: Map<string, number>;
}

export async function replayLog(
  ctx: ReplayContext,
  targets: Projection[],
  onProgress?: (done: number, total: number, eventsPerSecond: number) => void,
): Promise<ReplayResult> {
  const started = Date.now();
  const start = Math.min(...targets.map((p) => ctx.readDb.checkpoint(p.name)?.position ?? 0));
  let head = await ctx.store.headPosition();
  const total = () => Math.max(1, head - start);
  const rate = (events: number) => Math.round(events / Math.max(0.001, (Date.now() - started) / 1000));
  let from = start;
  let events = 0;
  const byType = new Map<string, number>();
  // The flag is the caller's, set in the transaction that emptied the targets; the replay keeps it beating.
  let heartbeat = Date.now();
  // A rebuild that dies half way is simply run again, so its commits need not reach the disk one by one.
  const synchronous = ctx.readDb.db.pragma('synchronous', { simple: true });
  ctx.readDb.db.pragma('synchronous = OFF');
  // Fewer, larger checkpoints: a page rewritten by many pages of events is copied to the file once per checkpoint.
  const autocheckpoint = ctx.readDb.db.pragma('wal_autocheckpoint', { simple: true });
  ctx.readDb.db.pragma('wal_autocheckpoint = 20000');
  try {
    for (;;) {
      ctx.signal?.throwIfAborted();
      head = await ctx.store.headPosition();
      const page = await ctx.store.readAll({ fromPosition: from, maxCount: ctx.pageSize, filter: ctx.filter, hashes: false });
      if (page.length === 0) {
        // Nothing (that the filter selects) up to the head read before the page: the targets are there.
        if (head > from) ctx.commit(targets, [], from, head);
        break;
      }
      const to = page[page.length - 1].position;
      ctx.commit(targets, page.map((e) => ctx.upcast(e)), from, to);
      events += page.length;
      for (const e of page) byType.set(e.type, (byType.get(e.type) ?? 0) + 1);
      from = to;
      if (Date.now() - heartbeat >= REBUILD_HEARTBEAT_EVERY_MS) {
        heartbeat = Date.now();
        ctx.readDb.rebuildHeartbeat();
      }
      onProgress?.(Math.min(from - start, total()), total(), rate(events));
      await nextTurn();
    }
  } finally {
    ctx.readDb.db.pragma(`synchronous = ${Number(synchronous)}`);
    ctx.readDb.db.pragma(`wal_autocheckpoint = ${Number(autocheckpoint)}`);
  }
  // Cleared by the caller once the read models are whole again (their deferred indexes built); a
  // replay that failed leaves the flag, whose heartbeat then stops.
  onProgress?.(total(), total(), rate(events));
  return { events, ms: Date.now() - started, byType };
}
