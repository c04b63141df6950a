/** The clock is injected everywhere so tests (and the demo) can move time. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('CLOCK');

export class SystemClock implements Clock {
  now(): Date {
    return new Date();
  }
}

/**
 * A clock that runs from a chosen instant at real speed (or stands still), and can be moved.
 * Used by tests and by the demo, whose campaign lives in 2021.
 */
export class AdjustableClock implements Clock {
  private offsetMs: number;
  private frozenAt: number | null;
  /** How many times the clock was set or advanced: what was "now" before may not be now any more. */
  moves = 0;

  constructor(start?: Date | string, options: { frozen?: boolean } = {}) {
    const startMs = start === undefined ? Date.now() : new Date(start).getTime();
    this.offsetMs = startMs - Date.now();
    this.frozenAt = options.frozen ? startMs : null;
  }

  now(): Date {
    return new Date(this.frozenAt ?? Date.now() + this.offsetMs);
  }

  set(to: Date | string): void {
    const ms = new Date(to).getTime();
    this.moves++;
    if (this.frozenAt !== null) this.frozenAt = ms;
    else this.offsetMs = ms - Date.now();
  }

  advance(ms: number): void {
    this.moves++;
    if (this.frozenAt !== null) this.frozenAt += ms;
    else this.offsetMs += ms;
  }
}
