import { AggregateRoot } from '@nestjs/cqrs';
import { Decider, DomainEvent, RecordedEvent } from '@jingsai/shared';

/**
 * A Nest AggregateRoot that is only a shell around a pure decider: `execute` asks the decider
 * what happens and applies the answer; every applied event, historic or new, is folded with
 * `evolve`. The handler lookup is overridden so nothing depends on class names.
 */
export class DeciderAggregate<State, Command, Event extends DomainEvent> extends AggregateRoot<Event> {
  private current: State;
  /** Revision of the last event loaded from the store; null for a stream that does not exist. */
  private loadedRevision: number | null = null;
  /** When the last event loaded occurred (null: unknown, or no event). */
  private lastOccurred: string | null = null;

  constructor(
    readonly streamId: string,
    private readonly decider: Decider<State, Command, Event>,
  ) {
    super();
    this.autoCommit = false;
    this.current = decider.initialState();
  }

  get state(): State {
    return this.current;
  }

  get revision(): number | null {
    return this.loadedRevision;
  }

  get lastOccurredAt(): string | null {
    return this.lastOccurred;
  }

  /** Fold stored events (already upcast) into the state. */
  load(events: RecordedEvent[], from?: { state: State; revision: number | null; lastAt?: string | null }): this {
    if (from) {
      this.current = from.state;
      this.loadedRevision = from.revision;
      this.lastOccurred = from.lastAt ?? null;
    }
    for (const e of events) {
      this.apply({ type: e.type, data: e.data } as Event, true);
      this.loadedRevision = e.revision;
    }
    // The last event that says when it happened; only its metadata is read (a fold's are parsed lazily).
    for (let i = events.length - 1; i >= 0; i--) {
      const at = events[i]!.metadata?.occurredAt;
      if (at != null) {
        this.lastOccurred = at;
        break;
      }
    }
    return this;
  }

  /** Decide and apply. Throws the decider's DomainError; applies nothing then. */
  execute(command: Command): Event[] {
    const events = this.decider.decide(command, this.current);
    for (const e of events) this.apply(e);
    return events;
  }

  protected override getEventHandler(): any {
    return (event: Event) => {
      this.current = this.decider.evolve(this.current, event);
    };
  }
}
