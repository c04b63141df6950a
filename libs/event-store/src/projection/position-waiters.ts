interface Waiter {
  position: number;
  resolve(reached: boolean): void;
  timer: NodeJS.Timeout;
}

/** Callers waiting for the read models to reach a position; settled by the runner's commits, not by polling. */
export class PositionWaiters {
  private readonly waiters = new Set<Waiter>();

  wait(position: number, timeoutMs: number): Promise<boolean> {
    return new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        position,
        resolve,
        timer: setTimeout(() => this.settle(waiter, false), Math.max(0, timeoutMs)),
      };
      this.waiters.add(waiter);
    });
  }

  /** Resolves (true) every waiter at or below `reached`. */
  reached(reached: number): void {
    for (const waiter of this.waiters) if (waiter.position <= reached) this.settle(waiter, true);
  }

  /** Resolves every waiter with false (the runner failed: nothing will arrive). */
  giveUp(): void {
    for (const waiter of this.waiters) this.settle(waiter, false);
  }

  /** The highest position someone waits for, or 0. */
  highest(): number {
    let max = 0;
    for (const waiter of this.waiters) max = Math.max(max, waiter.position);
    return max;
  }

  private settle(waiter: Waiter, reached: boolean): void {
    if (!this.waiters.delete(waiter)) return;
    clearTimeout(waiter.timer);
    waiter.resolve(reached);
  }
}
