import { ResourceLimits, Worker, parentPort } from 'node:worker_threads';
import { startWorker } from '../worker-thread';
import { EventStore } from '../event-store.port';
import { Projection, ProjectionFailure } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { ReadModelDatabase } from './read-model-database';

/** Messages of a projection worker to its host. */
type FromWorker =
  | { type: 'started'; error: string | null }
  | { type: 'committed'; position: number }
  | { type: 'failure'; failure: ProjectionFailure }
  | { type: 'log'; level: 'log' | 'error'; message: string }
  | { type: 'stopped' };

/** Messages of the host to its projection worker. */
type ToWorker = { type: 'start' } | { type: 'settle' } | { type: 'stop' };

export interface ThreadedRunnerOptions extends Pick<ProjectionRunnerOptions, 'logger' | 'upcasters' | 'clock'> {
  /**
   * The worker's script, which calls {@link serveProjectionWorker} with a runner on the same
   * log and read-model files and the same projections as the host's. A `.ts` script (tests,
   * `node -r @swc-node/register`) is loaded through @swc-node/register.
   */
  entry: string;
  workerData: unknown;
  resourceLimits?: ResourceLimits;
}

/** How long a worker may take to stop (finish its batch, close its files) before it is terminated. */
const STOP_TIMEOUT_MS = 10_000;
const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 60_000;

/**
 * A projection runner whose projections run in a worker thread, so the command path never
 * waits behind a batch of projection work: the worker follows the log and commits the read
 * models through its own connections; this side reads the checkpoints (`position`, `lag`),
 * keeps the read-your-writes waiters, which the worker's commit messages wake, and mirrors the
 * worker's failure. A rebuild (`rebuild`) stops the worker, replays on this thread and starts it
 * again, as an in-process runner does. A projection that throws stops the worker's runner as it
 * stops an in-process one (`failure`, no retry); a worker that dies is started again. Both sides write the checkpoints only in the batch
 * transaction that applies the events (`applyBatch`), so the file stays consistent whichever
 * thread wrote last.
 */
