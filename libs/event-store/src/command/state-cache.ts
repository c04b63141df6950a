/**
 * A bounded LRU cache of folded aggregate state by stream, so long streams are not refolded
 * on every command. It is a cache, never a source of truth: a load still reads every event
 * after the cached revision, so a stale entry only costs a longer read, unless the store's
 * change token shows that nothing but this process's own appends (which update the cache) has
 * been written since the entry was known to be the stream's latest. Audit replay never uses
 * it. Decider `evolve` functions must not mutate state for this to be safe.
 */
export class StateCache {
  private readonly entries = new Map<string, { owner: unknown; state: unknown; revision: number; lastAt?: string; token?: number }>();
  private events = 0;

  /**
   * At most `capacity` streams, and states folded from at most `maxEvents` events in all: a
   * state grows with its stream (every report and score stays in it), so the number of events
   * behind the cached states bounds their memory where a count of streams does not.
   */
  constructor(
    private readonly capacity = 10_000,
    private readonly maxEvents = Number.POSITIVE_INFINITY,
  ) {}

  get<S>(streamId: string, owner: unknown): { state: S; revision: number; lastAt?: string; token?: number } | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.owner !== owner) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return { state: entry.state as S, revision: entry.revision, ...(entry.lastAt ? { lastAt: entry.lastAt } : {}), ...(entry.token !== undefined ? { token: entry.token } : {}) };
  }

  /**
   * `lastAt`: when the stream's last event occurred (a command is never dated before it).
   * `token`: the store's change token (EventStore.changeToken) read before the state was known to
   * be the stream's latest; while the store still answers it, no one else has appended since.
   */
  set(streamId: string, owner: unknown, state: unknown, revision: number, lastAt?: string, token?: number | null): void {
    this.delete(streamId);
    this.entries.set(streamId, { owner, state, revision, ...(lastAt ? { lastAt } : {}), ...(typeof token === 'number' ? { token } : {}) });
    this.events += revision + 1;
    while (this.entries.size > Math.max(1, this.capacity) || (this.events > this.maxEvents && this.entries.size > 1)) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }

  delete(streamId: string): void {
    const entry = this.entries.get(streamId);
    if (!entry) return;
    this.events -= entry.revision + 1;
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
    this.events = 0;
  }

  /** Streams cached, and the events their states were folded from. */
  get size(): { streams: number; events: number } {
    return { streams: this.entries.size, events: this.events };
  }
}
