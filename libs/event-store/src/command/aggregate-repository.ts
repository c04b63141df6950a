import { Decider, DomainError, DomainEvent, RecordedEvent, deterministicId, newId } from '@jingsai/shared';
import { EventStore, NewEvent } from '../event-store.port';
import { WrongExpectedRevisionError, concurrencyConflict, revisionMismatch } from '../errors';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { CommandContext } from './command-context';
import { DeciderAggregate } from './decider-aggregate';
import { KeyedLock } from './keyed-lock';
import { SqliteSnapshotStore } from './snapshot-store';
import { StateCache } from './state-cache';

export interface CommandOutcome<State> {
  streamId: string;
  /** Revision of the stream's last event after the command (null: the stream still does not exist). */
  revision: number | null;
  /** Global position of the last event written (or of the stream's last event for a no-op). */
  position: number;
  events: RecordedEvent[];
  state: State;
  /** The command had already been handled (same commandId): nothing was written. */
  replayed: boolean;
}

/** Something that wants to hear about events after they are stored (the Nest EventBus, metrics). */
export interface AppendListener {
  onAppended(events: RecordedEvent[]): void;
}

export interface RepositoryOptions {
  maxRetries?: number;
  /** Current schema version per event type; 1 when absent. */
  schemaVersions?: Record<string, number>;
  stateCache?: StateCache;
  /**
   * This repository is the only one appending through its store instance (the service's is).
   * Then a kept state whose store change token (EventStore.changeToken) still holds is the
   * stream's latest, and its tail is not read: the token shows writes by other connections and
   * processes, not by another repository sharing this store instance. Off by default.
   */
  soleWriterOfStore?: boolean;
  listeners?: AppendListener[];
  /**
   * Persistent snapshots for long streams of these deciders (off when absent): a load that
   * had to fold at least `minEvents` (default 250) stored events leaves a snapshot behind.
   */
  snapshots?: { store: SqliteSnapshotStore; deciders: ReadonlyArray<Decider<any, any, any>>; minEvents?: number };
}

/**
 * The command loop: load (fold), decide, append with the expected revision, retry a bounded
 * number of times on a conflict unless the caller pinned a revision. Listeners hear about the
 * events only after the append succeeded.
 */
export class AggregateRepository {
  private readonly maxRetries: number;
  private readonly streamLock = new KeyedLock();

  constructor(
    private readonly store: EventStore,
    private readonly upcasters: UpcasterRegistry = new UpcasterRegistry(),
    private readonly options: RepositoryOptions = {},
  ) {
    this.maxRetries = options.maxRetries ?? 5;
  }

