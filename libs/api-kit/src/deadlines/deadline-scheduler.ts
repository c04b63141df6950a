import { Inject, Injectable, Logger, BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { ReadModelDatabase } from '@jingsai/event-store';
import { CLOCK, Clock, deterministicId, isDomainError } from '@jingsai/shared';
import { READ_MODEL_DB } from '../tokens';
import { DeadlineRow, dueDeadlines, settleDeadline } from './deadline-table';

/** Records what follows when a deadline of one kind passes, by sending a command. */
export interface DeadlineHandler {
  kind: string;
  /** Send the command; `commandId` is derived from the item so every instance sends the same one. */
  /** Sends the item's command; `false`: not due yet after all (asked again next tick, neither counted nor settled). */
  fire(item: DeadlineRow, commandId: string, now: Date): Promise<void | false>;
}

export const SCHEDULER_OPTIONS = Symbol('SCHEDULER_OPTIONS');

export interface SchedulerOptions {
  enabled: boolean;
  intervalMs: number;
}

/** The id of the command a deadline produces: the same in every instance of the service. */
export function deadlineCommandId(item: Pick<DeadlineRow, 'kind' | 'streamId' | 'key' | 'dueAt'>): string {
  return deterministicId('deadline', item.kind, item.streamId, item.key, item.dueAt);
}

/**
 * Notices deadlines that passed with nobody acting and records what follows, once each: the
 * command id derives from the item, the store refuses a second append of the same command id
 * to a stream, and the deciders answer a repeat with no events. So two instances may both
 * tick; the log still gets one event.
 */
@Injectable()
export class DeadlineScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Scheduler');
  private readonly handlers = new Map<string, DeadlineHandler>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    @Inject(READ_MODEL_DB) private readonly readDb: ReadModelDatabase,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SCHEDULER_OPTIONS) private readonly options: SchedulerOptions,
  ) {}

  /** Context modules register the handlers of their deadline kinds in onModuleInit. */
  register(handler: DeadlineHandler): void {
    this.handlers.set(handler.kind, handler);
  }

  onApplicationBootstrap(): void {
    if (!this.options.enabled) return;
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /**
   * Stopped before any module's shutdown hook runs: Nest runs those of all modules at once, and a
   * pass still sending commands while the log and read models close would fail (exit 1).
   */
  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass over the due items; returns how many commands were sent. Safe to call concurrently. */
  tick(): Promise<number> {
    this.running ??= this.pass().finally(() => (this.running = null));
    return this.running;
  }

  private async pass(): Promise<number> {
    const now = this.clock.now();
    let sent = 0;
    for (const item of dueDeadlines(this.readDb.db, now)) {
      const handler = this.handlers.get(item.kind);
      if (!handler) continue;
      try {
        if ((await handler.fire(item, deadlineCommandId(item), now)) !== false) sent++;
      } catch (e) {
        if (isDomainError(e)) {
          // The aggregate moved on (e.g. withdrawn): nothing is owed any more; stop asking.
          this.logger.warn({ msg: `deadline ${item.kind} for ${item.streamId} refused: ${e.code}`, item });
          settleDeadline(this.readDb.db, item.kind, item.streamId, item.key);
        } else this.logger.error({ msg: `deadline ${item.kind} for ${item.streamId} failed`, err: e });
      }
    }
    return sent;
  }
}
