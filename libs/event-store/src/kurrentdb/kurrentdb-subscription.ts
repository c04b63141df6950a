import { ErrorType, type AllStreamResolvedEvent } from '@kurrent/kurrentdb-client';
import { RecordedEvent } from '@jingsai/shared';
import { Subscription } from '../event-store.port';

/** What the adapter needs of the client's AllStreamSubscription (a Readable in object mode). */
export interface SubscriptionSource {
  on(event: 'data', listener: (resolved: AllStreamResolvedEvent) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'end' | 'close', listener: () => void): unknown;
  pause(): unknown;
  resume(): unknown;
  unsubscribe(): Promise<void>;
}

/** A resolved event seen by the subscription: its port position and, when it passes the filters, the event. */
export interface Seen {
  position: number;
  event: RecordedEvent | null;
}

export interface KurrentDbSubscriptionDeps {
  /** Opens the server subscription strictly after `position` (0: from the start). */
  open(afterPosition: number): SubscriptionSource;
  /** Maps a resolved event (null: nothing to deliver or track, e.g. an unresolved link). Throws on corrupt events. */
  see(resolved: AllStreamResolvedEvent): Seen | null;
  fromPosition: number;
  /** Pause the server stream above this many undelivered events. */
  highWaterMark: number;
  /** Consecutive transient failures (without an event in between) tolerated before the error surfaces. */
  maxReconnects?: number;
  onClose?: () => void;
}

const TRANSIENT = new Set<string>([ErrorType.UNAVAILABLE, ErrorType.DEADLINE_EXCEEDED, ErrorType.NOT_LEADER, ErrorType.TIMEOUT]);

/** Failures after which resubscribing from the last position is safe and useful (connection loss, leader change). */
export function isTransientSubscriptionError(error: unknown): boolean {
  const type = (error as { type?: unknown } | null)?.type;
  return typeof type === 'string' && TRANSIENT.has(type);
}

/**
 * The port's catch-up subscription over the client's $all subscription. KurrentDB does the
 * catch-up-then-live part; this adds: positions strictly after the last one seen (no duplicates
 * after a resubscription), the client-side filter, a bounded buffer (pauses the server stream),
 * resubscription from the last position on transient failures, and `close()` that ends iteration.
 */
export class KurrentDbSubscription implements Subscription {
  private readonly buffer: RecordedEvent[] = [];
  private readonly waiters: Array<{ resolve: (r: IteratorResult<RecordedEvent>) => void; reject: (e: unknown) => void }> = [];
  private source: SubscriptionSource | null = null;
  private lastPosition: number;
  private failure: unknown = null;
  private closed = false;
  private paused = false;
  private failuresInARow = 0;
  private reconnectTimer: NodeJS.Timeout | null = null;

  constructor(private readonly deps: KurrentDbSubscriptionDeps) {
    this.lastPosition = deps.fromPosition;
    this.connect();
  }

  [Symbol.asyncIterator](): AsyncIterator<RecordedEvent> {
    return {
      next: () => this.next(),
      return: async () => {
        await this.close();
        return { done: true, value: undefined };
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    const source = this.source;
    this.source = null;
    this.buffer.length = 0;
    this.settleWaiters();
    this.deps.onClose?.();
    if (source) await source.unsubscribe().catch(() => undefined);
  }

  private next(): Promise<IteratorResult<RecordedEvent>> {
    const event = this.buffer.shift();
    if (event) {
      this.maybeResume();
      return Promise.resolve({ done: false, value: event });
    }
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.resolve({ done: true, value: undefined });
    return new Promise((resolve, reject) => this.waiters.push({ resolve, reject }));
  }

  private connect(): void {
    if (this.closed) return;
    let source: SubscriptionSource;
    try {
      source = this.deps.open(this.lastPosition);
    } catch (error) {
      this.onError(error);
      return;
    }
    this.source = source;
    this.paused = false;
    source.on('data', (resolved) => {
      if (this.source !== source) return;
      try {
        this.onResolved(resolved);
      } catch (error) {
        this.fail(error);
      }
    });
    source.on('error', (error) => {
      if (this.source === source) this.onError(error);
    });
    source.on('end', () => {
      // A subscription never ends by itself; the server closed it, so pick up where we were.
      if (this.source === source && !this.closed) this.onError(Object.assign(new Error('subscription ended by the server'), { type: ErrorType.UNAVAILABLE }));
    });
  }

  private onResolved(resolved: AllStreamResolvedEvent): void {
    if (this.closed) return;
    const seen = this.deps.see(resolved);
    if (!seen || seen.position <= this.lastPosition) return;
    this.lastPosition = seen.position;
    this.failuresInARow = 0;
    if (!seen.event) return;
    const waiter = this.waiters.shift();
    if (waiter) {
      waiter.resolve({ done: false, value: seen.event });
      return;
    }
    this.buffer.push(seen.event);
    if (!this.paused && this.buffer.length >= this.deps.highWaterMark && this.source) {
      this.paused = true;
      this.source.pause();
    }
  }

  private onError(error: unknown): void {
    if (this.closed) return;
    const old = this.source;
    this.source = null;
    if (old) void old.unsubscribe().catch(() => undefined);
    this.failuresInARow += 1;
    if (!isTransientSubscriptionError(error) || this.failuresInARow > (this.deps.maxReconnects ?? 10)) {
      this.fail(error);
      return;
    }
    const delay = Math.min(5000, 100 * 2 ** (this.failuresInARow - 1));
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private fail(error: unknown): void {
    if (this.closed || this.failure) return;
    this.failure = error;
    const source = this.source;
    this.source = null;
    if (source) void source.unsubscribe().catch(() => undefined);
    if (this.buffer.length === 0) this.settleWaiters();
  }

  private maybeResume(): void {
    if (this.paused && this.source && this.buffer.length <= Math.floor(this.deps.highWaterMark / 2)) {
      this.paused = false;
      this.source.resume();
    }
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters.splice(0)) {
      if (this.failure && !this.closed) waiter.reject(this.failure);
      else waiter.resolve({ done: true, value: undefined });
    }
  }
}