export class ThreadedProjectionRunner extends ProjectionRunner {
  private worker: Worker | null = null;
  private started = false;
  private launching: Promise<void> | null = null;
  private stopping: Promise<void> | null = null;
  private readonly log: NonNullable<ProjectionRunnerOptions['logger']>;
  private readonly clockNow: () => Date;
  private pending: { resolve: () => void; reject: (e: Error) => void } | null = null;
  private stopped: (() => void) | null = null;
  /** Workers asked to stop: their exit is no failure. */
  private readonly retiring = new WeakSet<Worker>();
  /** A worker that died unasked is started again after this delay, doubling up to a minute. */
  private restartDelayMs = RESTART_MIN_MS;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    store: EventStore,
    readDb: ReadModelDatabase,
    projections: Projection[],
    private readonly threadOptions: ThreadedRunnerOptions,
  ) {
    super(store, readDb, projections, threadOptions);
    this.log = threadOptions.logger ?? { log: (m) => console.log(m), error: (m) => console.error(m) };
    this.clockNow = threadOptions.clock ?? (() => new Date());
  }

  override get running(): boolean {
    return this.worker !== null && this.started;
  }

  /** Starts the worker (it prepares the tables, rebuilds changed projections, then follows the log). */
  override start(): Promise<void> {
    if (this.running && !this.stopping) return Promise.resolve();
    this.launching ??= this.launch().finally(() => (this.launching = null));
    return this.launching;
  }

  private async launch(): Promise<void> {
    // A worker still stopping is let go first: a start must never be posted to it.
    await this.stopping;
    this.cancelRestart();
    this.failure = null;
    const worker = (this.worker ??= this.spawn());
    await new Promise<void>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.post(worker, { type: 'start' });
    });
  }

  override stop(): Promise<void> {
    this.cancelRestart();
    this.stopping ??= this.retire().finally(() => (this.stopping = null));
    return this.stopping;
  }

  private async retire(): Promise<void> {
    await this.launching?.catch(() => undefined);
    const worker = this.worker;
    if (!worker) return;
    this.started = false;
    this.retiring.add(worker);
    const done = new Promise<void>((resolve) => (this.stopped = resolve));
    this.post(worker, { type: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await Promise.race([done, new Promise((resolve) => worker.once('exit', resolve))]);
    clearTimeout(timer);
    await worker.terminate();
    if (this.worker === worker) this.worker = null;
  }

  /** Asks the worker to move its checkpoints over a tail of events no projection reads. */
  protected override settleTail(): Promise<void> {
    if (this.worker && this.started) this.post(this.worker, { type: 'settle' });
    return Promise.resolve();
  }

  private spawn(): Worker {
    const { entry, workerData, resourceLimits } = this.threadOptions;
    const worker = startWorker(entry, { workerData, resourceLimits });
    // Only the current worker speaks for the read models.
    worker.on('message', (m: FromWorker) => worker === this.worker && this.receive(m));
    worker.on('error', (e) => this.lost(worker, `the projection worker failed: ${e.message}`));
    worker.on('exit', (code) => this.lost(worker, `the projection worker exited (code ${code})`));
    return worker;
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'started': {
        const pending = this.pending;
        this.pending = null;
        if (m.error === null) {
          this.started = this.failure === null;
          if (this.started) this.restartDelayMs = RESTART_MIN_MS;
          // Waiters that came while it started: wake those already reached, settle for the others.
          this.afterCommit();
          pending?.resolve();
        } else {
          this.failWith(`the projection worker could not start: ${m.error}`);
          pending?.reject(new Error(m.error));
        }
        return;
      }
      case 'committed':
        this.afterCommit();
        return;
      case 'failure':
        this.started = false;
        this.failure = m.failure;
        this.waiters.giveUp();
        return;
      case 'log':
        if (m.level === 'error') this.log.error(m.message);
        else this.log.log(m.message);
        return;
      case 'stopped':
        this.stopped?.();
        this.stopped = null;
        return;
    }
  }

  /**
   * The worker ended. Asked to (stop): nothing more. Unasked (it ran out of memory, say): the
   * read models stop moving, readiness says why, and the worker is started again from the
   * checkpoints after a delay, as a process manager would restart an in-process runner's process.
   */
  private lost(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = null;
    this.stopped?.();
    this.stopped = null;
    this.started = false;
    const pending = this.pending;
    this.pending = null;
    if (this.retiring.has(worker)) {
      pending?.reject(new Error('the projection worker was stopped while it started'));
      return;
    }
    this.failWith(message);
    pending?.reject(new Error(message));
    this.scheduleRestart();
  }

  private failWith(message: string): void {
    this.failure = { position: null, streamId: null, projection: null, message, error: message, at: this.clockNow().toISOString() };
    this.log.error(`projection runner stopped: ${message}`);
    this.waiters.giveUp();
  }

  private scheduleRestart(): void {
    if (this.restartTimer || this.stopping) return;
    const delay = this.restartDelayMs;
    this.restartDelayMs = Math.min(this.restartDelayMs * 2, RESTART_MAX_MS);
    this.log.log(`projection worker: starting again in ${delay} ms`);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      void this.start().catch(() => this.scheduleRestart());
    }, delay);
    this.restartTimer.unref();
  }

  private cancelRestart(): void {
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.restartTimer = null;
  }

  private post(worker: Worker, m: ToWorker): void {
    worker.postMessage(m);
  }
}

export interface ProjectionWorkerHooks {
  /** Pass on to the runner: its log lines go to the host's logger. */
  logger: NonNullable<ProjectionRunnerOptions['logger']>;
  /** Pass on to the runner (ProjectionRunnerOptions.onCommitted). */
  onCommitted: (position: number) => void;
  /** Pass on to the runner (ProjectionRunnerOptions.onFailure). */
  onFailure: (failure: ProjectionFailure) => void;
}

/**
 * The worker's side of {@link ThreadedProjectionRunner}: opens a runner (once, on the first
 * start) with the hooks that report to the host, and answers the host's start, settle and stop.
 */
export function serveProjectionWorker(open: (hooks: ProjectionWorkerHooks) => { runner: ProjectionRunner; close: () => Promise<void> | void }): void {
  const port = parentPort;
  if (!port) throw new Error('serveProjectionWorker runs in a worker thread');
  const post = (m: FromWorker) => port.postMessage(m);
  const hooks: ProjectionWorkerHooks = {
    logger: { log: (message) => post({ type: 'log', level: 'log', message }), error: (message) => post({ type: 'log', level: 'error', message }) },
    onCommitted: (position) => post({ type: 'committed', position }),
    // The error itself stays here (it may not survive the copy); its message is in the failure.
    onFailure: (failure) => post({ type: 'failure', failure: { ...failure, error: failure.message } }),
  };
  let opened: ReturnType<typeof open> | null = null;
  port.on('message', (m: ToWorker) => {
    void (async () => {
      switch (m.type) {
        case 'start':
          try {
            opened ??= open(hooks);
            await opened.runner.start();
            post({ type: 'started', error: null });
          } catch (e) {
            post({ type: 'started', error: e instanceof Error ? e.message : String(e) });
          }
          return;
        case 'settle':
          await opened?.runner.settle();
          return;
        case 'stop':
          await opened?.runner.stop();
          await opened?.close();
          opened = null;
          post({ type: 'stopped' });
          port.close();
          return;
      }
    })();
  });
}
