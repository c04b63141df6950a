import { randomUUID } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendResult,
  type AppendToStreamOptions,
  type EventData,
  type Filter,
  type Position,
  type ReadAllOptions,
  type ReadStreamOptions,
  type SubscribeToAllOptions,
} from '@kurrent/kurrentdb-client';
import type { ReadableOptions } from 'node:stream';
import type { KurrentClient } from '../kurrentdb-event-store';

interface StoredRecord {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  created: Date;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  position: Position;
}

/**
 * A small in-process stand-in for a KurrentDB node, with the semantics the adapter relies on:
 * per-stream revisions and stream states, StreamNotFoundError on unknown streams, log positions as
 * growing byte offsets with commit == prepare, readAll inclusive of its start (forwards) and before
 * it (backwards), subscriptions exclusive of their start, server-side filters (one per request)
 * counted against maxCount, and system records in the log. JSON goes through stringify/parse like
 * on the wire. Not a KurrentDB emulator: it exists so the adapter's logic runs without a server.
 */
export class InMemoryKurrentDbClient {
  readonly log: StoredRecord[] = [];
  private offset = 4096n; // the log starts with epoch/system records, never at 0
  private readonly live = new Set<(r: StoredRecord) => void>();
  /** Called before each append is applied (tests use it to let another writer in first). */
  beforeAppend: ((streamName: string) => void) | null = null;
  /** Errors the next subscriptions emit right after opening (one per subscription). */
  readonly subscriptionFailures: Error[] = [];
  appendCalls = 0;
  disposed = false;

  asClient(): KurrentClient {
    return this as unknown as KurrentClient;
  }

  /** Writes a record as the server would (also for system streams); no checks. */
  write(streamName: string, type: string, data: unknown, metadata: unknown = {}, id: string = randomUUID()): StoredRecord {
    const revision = BigInt(this.log.filter((r) => r.streamId === streamName).length);
    const json = JSON.stringify(data) ?? '';
    const record: StoredRecord = {
      streamId: streamName,
      id,
      revision,
      type,
      created: new Date(),
      isJson: true,
      data: JSON.parse(json),
      metadata: JSON.parse(JSON.stringify(metadata)),
      position: { commit: this.offset, prepare: this.offset },
    };
    this.offset += 100n + BigInt(json.length);
    this.log.push(record);
    for (const listener of this.live) listener(record);
    return record;
  }

  async appendToStream(streamName: string, events: EventData | EventData[], options: AppendToStreamOptions = {}): Promise<AppendResult> {
    this.appendCalls += 1;
    const hook = this.beforeAppend;
    this.beforeAppend = null;
    hook?.(streamName);
    const list = Array.isArray(events) ? events : [events];
    const current = this.lastRevision(streamName);
    const expected = options.streamState ?? ANY;
    const ok =
      expected === ANY ||
      (expected === NO_STREAM && current === null) ||
      (expected === STREAM_EXISTS && current !== null) ||
      (typeof expected === 'bigint' && current === expected);
    if (!ok && (typeof expected === 'bigint' || expected === NO_STREAM)) {
      // Like KurrentDB: the same event ids already right after the expected revision → success, nothing written.
      const after = expected === NO_STREAM ? 0n : (expected as bigint) + 1n;
      const following = this.log.filter((r) => r.streamId === streamName && r.revision >= after).slice(0, list.length);
      if (following.length === list.length && following.every((r, i) => r.id === list[i]!.id)) {
        const last = following[following.length - 1]!;
        return { success: true, nextExpectedRevision: last.revision, position: last.position };
      }
    }
    if (!ok) {
      throw new WrongExpectedVersionError(undefined, { streamName, expected, current: current ?? NO_STREAM });
    }
    let last: StoredRecord | undefined;
    for (const e of list) last = this.write(streamName, e.type, e.data, e.metadata, e.id);
    return { success: true, nextExpectedRevision: last!.revision, position: last!.position };
  }

  readStream(streamName: string, options: ReadStreamOptions = {}): AsyncIterableIterator<{ event: StoredRecord }> {
    const records = this.log.filter((r) => r.streamId === streamName);
    const backwards = options.direction === 'backwards';
    const from = options.fromRevision ?? (backwards ? 'end' : 'start');
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return (async function* () {
      if (records.length === 0) throw new StreamNotFoundError(undefined, streamName);
      const selected = backwards
        ? records.filter((r) => from === 'end' || r.revision <= (from as bigint)).reverse()
        : records.filter((r) => from === 'start' || r.revision >= (from as bigint));
      for (const event of selected.slice(0, max)) yield { event };
    })();
  }

  readAll(options: ReadAllOptions = {}): AsyncIterableIterator<AllStreamResolvedEvent> {
    const backwards = options.direction === 'backwards';
    const from = options.fromPosition ?? (backwards ? 'end' : 'start');
    const max = Number(options.maxCount ?? Number.MAX_SAFE_INTEGER);
    const inRange = (r: StoredRecord): boolean => {
      if (from === 'start') return !backwards;
      if (from === 'end') return backwards;
      return backwards ? r.position.commit < from.commit : r.position.commit >= from.commit;
    };
    let selected = this.log.filter((r) => inRange(r) && matches(r, options.filter));
    if (backwards) selected = selected.reverse();
    selected = selected.slice(0, max);
    return (async function* () {
      for (const event of selected) yield { event } as unknown as AllStreamResolvedEvent;
    })();
  }

  subscribeToAll(options: SubscribeToAllOptions = {}, readableOptions: ReadableOptions = {}): PassThrough & { unsubscribe(): Promise<void> } {
    const stream = new PassThrough({ ...readableOptions, objectMode: true }) as PassThrough & { unsubscribe(): Promise<void> };
    const from = options.fromPosition ?? 'start';
    const after = (r: StoredRecord) => from === 'start' || (from !== 'end' && r.position.commit > (from as Position).commit);
    const listener = (r: StoredRecord) => {
      if (matches(r, options.filter) && !stream.destroyed) stream.write({ event: r });
    };
    stream.unsubscribe = async () => {
      this.live.delete(listener);
      stream.end();
    };
    const failure = this.subscriptionFailures.shift();
    setImmediate(() => {
      if (failure) {
        this.live.delete(listener);
        stream.emit('error', failure);
        return;
      }
      if (from !== 'end') for (const r of this.log) if (after(r)) listener(r);
      this.live.add(listener);
    });
    return stream;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
  }

  private lastRevision(streamName: string): bigint | null {
    let last: bigint | null = null;
    for (const r of this.log) if (r.streamId === streamName) last = r.revision;
    return last;
  }
}

function matches(record: StoredRecord, filter: Filter | undefined): boolean {
  if (!filter) return true;
  const subject = filter.filterOn === 'streamName' ? record.streamId : record.type;
  if ('prefixes' in filter) return filter.prefixes.some((p) => subject.startsWith(p));
  return new RegExp(filter.regex).test(subject);
}