  /** Load a stream into a decider aggregate (from the state cache or a snapshot when either holds the stream). */
  async load<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>): Promise<DeciderAggregate<S, C, E>> {
    const aggregate = new DeciderAggregate(streamId, decider);
    // Read before the stream: an append by anyone else after it changes the token, and the next load reads the tail again.
    const token = this.changeToken();
    let from: { state: S; revision: number; lastAt?: string; token?: number } | undefined = this.options.stateCache?.get<S>(streamId, decider);
    // Kept, and nothing but this repository's own appends (which keep the cache) written since it was the stream's latest: no read.
    if (from && token !== null && from.token === token) {
      aggregate.load([], from);
      return aggregate;
    }
    let stored: RecordedEvent[];
    const snapshots = this.options.snapshots?.deciders.includes(decider) ? this.options.snapshots : undefined;
    const snapshot = !from && snapshots ? snapshots.store.get(streamId) : undefined;
    if (snapshot) {
      // Read from the snapshot's own event: it is used only if the log still holds that event.
      stored = await this.store.readStream(streamId, { fromRevision: snapshot.revision });
      if (stored[0]?.revision === snapshot.revision && typeof snapshot.hash === 'string' && stored[0].metadata.hash === snapshot.hash) {
        from = { state: snapshot.state as S, revision: snapshot.revision, lastAt: stored[0].metadata.occurredAt };
        stored = stored.slice(1);
      } else {
        snapshots!.store.delete(streamId);
        stored = await this.store.readStream(streamId);
      }
    } else {
      // A fold needs no hashes (spelling them was a third of reading a stream); a snapshot's anchor is read below.
      stored = await this.store.readStream(streamId, { ...(from ? { fromRevision: from.revision + 1 } : {}), hashes: false });
    }
    const events = stored.map((e) => this.upcasters.upcast(e));
    aggregate.load(events, from);
    // Keep what was just folded, or read from a snapshot: handlers read a stream's state before
    // executing on it (scope checks, campaign facts), and a cold stream would otherwise be folded
    // (or its snapshot parsed) twice per command.
    if ((events.length > 0 || snapshot || (from && token !== null)) && aggregate.revision !== null) {
      this.options.stateCache?.set(streamId, decider, aggregate.state, aggregate.revision, aggregate.lastOccurredAt ?? undefined, token);
      if (snapshots && events.length >= (snapshots.minEvents ?? 250)) await this.snapshotLater(snapshots.store, streamId, aggregate.state, events[events.length - 1]);
    }
    return aggregate;
  }

  /** The store's change token where a kept state may rely on it (see {@link RepositoryOptions.soleWriterOfStore}), else null. */
  private changeToken(): number | null {
    return this.options.stateCache && this.options.soleWriterOfStore ? (this.store.changeToken?.() ?? null) : null;
  }

  /** Only a hashed event anchors a snapshot: its hash is how a later load knows the log still holds it. */
  private async snapshotLater(store: SqliteSnapshotStore, streamId: string, state: unknown, last: RecordedEvent): Promise<void> {
    const anchor = typeof last.metadata.hash === 'string' ? last : (await this.store.readStream(streamId, { fromRevision: last.revision, maxCount: 1 }))[0];
    if (anchor?.revision === last.revision && typeof anchor.metadata.hash === 'string') this.writeSnapshotLater(store, streamId, state, anchor);
  }

  /** Written after the command has its answer; a failed write only means a longer fold next time. */
  private writeSnapshotLater(store: SqliteSnapshotStore, streamId: string, state: unknown, last: RecordedEvent): void {
    setImmediate(() => {
      try {
        store.put(streamId, { revision: last.revision, hash: last.metadata.hash!, state });
      } catch {
        // the snapshot is a cache
      }
    });
  }

  /** A stream's events up to `revision` (all when absent), upcast as a fold sees them: for views of a stream's history. */
  async events(streamId: string, revision?: number | null): Promise<RecordedEvent[]> {
    if (revision === null) return [];
    const stored = await this.store.readStream(streamId, revision === undefined ? {} : { maxCount: revision + 1 });
    return stored.map((e) => this.upcasters.upcast(e));
  }

  /** Read the state of a stream without deciding anything. */
  async state<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>): Promise<{ state: S; revision: number | null }> {
    const aggregate = await this.load(streamId, decider);
    return { state: aggregate.state, revision: aggregate.revision };
  }

  /** Commands on one stream are serialised within this process; other processes are met with optimistic concurrency. */
  execute<S, C, E extends DomainEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C | ((state: S) => C),
    ctx: CommandContext,
  ): Promise<CommandOutcome<S>> {
    return this.streamLock.run(streamId, () => this.executeNow(streamId, decider, command, ctx));
  }

  private async executeNow<S, C, E extends DomainEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C | ((state: S) => C),
    ctx: CommandContext,
  ): Promise<CommandOutcome<S>> {
    if (ctx.commandId) {
      const prior = await this.store.findCommand(streamId, ctx.commandId);
      if (prior) return this.replay(streamId, decider, prior.events, ctx);
    }
    for (let attempt = 1; ; attempt++) {
      const aggregate = await this.load(streamId, decider);
      if (ctx.expectedRevision !== undefined && aggregate.revision !== ctx.expectedRevision) {
        throw revisionMismatch(streamId, ctx.expectedRevision, aggregate.revision);
      }
      // A stream's history only goes forward: no command is dated well before the last thing that happened to it
      // (a clock moved back, as the demo's can be). Commands racing from two requests or two processes, a few
      // milliseconds or a little clock skew apart, are not refused for it.
      const last = aggregate.lastOccurredAt;
      if (last !== null && ctx.now.getTime() < Date.parse(last) - CLOCK_TOLERANCE_MS) throw beforeLastEvent(streamId, ctx.now.toISOString(), last);
      const cmd = typeof command === 'function' ? (command as (s: S) => C)(aggregate.state) : command;
      const decided = aggregate.execute(cmd);
      if (decided.length === 0) {
        const last = aggregate.revision === null ? [] : await this.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
        return { streamId, revision: aggregate.revision, position: last[0]?.position ?? 0, events: [], state: aggregate.state, replayed: false };
      }
      try {
        // Read before the append: another writer's commit after it changes the token (one before it that touched this stream fails the append).
        const token = this.changeToken();
        const result = await this.store.append(streamId, this.toNewEvents(decided, ctx), aggregate.revision ?? 'no_stream');
        if (result.replayed) return this.replay(streamId, decider, result.events, ctx);
        this.options.stateCache?.set(streamId, decider, aggregate.state, result.revision, ctx.now.toISOString(), token);
        for (const l of this.options.listeners ?? []) l.onAppended(result.events);
        return { streamId, revision: result.revision, position: result.position, events: result.events, state: aggregate.state, replayed: false };
      } catch (e) {
        if (!(e instanceof WrongExpectedRevisionError)) throw e;
        this.options.stateCache?.delete(streamId);
        if (ctx.expectedRevision !== undefined) throw revisionMismatch(streamId, ctx.expectedRevision, e.actual);
        if (attempt >= this.maxRetries) throw concurrencyConflict(streamId, attempt);
      }
    }
  }

  private async replay<S, C, E extends DomainEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    events: RecordedEvent[],
    ctx: CommandContext,
  ): Promise<CommandOutcome<S>> {
    const firstHash = events[0]?.metadata.requestHash;
    if (ctx.requestHash && firstHash && firstHash !== ctx.requestHash) {
      throw DomainError.unprocessable(
        'IDEMPOTENCY.KEY_REUSED',
        '该 Idempotency-Key 已用于另一个不同的请求，请为新请求使用新的键。',
        'This Idempotency-Key was already used for a different request; use a new key for a new request.',
      );
    }
    const { state } = await this.state(streamId, decider);
    const last = events[events.length - 1]!;
    return { streamId, revision: last.revision, position: last.position, events, state, replayed: true };
  }

  private toNewEvents(events: DomainEvent[], ctx: CommandContext): NewEvent[] {
    const occurredAt = ctx.now.toISOString();
    return events.map((e, i) => ({
      type: e.type,
      data: e.data,
      metadata: {
        eventId: ctx.commandId ? deterministicId(ctx.commandId, String(i)) : newId(),
        ...(ctx.commandId ? { commandId: ctx.commandId } : {}),
        correlationId: ctx.correlationId,
        ...(ctx.causationId ? { causationId: ctx.causationId } : {}),
        actor: ctx.actor,
        occurredAt,
        schemaVersion: this.options.schemaVersions?.[e.type] ?? 1,
        ...(ctx.requestHash ? { requestHash: ctx.requestHash } : {}),
      },
    }));
  }
}

/** How far before a stream's last event a command may be dated (requests racing, clock skew between processes). */
const CLOCK_TOLERANCE_MS = 5 * 60_000;

function beforeLastEvent(streamId: string, at: string, last: string): DomainError {
  return DomainError.conflict(
    'STREAM.BEFORE_LAST_EVENT',
    `本次操作的时间（${at}）早于该记录最后一次变更的时间（${last}），不能写入：记录只能按时间先后追加。请检查系统时钟。`,
    `This command is dated ${at}, before the last event of ${streamId} (${last}); a stream's history only goes forward. Check the clock.`,
    { streamId, at, lastEventAt: last },
  );
}
