/**
 * Writes from one store instance reach KurrentDB in the order `append` was called, also for
 * appends to different streams issued in the same tick (the port's contract: the log order of one
 * process's appends is their call order). Each append takes a turn when called; the reads it needs
 * run concurrently, only the write itself waits for the earlier turns. A per-stream generation
 * tells an append whether an earlier turn wrote its stream after it read the tail, so it re-reads
 * instead of failing against its own process.
 */
export class WriteOrder {
  private last: Promise<void> = Promise.resolve();
  private readonly generations = new Map<string, number>();

  /** A turn: `ready` resolves when every earlier turn is released; `release` must always be called. */
  take(): { ready: Promise<void>; release: () => void } {
    const ready = this.last;
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    this.last = ready.then(() => done);
    return { ready, release };
  }

  generation(streamId: string): number {
    return this.generations.get(streamId) ?? 0;
  }

  /** Called after this process wrote to the stream. */
  wrote(streamId: string): void {
    this.generations.set(streamId, this.generation(streamId) + 1);
  }
}
