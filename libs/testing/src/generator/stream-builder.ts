import { NewEvent } from '@jingsai/event-store';
import { Actor, Decider, DomainEvent, newId } from '@jingsai/shared';

/**
 * One stream's history decided in memory with the real decider: every command goes through
 * `decide` on the state folded so far (a refusal throws, so only events the deciders would
 * produce are written), and the events get the metadata the AggregateRepository would add
 * (event id, correlation id, actor, occurredAt = the command's instant, schema version 1).
 */
export class StreamBuilder<S, C, E extends DomainEvent> {
  state: S;
  readonly events: NewEvent[] = [];

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<S, C, E>,
  ) {
    this.state = decider.initialState();
  }

  /** Decides `command` (which must carry `at` and `actor`) and folds the answer; returns the event types. */
  run(command: C & { at: string; actor: Actor }): string[] {
    const decided = this.decider.decide(command, this.state);
    const correlationId = newId();
    for (const e of decided) {
      this.state = this.decider.evolve(this.state, e);
      this.events.push({
        type: e.type,
        data: e.data,
        metadata: { eventId: newId(), correlationId, actor: command.actor, occurredAt: command.at, schemaVersion: 1 },
      });
    }
    return decided.map((e) => e.type);
  }
}

/** An ISO instant for a Beijing-time wall clock (`2026-03-05`, hour). */
export function beijing(date: string, hour = 10, minute = 0): string {
  return new Date(`${date}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+08:00`).toISOString();
}

/** YYYY-MM-DD plus `days`. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}
