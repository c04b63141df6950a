import { Inject, Injectable } from '@nestjs/common';
import { AggregateRepository, CommandContext, CommandOutcome } from '@jingsai/event-store';
import { AuthUser } from '@jingsai/auth';
import { CLOCK, Clock, Decider, DomainEvent, Role, isDomainError } from '@jingsai/shared';
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
}
