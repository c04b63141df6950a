import { RecordedEvent } from '@jingsai/shared';
import { EventFilter, EventStore } from '../event-store.port';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { PositionWaiters } from './position-waiters';
import { Projection, ProjectionFailure } from './projection';
import { ProjectionApplyError, applyBatch } from './projection-batch';
import { UpcastError, toFailure } from './projection-failure';
import { REBUILD_HEARTBEAT_EVERY_MS, REBUILD_HEARTBEAT_STALE_MS, ReadModelDatabase } from './read-model-database';
import { LiveFeed } from './live-feed';
import { ReplayResult, replayLog } from './projection-replay';
import { SideRebuild, copySideTables, removeSideFile, sideRebuildPath } from './side-rebuild';

export interface ProjectionRunnerOptions {
  /** Applied to every event before the projections see it (today's shape). */
  upcasters?: UpcasterRegistry;
  /** Most events per live transaction (default 500); a live batch never waits to fill up. */
  batchSize?: number;
  /** Events per page and transaction when rebuilding (default 1000: on a 1M-event log as fast as 2000 or 5000, with a smaller heap; with the side thread, peak RSS 306–381 MB against 392–394 MB at 2000). */
  rebuildBatchSize?: number;
  logger?: { log(message: string): void; error(message: string): void };
  clock?: () => Date;
  /** Told the lowest checkpoint after every committed batch (a runner in a worker thread tells its host). */
  onCommitted?: (position: number) => void;
  /** Told when the runner stops on a failure (see `failure`). */
  onFailure?: (failure: ProjectionFailure) => void;
}

export interface RebuildOptions {
  /** Rebuild only this projection (by name); default all. */
  only?: string;
  /** Called after every page: log positions scanned, total to scan, events per second. */
  onProgress?: (done: number, total: number, eventsPerSecond: number) => void;
  /**
   * A second thread for a rebuild of all read models (not with `only`): it builds the
   * projections it names into a file of its own while this runner builds the rest, and its
   * tables are then copied in (see `SideRebuild`). Ignored for a read-model file in memory.
   */
  side?: SideRebuild;
  /**
   * False: leave out the indexes the projections defer (`Projection.deferredIndexes`), for a
   * side rebuild whose tables are copied into a file that builds its own. Default true.
   */
  deferredIndexes?: boolean;
}

/**
 * Feeds projections from the event log into the read-model database: a catch-up subscription
 * from the lowest checkpoint, each batch applied with the checkpoints in one transaction
 * (see `applyBatch` for why two runners on one file never double-apply). A projection that
 * throws, or an event that cannot be read, stops the runner with `failure` set and logged; the
 * event is never skipped, and `start()` tries again from the checkpoint.
 */
export class ProjectionRunner {
  /** Why the runner stopped, or null while it is healthy. */
  failure: ProjectionFailure | null = null;
  readonly batchSize: number;
  private readonly rebuildBatchSize: number;
  private readonly filter: EventFilter | undefined;
  protected readonly waiters = new PositionWaiters();
  private readonly logger: NonNullable<ProjectionRunnerOptions['logger']>;
  private readonly clock: () => Date;
  private feed: LiveFeed | null = null;
  private starting: Promise<void> | null = null;
  private settling = false;
  private settleAgain = false;

  constructor(
    private readonly store: EventStore,
    private readonly readDb: ReadModelDatabase,
    private readonly projections: Projection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    const names = new Set(projections.map((p) => p.name));
    if (names.size === 0 || names.size !== projections.length) throw new Error('projection names must be unique, and at least one given');
    this.batchSize = Math.max(1, options.batchSize ?? 500);
    this.rebuildBatchSize = Math.max(1, options.rebuildBatchSize ?? 1000);
    this.logger = options.logger ?? { log: (m) => console.log(m), error: (m) => console.error(m) };
    this.clock = options.clock ?? (() => new Date());
    this.filter = this.filterOf(projections);
  }

  /** The event types these projections follow, or none (every event) when any takes all, or upcasters run. */
  private filterOf(projections: Projection[]): EventFilter | undefined {
    // Upcasters may rename types, and the registry cannot list old names: filter after upcasting then.
    const typed = projections.every((p) => p.eventTypes) && !(this.options.upcasters && this.options.upcasters.size > 0);
    return typed ? { eventTypes: [...new Set(projections.flatMap((p) => p.eventTypes!))] } : undefined;
  }

  get running(): boolean {
    return this.feed !== null;
  }

  /** Creates missing tables and checkpoints, rebuilds projections whose version changed, then follows the log. */
  start(): Promise<void> {
    if (this.feed) return Promise.resolve();
    this.starting ??= this.begin().finally(() => (this.starting = null));
    return this.starting;
  }

