import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  START,
  type AllStreamResolvedEvent,
  type ReadPosition,
  type ReadRevision,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '@jingsai/shared';
import {
  AppendResult,
  EventFilter,
  EventStore,
  ExpectedRevision,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  Subscription,
} from '../event-store.port';
import { WrongExpectedRevisionError } from '../errors';
import { acceptsEvent, buildServerFilter, toClientFilter } from './kurrentdb-filter';
import { chainEvents, toRecordedEvent } from './kurrentdb-mapping';
import { KurrentDbEventStoreOptions, ResolvedKurrentDbOptions, resolveOptions } from './kurrentdb-options';
import { isAfter, toKurrentPosition, toPortPosition, toReadPosition } from './kurrentdb-position';
import { exactStreamState, isStreamNotFound, isWrongExpectedVersion, satisfies, toPortAppendError, toStreamState } from './kurrentdb-revision';
import { KurrentDbSubscription, Seen } from './kurrentdb-subscription';
import { WriteOrder } from './kurrentdb-write-order';

/** The calls the adapter makes on the official client (a seam for tests without a server). */
export type KurrentClient = Pick<KurrentDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

const READ_ALL_PAGE = 512;
const DEFAULT_SUBSCRIPTION_BUFFER = 256;

/**
 * The EventStore port on KurrentDB (EventStoreDB). Streams keep their names (optionally behind a
 * namespace); events are JSON with our EventMetadata (hash chain included) as metadata; the port's
 * position is the event's log position (see kurrentdb-position.ts). Every append reads the stream's
 * tail and writes with that exact revision, so the hash chain can never fork.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly client: KurrentClient;
  private readonly options: ResolvedKurrentDbOptions;
  private readonly subscriptions = new Set<KurrentDbSubscription>();
  private readonly writeOrder = new WriteOrder();
  private closed = false;

  constructor(options: KurrentDbEventStoreOptions, client?: KurrentClient) {
    this.options = resolveOptions(options);
    this.client = client ?? KurrentDBClient.connectionString(options.connectionString);
  }

  async append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult> {
    toStreamState(expectedRevision); // rejects malformed revisions before any I/O
    const turn = this.writeOrder.take();
    try {
      const commandId = events[0]?.metadata.commandId;
      const generation = this.writeOrder.generation(streamId);
      let seen = await this.inspect(streamId, commandId);
      await turn.ready;
      if (generation !== this.writeOrder.generation(streamId)) seen = await this.inspect(streamId, commandId);
      for (let attempt = 1; ; attempt++) {
        if (seen.prior) return seen.prior;
        const outcome = await this.write(streamId, events, expectedRevision, seen.tail);
        if (!('raced' in outcome)) return outcome;
        // Another process wrote between our read of the tail and our write.
        const mayRetry = (expectedRevision === 'any' || expectedRevision === 'stream_exists') && attempt < this.options.maxAppendAttempts;
        if (!mayRetry && !commandId && outcome.raced) throw toPortAppendError(outcome.raced, streamId, expectedRevision);
        if (mayRetry) await pause(attempt);
        seen = await this.inspect(streamId, commandId);
        if (seen.prior) return seen.prior;
        if (!mayRetry) throw new WrongExpectedRevisionError(streamId, expectedRevision, seen.tail?.revision ?? null);
      }
    } finally {
      turn.release();
    }
  }

  /**
   * One write chained onto `tail`, with KurrentDB checking that tail is still the last event.
   * `raced` when it no longer is (with KurrentDB's error), or when an equal-id write of another
   * process won (undefined), for the caller to re-read.
   */
  private async write(
    streamId: string,
    events: NewEvent[],
    expectedRevision: ExpectedRevision,
    tail: RecordedEvent | null,
  ): Promise<AppendResult | { raced: unknown }> {
    const actual = tail?.revision ?? null;
    if (!satisfies(expectedRevision, actual)) throw new WrongExpectedRevisionError(streamId, expectedRevision, actual);
    if (events.length === 0) {
      return { streamId, revision: actual ?? -1, position: tail?.position ?? 0, events: [], replayed: false };
    }
    const chained = chainEvents(streamId, tail && { revision: tail.revision, hash: tail.metadata.hash! }, events);
    try {
      await this.client.appendToStream(this.name(streamId), chained.map((c) => c.eventData), {
        streamState: exactStreamState(actual),
        requiresLeader: true,
      });
    } catch (error) {
      if (isWrongExpectedVersion(error)) return { raced: error };
      throw error;
    }
    this.writeOrder.wrote(streamId);
    const stored = await this.readStreamFrom(streamId, { fromRevision: chained[0]!.revision, maxCount: chained.length }, true);
    // KurrentDB answers success without writing when events with the same ids already follow the
    // expected revision (its own idempotency, e.g. the same command from another process). Events
    // with our hashes are byte-for-byte what we meant to write; anything else means we lost.
    if (stored.length !== chained.length || stored.some((e, i) => e.metadata.hash !== chained[i]!.metadata.hash)) return { raced: undefined };
    const last = stored[stored.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events: stored, replayed: false };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return this.readStreamFrom(streamId, options, false);
  }

  /** readStream; `requiresLeader` for the reads an append depends on (a follower may lag). */
  private async readStreamFrom(streamId: string, options: ReadStreamOptions, requiresLeader: boolean): Promise<RecordedEvent[]> {
    const direction = options.direction ?? 'forwards';
    if (options.maxCount !== undefined && options.maxCount <= 0) return [];
    let fromRevision: ReadRevision = direction === 'forwards' ? START : END;
    if (options.fromRevision !== undefined) {
      if (!Number.isSafeInteger(options.fromRevision) || options.fromRevision < 0) {
        throw new RangeError(`fromRevision must be a non-negative integer, got ${options.fromRevision}`);
      }
      fromRevision = BigInt(options.fromRevision);
    }
    const out: RecordedEvent[] = [];
    try {
      const read = this.client.readStream(this.name(streamId), {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
        requiresLeader,
      });
      for await (const resolved of read) {
        const event = this.toEvent(resolved);
        if (event) out.push(event);
      }
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw error;
    }
    return out;
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const limit = options.maxCount ?? Number.POSITIVE_INFINITY;
    const filter = toClientFilter(buildServerFilter(options.filter, this.options));
    const out: RecordedEvent[] = [];
    let cursor = options.fromPosition ?? 0;
    toReadPosition(cursor); // validates
    while (out.length < limit) {
      // The read starts AT the cursor (inclusive), hence one more than we still need.
      const pageSize = Math.min(READ_ALL_PAGE, limit - out.length) + 1;
      let received = 0;
      let lastSeen = cursor;
      for await (const resolved of this.client.readAll({ fromPosition: toReadPosition(cursor), maxCount: pageSize, filter })) {
        received += 1;
        const seen = this.see(resolved, options.filter);
        if (!seen || !isAfter(seen.position, cursor)) continue;
        lastSeen = seen.position;
        if (seen.event && out.length < limit) out.push(seen.event);
      }
      if (received < pageSize || lastSeen === cursor) break;
      cursor = lastSeen;
    }
    return out;
  }

  subscribeToAll(options: SubscribeOptions = {}): Subscription {
    if (this.closed) throw new Error('the KurrentDB event store is closed');
    const filter = toClientFilter(buildServerFilter(options.filter, this.options));
    const highWaterMark = Math.max(1, options.batchSize ?? DEFAULT_SUBSCRIPTION_BUFFER);
    const fromPosition = options.fromPosition ?? 0;
    toReadPosition(fromPosition); // validates
    const subscription: KurrentDbSubscription = new KurrentDbSubscription({
      open: (after) => this.client.subscribeToAll({ fromPosition: toReadPosition(after), filter }, { highWaterMark }),
      see: (resolved) => this.see(resolved, options.filter),
      fromPosition,
      highWaterMark,
      onClose: () => this.subscriptions.delete(subscription),
    });
    this.subscriptions.add(subscription);
    return subscription;
  }

  async streamRevision(streamId: string): Promise<number | null> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last?.revision ?? null;
  }

  async headPosition(): Promise<number> {
    const filter = toClientFilter(buildServerFilter(undefined, this.options));
    let from: ReadPosition = END;
    for (;;) {
      let received = 0;
      let oldest: number | null = null;
      for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: 64, filter })) {
        received += 1;
        const seen = this.see(resolved, undefined);
        if (!seen) continue;
        if (seen.event) return seen.position;
        oldest = seen.position;
      }
      // Reading backwards from an event's own position starts just before it.
      if (received < 64 || oldest === null) return 0;
      from = toKurrentPosition(oldest);
    }
  }

  async findCommand(streamId: string, commandId: string): Promise<AppendResult | null> {
    return (await this.inspect(streamId, commandId)).prior;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }

  /** The stream's last event, and the earlier append of `commandId` if there was one (one read). */
  private async inspect(streamId: string, commandId: string | undefined): Promise<{ tail: RecordedEvent | null; prior: AppendResult | null }> {
    if (!commandId) {
      const [tail] = await this.readStreamFrom(streamId, { direction: 'backwards', maxCount: 1 }, true);
      return { tail: tail ?? null, prior: null };
    }
    const events = await this.readStreamFrom(streamId, { direction: 'backwards' }, true);
    const ofCommand = events.filter((e) => e.metadata.commandId === commandId).reverse();
    const last = ofCommand[ofCommand.length - 1];
    const prior: AppendResult | null = last
      ? { streamId, revision: last.revision, position: last.position, events: ofCommand, replayed: true }
      : null;
    return { tail: events[0] ?? null, prior };
  }

  /** A stream event (readStream) as the port's event; positions fall back to the resolved commit position. */
  private toEvent(resolved: ResolvedEvent): RecordedEvent | null {
    const record = resolved.event;
    if (!record) return null;
    const fallback = resolved.commitPosition === undefined ? undefined : { commit: resolved.commitPosition, prepare: resolved.commitPosition };
    return toRecordedEvent(record, this.options.namespace, fallback);
  }

  /** An $all event: its position (for resuming) and, if it passes our filters, the port's event. */
  private see(resolved: AllStreamResolvedEvent, filter: EventFilter | undefined): Seen | null {
    const record = resolved.event;
    if (!record) return null;
    if (!acceptsEvent(record.streamId, record.type, filter, this.options)) {
      // Foreign or system records only move the cursor; one we cannot place is simply not tracked.
      try {
        return { position: toPortPosition(record.position), event: null };
      } catch {
        return null;
      }
    }
    const event = toRecordedEvent(record, this.options.namespace);
    return { position: event.position, event };
  }

  private name(streamId: string): string {
    return this.options.namespace + streamId;
  }
}

function pause(attempt: number): Promise<void> {
  const ms = Math.min(200, 5 * attempt) + Math.floor(Math.random() * 10);
  return new Promise((resolve) => setTimeout(resolve, ms));
}
