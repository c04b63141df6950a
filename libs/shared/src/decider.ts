import { DomainEvent } from './event';

/**
 * The decider contract (Emmett's shape): pure functions, no I/O, no clock.
 * `decide` may throw a DomainError; `evolve` never throws: a recorded event is a fact.
 */
export interface Decider<State, Command, Event extends DomainEvent> {
  initialState: () => State;
  decide: (command: Command, state: State) => Event[];
  evolve: (state: State, event: Event) => State;
}

/** Fold a list of events into state. */
export function fold<State, Event extends DomainEvent>(
  decider: Pick<Decider<State, any, Event>, 'initialState' | 'evolve'>,
  events: Iterable<Event>,
  from: State = decider.initialState(),
): State {
  let state = from;
  for (const event of events) state = decider.evolve(state, event);
  return state;
}

/** Compile-time exhaustiveness check for switch statements over unions. */
export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
