import { RecordedEvent } from '@jingsai/shared';
import Database from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { resolve as resolvePath } from 'node:path';
import { BroadcastChannel, threadId } from 'node:worker_threads';
import {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StreamHead,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { PollingSubscription } from './polling-subscription';
import { AppendOutcome, AppendRequest, batchWriter, readCommand, serializeAppend, validateAppend } from './sqlite-append';
import { toRecordedEvent } from './sqlite-rows';
import { SqliteSynchronous, openEventDatabase } from './sqlite-schema';
import { SqliteStatements } from './sqlite-statements';
import { SqliteWriterThread } from './sqlite-writer';

export interface SqliteEventStoreOptions {
  /** Database file (its directory is created if missing) or ':memory:'. */
  path: string;
  /** Default FULL: the log is the system of record, a commit must survive power loss. */
  synchronous?: SqliteSynchronous;
  /** How long to wait for another process's write lock (default 5000 ms). */
  busyTimeoutMs?: number;
  /** Longest sleep of an idle subscription between polls (default 250 ms). */
  pollIntervalMs?: number;
  /** Most appends written in one group-commit transaction (default 1000). */
  maxBatch?: number;
  /**
   * Page cache of the connection in KiB (default 32768). Loading a project reads its events
   * from pages scattered over the whole log; SQLite's 2 MB default kept almost none of them.
   */
  cacheSizeKb?: number;
  /**
   * Group-commit in a worker thread on its own connection (a file store only): the thread that
   * appends goes on working while a batch is hashed, written and synced (default false).
   */
  writerThread?: boolean;
}

interface Pending {
  request: AppendRequest;
  resolve: (result: AppendResult) => void;
  reject: (error: unknown) => void;
}

/** Wakes subscriptions of every store instance in this thread that has the same file open. */
const appendSignals = new EventEmitter().setMaxListeners(0);

/** The same for other threads of this process (a projection worker): a channel per file. */
const channelName = (signal: string) => `jingsai:appended:${signal}`;
const announcers = new Map<string, BroadcastChannel>();

function announceAppend(signal: string): void {
  appendSignals.emit(signal);
  if (signal.startsWith('memory:')) return;
  let channel = announcers.get(signal);
  if (!channel) {
    channel = new BroadcastChannel(channelName(signal));
    channel.unref();
    announcers.set(signal, channel);
  }
  channel.postMessage(threadId);
}

function onAppendIn(signal: string, listener: () => void): () => void {
  appendSignals.on(signal, listener);
  if (signal.startsWith('memory:')) return () => void appendSignals.off(signal, listener);
  const channel = new BroadcastChannel(channelName(signal));
  // This thread's appends reached the listener through the emitter already.
  channel.onmessage = (m) => (m as { data: unknown }).data !== threadId && listener();
  channel.unref();
  return () => {
    appendSignals.off(signal, listener);
    channel.close();
  };
}

/**
 * The embedded EventStore: better-sqlite3 in WAL mode. Appends queued in the same tick are
 * group-committed in one `BEGIN IMMEDIATE` transaction, each in its own savepoint with its own
 * expected-revision check; several processes may share the file (the check is re-read inside
 * the write lock).
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly stmts: SqliteStatements;
  private readonly signal: string;
  private readonly pollIntervalMs: number;
  private readonly maxBatch: number;
  private readonly writeBatch: (reqs: AppendRequest[]) => AppendOutcome[];
  private readonly writer: SqliteWriterThread | null;
  /** The batch the writer thread is writing; appends made meanwhile wait for the next one. */
  private inFlight: Promise<void> | null = null;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private closing = false;
  private closed = false;
  private readonly subscriptions = new Set<PollingSubscription>();

  constructor(options: SqliteEventStoreOptions) {
    this.db = openEventDatabase({
      path: options.path,
      synchronous: options.synchronous ?? 'FULL',
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
      cacheSizeKb: options.cacheSizeKb ?? 32_768,
    });
    this.stmts = new SqliteStatements(this.db);
    this.signal = options.path === ':memory:' ? `memory:${Math.random()}` : resolvePath(options.path);
    this.pollIntervalMs = options.pollIntervalMs ?? 250;
    this.maxBatch = options.maxBatch ?? 1000;
    this.writeBatch = batchWriter(this.db, this.stmts);
    const opened = { path: options.path, synchronous: options.synchronous ?? 'FULL', busyTimeoutMs: options.busyTimeoutMs ?? 5000, cacheSizeKb: 2048 };
    this.writer = options.writerThread && options.path !== ':memory:' ? new SqliteWriterThread(opened) : null;
  }

  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    return new Promise((resolve, reject) => {
      this.assertOpen();
      // Once close() has begun, what it has not queued would never be written.
      if (this.closing) throw new Error('the SQLite event store is closing');
      validateAppend(streamId, events, expectedRevision);
      this.queue.push({ request: serializeAppend(streamId, events, expectedRevision), resolve, reject });
      this.scheduleFlush();
    });
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight || this.queue.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    const limit = options.maxCount ?? -1;
    if (limit === 0) return [];
    const rows =
      options.direction === 'backwards'
        ? this.stmts.readBackwards.all(streamId, options.fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
        : (options.hashes === false ? this.stmts.readForwardsWithoutHashes : this.stmts.readForwards).all(streamId, options.fromRevision ?? 0, limit);
    return rows.map(toRecordedEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    this.assertOpen();
    return this.readAllSync(options.fromPosition ?? 0, options.maxCount ?? -1, options.filter, options.hashes !== false);
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    this.assertOpen();
    const source = {
      read: (from: number, max: number, filter: EventFilter | undefined) => this.readAllSync(from, max, filter, options.hashes !== false),
      head: () => (this.closed ? 0 : this.stmts.head.get()!),
      onAppend: (listener: () => void) => onAppendIn(this.signal, listener),
    };
    const sub = new PollingSubscription(source, options, this.pollIntervalMs, (s) => this.subscriptions.delete(s));
    this.subscriptions.add(sub);
    return sub;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    this.assertOpen();
    return this.stmts.streamRevision.get(streamId) ?? null;
  }

  /**
   * SQLite's data_version of this connection: another connection's commit changes it, this
   * one's own do not, and every append of this instance goes through this connection (unless the
   * writer thread writes them on its own connection: then there is no token).
   */
  changeToken(): number | null {
    if (this.writer || this.closed) return null;
    return this.stmts.dataVersion.get() ?? null;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.stmts.head.get() ?? 0;
  }

  async findCommand(streamId: string, commandId: string): Promise<AppendResult | null> {
    this.assertOpen();
    return readCommand(this.stmts, streamId, commandId);
  }

  /** The stream a commandId was appended to, in the whole log, or null (indexed). */
  async findCommandStream(commandId: string): Promise<string | null> {
    this.assertOpen();
    return this.stmts.commandStream.get(commandId) ?? null;
  }

  async streamHeads(streamId?: string): Promise<StreamHead[]> {
    this.assertOpen();
    const rows = streamId === undefined ? this.stmts.streamHeads.all() : this.stmts.streamHead.all(streamId);
    return rows.map(([id, revision, hash]) => ({ streamId: id, revision, hash }));
  }

  /** Writes what is queued, ends the subscriptions and closes the database. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closing = true;
    for (;;) {
      if (this.inFlight) await this.inFlight;
      else if (this.queue.length > 0) this.flush();
      else break;
    }
    await this.writer?.close();
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.db.close();
  }

  private readAllSync(fromPosition: number, maxCount: number, filter: EventFilter | undefined, hashes: boolean): RecordedEvent[] {
    if (this.closed) return [];
    if (maxCount === 0) return [];
    const rows =
      filter && (filter.streamPrefixes?.length || filter.eventTypes?.length)
        ? this.stmts.readAllFiltered(fromPosition, maxCount, filter, hashes)
        : (hashes ? this.stmts.readAll : this.stmts.readAllWithoutHashes).all(fromPosition, maxCount);
    return rows.map(toRecordedEvent);
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.inFlight) return;
    const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
    if (batch.length === 0) return;
    const requests = batch.map((p) => p.request);
    if (this.writer) {
      this.inFlight = this.writer.write(requests).then(
        (outcomes) => this.settle(batch, outcomes),
        (error: unknown) => batch.forEach((req) => req.reject(error)),
      ).finally(() => {
        this.inFlight = null;
        if (!this.closed) this.scheduleFlush();
      });
      return;
    }
    this.scheduleFlush();
    let outcomes: AppendOutcome[];
    try {
      outcomes = this.writeBatch(requests);
    } catch (error) {
      for (const req of batch) req.reject(error);
      return;
    }
    this.settle(batch, outcomes);
  }

  private settle(batch: Pending[], outcomes: AppendOutcome[]): void {
    let wrote = false;
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) {
        wrote ||= !outcome.result.replayed;
        batch[i]!.resolve(outcome.result);
      } else batch[i]!.reject(outcome.error);
    });
    if (wrote) announceAppend(this.signal);
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the SQLite event store is closed');
  }
}
