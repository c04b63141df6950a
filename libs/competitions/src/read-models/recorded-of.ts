import { DomainEvent, RecordedEvent } from '@jingsai/shared';

/** A union of recorded events that narrows on `type` (RecordedEvent<A | B> does not). */
export type RecordedOf<E extends DomainEvent> = E extends DomainEvent ? RecordedEvent<E> : never;
