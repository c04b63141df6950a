import { RecordedEvent } from '@jingsai/shared';
import { EventFilter, EventStore, Subscription } from '../event-store.port';

export interface LiveFeedHooks {
  filter: EventFilter | undefined;
  batchSize: number;
  /** Where to (re)subscribe from: the lowest checkpoint. */
  from(): number;
  upcast(event: RecordedEvent): RecordedEvent;
  /** Applies events covering (from, to]; true when a projection is behind `from` and the feed must re-read. */
  commit(events: RecordedEvent[], from: number, to: number): boolean;
}

const IDLE = Symbol('idle');
type Next = IteratorResult<RecordedEvent> | typeof IDLE;

/**
 * The live side of the runner: a catch-up subscription cut into batches. A batch is whatever
 * has arrived when the subscription has nothing more at hand (its next event is not ready by
 * the next turn of the event loop), up to `batchSize`: it never waits to fill up. Errors from
 * the store (a corrupt event) first commit what arrived before them, then end the feed.
 */
export class LiveFeed {
  private stopping = false;
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private idle: Promise<typeof IDLE> | null = null;
  private resolveStopped!: (done: IteratorResult<RecordedEvent>) => void;
  private readonly stopped = new Promise<IteratorResult<RecordedEvent>>((resolve) => (this.resolveStopped = resolve));

  constructor(
    private readonly store: EventStore,
    private readonly hooks: LiveFeedHooks,
  ) {}

  /** Resolves when stopped, rejects with the error that ended the feed. */
  run(): Promise<void> {
    this.running ??= this.loop();
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.resolveStopped({ done: true, value: undefined });
    await this.subscription?.close();
    await this.running?.catch(() => undefined);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      if (!(await this.follow(this.hooks.from()))) return;
    }
  }

  /** Follows one subscription; true when it must be replaced by one from a lower position. */
  private async follow(from: number): Promise<boolean> {
    const subscription = this.store.subscribeToAll({ fromPosition: from, filter: this.hooks.filter, batchSize: this.hooks.batchSize, hashes: false });
    this.subscription = subscription;
    let batch: RecordedEvent[] = [];
    let batchFrom = from;
    const flush = (): boolean => {
      if (batch.length === 0) return false;
      const events = batch;
      batch = [];
      const to = events[events.length - 1].position;
      const behind = this.hooks.commit(events, batchFrom, to);
      batchFrom = to;
      return behind;
    };
    try {
      const iterator = subscription[Symbol.asyncIterator]();
      for (;;) {
        const next = iterator.next();
        let result: Next = await Promise.race<Next>([next, batch.length > 0 ? this.idleTurn() : this.stopped]);
        if (result === IDLE) {
          if (flush()) return true;
          result = await Promise.race([next, this.stopped]);
        }
        if (result.done) {
          flush();
          return false;
        }
        batch.push(this.hooks.upcast(result.value));
        if (batch.length >= this.hooks.batchSize && flush()) return true;
      }
    } catch (e) {
      flush();
      throw e;
    } finally {
      this.subscription = null;
      await subscription.close();
    }
  }

  /** Settles after the microtasks already queued (events the subscription has at hand) have run. */
  private idleTurn(): Promise<typeof IDLE> {
    this.idle ??= new Promise((resolve) =>
      setImmediate(() => {
        this.idle = null;
        resolve(IDLE);
      }),
    );
    return this.idle;
  }
}
