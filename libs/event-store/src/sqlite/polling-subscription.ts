import { RecordedEvent } from '@jingsai/shared';
import { EventFilter, SubscribeOptions, Subscription } from '../event-store.port';

/** What a polling subscription needs from its store. */
export interface PollingSource {
  /** Events strictly after `fromPosition`, in position order. */
  read(fromPosition: number, maxCount: number, filter: EventFilter | undefined): RecordedEvent[];
  /** Position of the last committed event. */
  head(): number;
  /** Calls `listener` after every committed append in this process; returns the unsubscribe function. */
  onAppend(listener: () => void): () => void;
}

const MIN_DELAY_MS = 2;

/**
 * Catch-up then live, by position: reads full batches back to back while behind, then sleeps
 * with a doubling delay up to `maxDelayMs` while idle. An append in this process wakes it at
 * once; appends by other processes are seen at the next poll. Positions only ever grow and
 * the delivered position is the cursor, so nothing is delivered twice or skipped.
 */
export class PollingSubscription implements Subscription {
  private closed = false;
  private iterated = false;
  private wake: (() => void) | null = null;
  /** Stops listening for appends; also called by close(), as an iterator left at a yield never reaches its finally. */
  private off: (() => void) | null = null;

  constructor(
    private readonly source: PollingSource,
    private readonly options: SubscribeOptions,
    private readonly maxDelayMs: number,
    private readonly onClose: (s: PollingSubscription) => void,
  ) {}

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.wake?.();
    this.off?.();
    this.off = null;
    this.onClose(this);
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    if (this.iterated) throw new Error('a subscription can be iterated only once; subscribe again');
    this.iterated = true;
    return this.run();
  }

  private async *run(): AsyncGenerator<RecordedEvent> {
    const batchSize = Math.max(1, this.options.batchSize ?? 500);
    let position = this.options.fromPosition ?? 0;
    let delay = MIN_DELAY_MS;
    let signalled = false;
    this.off = this.source.onAppend(() => {
      signalled = true;
      this.wake?.();
    });
    try {
      while (!this.closed) {
        signalled = false;
        // With a filter, a short batch holds every match up to the head read before it, so the
        // cursor can jump there instead of rescanning non-matching events on every poll.
        const head = this.options.filter ? this.source.head() : 0;
        const batch = this.source.read(position, batchSize, this.options.filter);
        for (const event of batch) {
          if (this.closed) return;
          position = event.position;
          yield event;
        }
        if (batch.length < batchSize) position = Math.max(position, head);
        if (batch.length > 0) {
          delay = MIN_DELAY_MS;
          continue;
        }
        if (signalled || this.closed) continue;
        await this.sleep(delay);
        delay = Math.min(delay * 2, this.maxDelayMs);
      }
    } finally {
      this.off?.();
      this.off = null;
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