  private async begin(): Promise<void> {
    this.failure = null;
    let stale: Projection[];
    try {
      stale = this.prepare();
    } catch (e) {
      this.fail(e);
      throw e;
    }
    if (stale.length > 0) {
      this.logger.log(`projections ${stale.map((p) => p.name).join(', ')} changed version: rebuilding`);
      if (!(await this.replay(stale).then(() => true, () => false))) return;
    }
    const from = this.position();
    this.logger.log(`projections ${this.projections.map((p) => p.name).join(', ')} following the log from ${from}`);
    const feed = new LiveFeed(this.store, {
      filter: this.filter,
      batchSize: this.batchSize,
      from: () => this.position(),
      upcast: (e) => this.upcast(e),
      commit: (events, batchFrom, to) => this.commit(this.projections, events, batchFrom, to),
    });
    this.feed = feed;
    void feed.run().then(
      () => this.feed === feed && (this.feed = null),
      (e) => {
        if (this.feed === feed) this.feed = null;
        this.fail(e);
      },
    );
  }

  async stop(): Promise<void> {
    await this.starting;
    const feed = this.feed;
    this.feed = null;
    await feed?.stop();
  }

  /** The lowest checkpoint of the projections (0 before any start). */
  position(): number {
    const rows = this.readDb.db
      .prepare('SELECT name, position FROM projection_checkpoints')
      .all() as Array<{ name: string; position: number }>;
    const byName = new Map(rows.map((r) => [r.name, r.position]));
    return Math.min(...this.projections.map((p) => byName.get(p.name) ?? 0));
  }

  /** Events between the log's head and the lowest checkpoint, and the age of the oldest unapplied one. */
  async lag(): Promise<{ events: number; seconds: number }> {
    const head = await this.store.headPosition();
    const position = this.position();
    if (head <= position) return { events: 0, seconds: 0 };
    const first = await this.store
      .readAll({ fromPosition: position, maxCount: 1, filter: this.filter })
      .catch(() => null);
    // An unreadable next event: the runner is stuck behind it (its failure says where).
    if (first === null) return { events: head - position, seconds: 0 };
    if (first.length === 0) {
      void this.settleTail();
      return { events: this.filter ? 0 : head - position, seconds: 0 };
    }
    const age = (this.clock().getTime() - Date.parse(first[0].recordedAt)) / 1000;
    return { events: head - position, seconds: Math.max(0, age) };
  }

  /** True as soon as every projection's checkpoint is at or past `position`; false on timeout or failure. */
  waitFor(position: number, timeoutMs: number): Promise<boolean> {
    if (this.position() >= position) return Promise.resolve(true);
    if (this.failure) return Promise.resolve(false);
    const reached = this.waiters.wait(position, timeoutMs);
    void this.settleTail();
    return reached;
  }

  /** The log's head position (what a caught-up runner's checkpoints reach). */
  headPosition(): Promise<number> {
    return this.store.headPosition();
  }

  /** waitFor(the log's current head). */
  async catchUp(timeoutMs: number): Promise<boolean> {
    return this.waitFor(await this.store.headPosition(), timeoutMs);
  }

  /** Drops and re-creates the read models (all, or `only` one) and replays the whole log into them. */
  async rebuild(options: RebuildOptions = {}): Promise<ReplayResult> {
    const targets = options.only ? this.projections.filter((p) => p.name === options.only) : this.projections;
    if (targets.length === 0) throw new Error(`no projection named ${options.only}`);
    const side = options.side && !options.only && this.readDb.path !== ':memory:' ? options.side : undefined;
    const unknown = side?.names.filter((n) => !targets.some((p) => p.name === n)) ?? [];
    if (unknown.length > 0) throw new Error(`the side rebuild names projections this runner does not have: ${unknown.join(', ')}`);
    const wasRunning = this.running;
    await this.stop();
    this.failure = null;
    const db = this.readDb.db;
    db.transaction(() => {
      // Under the write lock: another rebuild of this file (another process's) whose flag still beats is not run over.
      const other = this.readDb.rebuildUnderWay();
      if (other.length > 0) {
        const since = this.readDb.status().rebuildStartedAt;
        throw new Error(
          `another rebuild of these read models is under way (${other.join(', ')}, started ${since}): wait for it to end, or, if it hangs, stop it (process ${this.readDb.status().rebuildPid ?? 'not known'}) or wait ${REBUILD_HEARTBEAT_STALE_MS / 1000} s after its last heartbeat`,
        );
      }
      // Marked in the transaction that empties them: no reader sees them empty and unmarked.
      this.readDb.setRebuilding(targets.map((p) => p.name));
      for (const p of targets) {
        p.reset(db);
        p.setup(db);
        this.readDb.writeCheckpoint(p.name, 0, p.version);
      }
    }).immediate();
    const result = await this.replay(targets, options.onProgress, side, options.deferredIndexes ?? true);
    if (wasRunning) await this.start();
    return result;
  }

