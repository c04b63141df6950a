import { EventStore } from '@jingsai/event-store';
import { RecordedEvent, parseStreamId } from '@jingsai/shared';
import { AuditEntry, toAuditEntry } from './audit-entry';
import { HistoryFilter, matcher } from './history-filter';

const STREAM_PAGE = 500;

export interface StreamHistoryPage {
  streamId: string;
  category: string;
  /** Revision of the stream's last event. */
  revision: number | null;
  /** Events matching the filter (from `fromRevision` on). */
  total: number;
  limit: number;
  offset: number;
  items: AuditEntry[];
}

/**
 * One stream's events in revision order, filtered, one page of them. The stream is read in
 * pages, so only the requested page is held in memory, however long the stream.
 */
export async function streamHistory(
  store: EventStore,
  streamId: string,
  options: HistoryFilter & { limit: number; offset: number; fromRevision?: number },
  /** The event as this reader may see it, or null to leave it out (a round's part); default every event as stored. */
  select: (event: RecordedEvent) => RecordedEvent | null = (event) => event,
): Promise<StreamHistoryPage> {
  const matches = matcher(options);
  const items: AuditEntry[] = [];
  let total = 0;
  let from = options.fromRevision ?? 0;
  for (;;) {
    const page = await store.readStream(streamId, { fromRevision: from, maxCount: STREAM_PAGE });
    for (const stored of page) {
      const event = select(stored);
      if (event === null || !matches(event)) continue;
      if (total >= options.offset && items.length < options.limit) items.push(toAuditEntry(event));
      total++;
    }
    if (page.length < STREAM_PAGE) break;
    from = page[page.length - 1]!.revision + 1;
  }
  return {
    streamId,
    category: parseStreamId(streamId).category,
    revision: await store.streamRevision(streamId),
    total,
    limit: options.limit,
    offset: options.offset,
    items,
  };
}

export interface LogPage {
  items: AuditEntry[];
  limit: number;
  fromPosition: number;
  /** Pass as `fromPosition` for the next page; null when the scan reached the head of the log. */
  nextPosition: number | null;
  head: number;
}

/**
 * The whole log by global position, filtered (category and types by the store, the rest here,
 * `visible` for scope). A page scans at most `scanLimit` events, so a selective filter answers
 * with fewer items and a `nextPosition` rather than reading the whole log in one request.
 */
export async function logHistory(
  store: EventStore,
  options: HistoryFilter & { limit: number; fromPosition: number; category?: string; scanLimit?: number },
  visible: (event: RecordedEvent) => Promise<boolean> | boolean = () => true,
): Promise<LogPage> {
  const matches = matcher(options);
  const head = await store.headPosition();
  const scanLimit = options.scanLimit ?? Math.max(2000, options.limit * 20);
  const filter = {
    ...(options.category ? { streamPrefixes: [`${options.category}-`] } : {}),
    ...(options.types?.length ? { eventTypes: options.types } : {}),
  };
  const items: AuditEntry[] = [];
  let cursor = options.fromPosition;
  let scanned = 0;
  let exhausted = false;
  while (items.length < options.limit && scanned < scanLimit) {
    const page = await store.readAll({ fromPosition: cursor, maxCount: Math.min(500, scanLimit - scanned), filter });
    if (page.length === 0) {
      exhausted = true;
      break;
    }
    for (const event of page) {
      cursor = event.position;
      scanned++;
      if (matches(event) && (await visible(event))) {
        items.push(toAuditEntry(event));
        if (items.length >= options.limit) break;
      }
    }
  }
  if (!exhausted && cursor >= head) exhausted = true;
  return { items, limit: options.limit, fromPosition: options.fromPosition, nextPosition: exhausted ? null : cursor, head };
}
