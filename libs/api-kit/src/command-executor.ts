import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, CommandContext, CommandOutcome, EVENT_STORE, EventStore } from '@jingsai/event-store';
import { AuthUser } from '@jingsai/auth';
import { CLOCK, Clock, Decider, DomainError, DomainEvent, Role, isDomainError } from '@jingsai/shared';
import { MetricsService } from './metrics.service';
import { RequestLike, commandContext } from './request-context';

/**
 * What every command handler does around its decider: build the context from the request
 * (actor, clock, Idempotency-Key, If-Match, correlation id), run the command loop, count it.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    private readonly repository: AggregateRepository,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly metrics: MetricsService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  now(): Date {
    return this.clock.now();
  }

  context(req: RequestLike, user: AuthUser, role: Role): CommandContext {
    return commandContext(req, user, role, this.clock);
  }

  state<S, C, E extends DomainEvent>(streamId: string, decider: Decider<S, C, E>) {
    return this.repository.state(streamId, decider);
  }

  /** A stream's events up to `revision`, upcast (history views). */
  events(streamId: string, revision?: number | null) {
    return this.repository.events(streamId, revision);
  }

  async run<S, C extends { type: string }, E extends DomainEvent>(
    streamId: string,
    decider: Decider<S, C, E>,
    command: C | ((state: S) => C),
    ctx: CommandContext,
    name?: string,
  ): Promise<CommandOutcome<S>> {
    const label = name ?? (typeof command === 'function' ? 'command' : command.type);
    const stop = this.metrics.commandDuration.startTimer({ command: label });
    try {
      await this.refuseKeyReusedElsewhere(streamId, ctx);
      const outcome = await this.repository.execute(streamId, decider, command, ctx);
      this.metrics.commands.inc({ command: label, outcome: outcome.replayed ? 'replayed' : 'ok' });
      for (const e of outcome.events) this.metrics.eventsAppended.inc({ type: e.type });
      return outcome;
    } catch (e) {
      this.metrics.commands.inc({ command: label, outcome: isDomainError(e) ? e.kind : 'error' });
      throw e;
    } finally {
      stop();
    }
  }

  /**
   * The store answers a repeated command id on the same stream by itself; an Idempotency-Key
   * already used for a different target (another project, another organisation) is a
   * different request under the same key, refused as the IETF draft asks (422).
   */
  private async refuseKeyReusedElsewhere(streamId: string, ctx: CommandContext): Promise<void> {
    if (!ctx.commandId || !this.store.findCommandStream) return;
    const used = await this.store.findCommandStream(ctx.commandId);
    if (used !== null && used !== streamId) {
      throw DomainError.unprocessable(
        'IDEMPOTENCY.KEY_REUSED',
        '该 Idempotency-Key 已用于另一个不同的请求，请为新请求使用新的键。',
        'This Idempotency-Key was already used for a different request; use a new key for a new request.',
        { usedFor: used },
      );
    }
  }
}