  /** Setup DDL and checkpoint rows; resets projections whose stored version differs and returns them. */
  private prepare(): Projection[] {
    const db = this.readDb.db;
    return db
      .transaction(() => {
        const stale: Projection[] = [];
        for (const p of this.projections) {
          const stored = this.readDb.checkpoint(p.name);
          if (stored && stored.version !== p.version) stale.push(p);
          // No checkpoint: replayed from the start, so tables left without one (an older version's) go first.
          if (!stored || stored.version !== p.version) p.reset(db);
          p.setup(db);
          if (!stored || stored.version !== p.version) this.readDb.writeCheckpoint(p.name, 0, p.version);
        }
        // Marked in the transaction that empties them, as a rebuild is (the replay follows).
        if (stale.length > 0) this.readDb.setRebuilding(stale.map((p) => p.name));
        return stale;
      })
      .immediate();
  }

  /**
   * Replays the targets from the start, with their query-only indexes built once at the end. With
   * a side, the side's projections are built in its own file meanwhile and copied in before the
   * indexes; either failing fails the replay, and the flag stays set (as for any failed replay).
   */
  private async replay(targets: Projection[], onProgress?: RebuildOptions['onProgress'], side?: SideRebuild, deferredIndexes = true): Promise<ReplayResult> {
    const db = this.readDb.db;
    const deferred = targets.flatMap((p) => p.deferredIndexes ?? []);
    // An index name is an identifier, never input: still, only plain ones are dropped.
    for (const name of deferred) if (/^\w+$/.test(name)) db.exec(`DROP INDEX IF EXISTS ${name}`);
    const there = side ? targets.filter((p) => side.names.includes(p.name)) : [];
    const here = targets.filter((p) => !there.includes(p));
    const sidePath = sideRebuildPath(this.readDb.path);
    try {
      let result: ReplayResult;
      if (there.length === 0) {
        result = await this.replayHere(here, onProgress);
      } else {
        // Progress is the slower thread's: the positions both have scanned.
        let sideAt: [number, number] = [0, 1];
        let hereAt: [number, number, number] = [0, 1, 0];
        const report = () => onProgress?.(Math.min(hereAt[0], sideAt[0]), Math.max(hereAt[1], sideAt[1]), hereAt[2]);
        // The side writes its own file: this side keeps the read models' flag beating while it waits for it.
        let beat = Date.now();
        const heartbeat = (force = false) => {
          if (!force && Date.now() - beat < REBUILD_HEARTBEAT_EVERY_MS) return;
          beat = Date.now();
          this.readDb.rebuildHeartbeat();
        };
        removeSideFile(sidePath);
        const began = Date.now();
        // The first failure stops both: the other thread's work would be thrown away anyway.
        const stop = new AbortController();
        const stopOnFailure = (e: unknown) => {
          if (!stop.signal.aborted) stop.abort(e);
          throw e;
        };
        const [mine, theirs] = await Promise.allSettled([
          here.length > 0 ? this.replayHere(here, (done, total, rate) => ((hereAt = [done, total, rate]), report()), stop.signal).catch(stopOnFailure) : Promise.resolve(null),
          side!.build(sidePath, (done, total) => ((sideAt = [done, total]), heartbeat(), report()), stop.signal).catch(stopOnFailure),
        ]);
        if (stop.signal.aborted) throw stop.signal.reason;
        if (mine.status === 'rejected') throw mine.reason;
        if (theirs.status === 'rejected') throw theirs.reason;
        heartbeat(true);
        const started = Date.now();
        copySideTables(this.readDb, sidePath, there);
        const copyMs = Date.now() - started;
        result = this.countedTogether(mine.value, theirs.value.byType, here, Date.now() - began);
        this.logger.log(`copied the side rebuild of ${there.map((p) => p.name).join(', ')} in ${copyMs} ms`);
        heartbeat(true);
      }
      const started = Date.now();
      // A replay that failed half way leaves them to the next start, whose `setup` builds them.
      db.transaction(() => {
        if (deferredIndexes) targets.forEach((p) => p.setup(db));
        // Whole again, indexes included: queries of them are answered again.
        this.readDb.setRebuilding(null);
      }).immediate();
      const indexMs = Date.now() - started;
      this.logger.log(`rebuilt ${targets.map((p) => p.name).join(', ')}: ${result.events} events in ${result.ms + indexMs} ms (indexes ${indexMs} ms)`);
      return { ...result, ms: result.ms + indexMs };
    } catch (e) {
      // Half built, the read models stay marked; but nothing rebuilds them now, so the flag stops beating at once (see `rebuildingNow`).
      this.readDb.rebuildHeartbeat(new Date(0));
      this.fail(e);
      throw e;
    } finally {
      if (there.length > 0) removeSideFile(sidePath);
    }
  }

