/**
 * A bounded LRU cache of folded aggregate state by stream, so long streams are not refolded
 * on every command. It is a cache, never a source of truth: a load still reads every event
 * after the cached revision, so a stale entry only costs a longer read. Audit replay never
 * uses it. Decider `evolve` functions must not mutate state for this to be safe.
 */
export class StateCache {
  private readonly entries = new Map<string, { owner: unknown; state: unknown; revision: number }>();

  constructor(private readonly capacity = 10_000) {}

  get<S>(streamId: string, owner: unknown): { state: S; revision: number } | undefined {
    const entry = this.entries.get(streamId);
    if (!entry || entry.owner !== owner) return undefined;
    this.entries.delete(streamId);
    this.entries.set(streamId, entry);
    return { state: entry.state as S, revision: entry.revision };
  }

  set(streamId: string, owner: unknown, state: unknown, revision: number): void {
    this.entries.delete(streamId);
    this.entries.set(streamId, { owner, state, revision });
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  delete(streamId: string): void {
    this.entries.delete(streamId);
  }

  clear(): void {
    this.entries.clear();
  }
}