  private replayHere(targets: Projection[], onProgress?: RebuildOptions['onProgress'], signal?: AbortSignal): Promise<ReplayResult> {
    return replayLog(
      {
        store: this.store,
        readDb: this.readDb,
        filter: this.filterOf(targets),
        pageSize: this.rebuildBatchSize,
        upcast: (e) => this.upcast(e),
        commit: (projections, events, from, to) => this.commit(projections, events, from, to),
        signal,
      },
      targets,
      onProgress,
    );
  }

  /** This thread's count plus the side's events of types this thread did not read: each event once. */
  private countedTogether(mine: ReplayResult | null, theirs: Map<string, number>, here: Projection[], ms: number): ReplayResult {
    const byType = new Map(mine?.byType ?? []);
    const read = here.length > 0 ? this.filterOf(here) : { eventTypes: [] };
    let events = mine?.events ?? 0;
    for (const [type, count] of theirs) {
      if (read?.eventTypes && !read.eventTypes.includes(type)) {
        events += count;
        byType.set(type, count);
      }
    }
    return { events, ms, byType };
  }

  /**
   * One batch in one transaction. When a projection throws, the transaction rolls back; the
   * events before the failing one are then committed on their own, so the checkpoint stops
   * exactly before the event that failed. Returns true when a projection was left behind.
   */
  private commit(projections: Projection[], events: RecordedEvent[], from: number, to: number): boolean {
    let gaps: string[];
    try {
      gaps = applyBatch(this.readDb.db, projections, events, from, to).gaps;
    } catch (e) {
      if (e instanceof ProjectionApplyError) {
        const before = events.filter((x) => x.position < e.event.position);
        if (before.length > 0) applyBatch(this.readDb.db, projections, before, from, before[before.length - 1].position);
      }
      throw e;
    }
    if (gaps.length > 0) this.logger.log(`projections ${gaps.join(', ')} are behind this feed (reset elsewhere): re-reading`);
    this.afterCommit();
    this.options.onCommitted?.(this.position());
    return gaps.length > 0;
  }

  /** Wakes the waiters the checkpoints have reached; settles the tail for those still waiting. */
  protected afterCommit(): void {
    const highest = this.waiters.highest();
    if (highest === 0) return;
    const position = this.position();
    this.waiters.reached(position);
    if (highest > position) void this.settleTail();
  }

  /**
   * With a type filter the feed never sees the events it filters out, so checkpoints would stop
   * at the last matching event. When someone waits, move them to the head if no matching event
   * lies between: events appended after the head read cannot be matched before it.
   */
  protected async settleTail(): Promise<void> {
    if (!this.filter) return;
    if (this.settling) {
      this.settleAgain = true;
      return;
    }
    this.settling = true;
    try {
      do {
        this.settleAgain = false;
        const from = this.position();
        const head = await this.store.headPosition();
        if (head <= from) continue;
        const next = await this.store.readAll({ fromPosition: from, maxCount: 1, filter: this.filter });
        if (next.length === 0) this.commit(this.projections, [], from, head);
      } while (this.settleAgain);
    } catch {
      // The feed reaches the same event and reports it.
    } finally {
      this.settling = false;
    }
  }

  private upcast(event: RecordedEvent): RecordedEvent {
    if (!this.options.upcasters) return event;
    try {
      return this.options.upcasters.upcast(event);
    } catch (e) {
      throw new UpcastError(event, e);
    }
  }

  /** Moves the checkpoints to the head when no event of interest lies between (see settleTail). */
  settle(): Promise<void> {
    return this.settleTail();
  }

  private fail(error: unknown): void {
    this.failure = toFailure(error, this.clock());
    const where = this.failure.position === null ? '' : ` at position ${this.failure.position} (${this.failure.streamId})`;
    const who = this.failure.projection ? ` in projection ${this.failure.projection}` : '';
    this.logger.error(`projection runner stopped${where}${who}: ${this.failure.message}`);
    this.waiters.giveUp();
    this.options.onFailure?.(this.failure);
  }
}
