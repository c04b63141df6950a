import { EventMetadata, RecordedEvent } from '@jingsai/shared';

/**
 * Expected revision for an append:
 * - 'any': no check;
 * - 'no_stream': the stream must not exist;
 * - 'stream_exists': the stream must exist;
 * - a number: the revision of the stream's last event must equal it (0-based).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

/** What a caller hands to `append`. The store adds prevHash/hash, revision, position, recordedAt. */
export interface NewEvent {
  type: string;
  data: object;
  metadata: Omit<EventMetadata, 'prevHash' | 'hash'>;
}

export interface AppendResult {
  streamId: string;
  /** Revision of the last event of the stream after this append. */
  revision: number;
  /** Global position of the last event written by this append. */
  position: number;
  /** The events of this append, as stored. */
  events: RecordedEvent[];
  /** True when the commandId had already been appended: nothing was written, the original result is returned. */
  replayed: boolean;
}

/** Selects events by stream category prefix (e.g. 'project-') and/or event type. */
export interface EventFilter {
  streamPrefixes?: string[];
  eventTypes?: string[];
}

export interface ReadStreamOptions {
  direction?: 'forwards' | 'backwards';
  /** Inclusive start revision; defaults to the first (forwards) or the last (backwards). */
  fromRevision?: number;
  maxCount?: number;
  /** As `ReadAllOptions.hashes`: false when the reader only folds the events. */
  hashes?: boolean;
}

export interface ReadAllOptions {
  /** Exclusive: events with a position strictly greater are returned. Default 0 (from the start). */
  fromPosition?: number;
  maxCount?: number;
  filter?: EventFilter;
  /**
   * false: the reader never looks at `metadata.prevHash` / `metadata.hash`, and a store may leave
   * them out (the SQLite store spells both in hex for every row, a third of a log scan).
   * Projections read this way; audit, export and verification never do. Default true.
   */
  hashes?: boolean;
}

export interface SubscribeOptions {
  /** Exclusive: the subscription delivers events with a position strictly greater. */
  fromPosition?: number;
  filter?: EventFilter;
  /** Hint for batch size while catching up. */
  batchSize?: number;
  /** As `ReadAllOptions.hashes`. */
  hashes?: boolean;
}

/**
 * A catch-up subscription: delivers stored events from the position, then live ones, in order,
 * without gaps or duplicates. Iterate with `for await`; `close()` ends the iteration.
 */
export interface Subscription extends AsyncIterable<RecordedEvent> {
  close(): Promise<void>;
}

/**
 * The event store port. Two adapters implement it: SQLite (embedded default) and KurrentDB.
 * Both pass the contract suite in `testing/event-store.contract.ts`.
 */
export interface EventStore {
  /**
   * Append events to a stream with an expected-revision check, atomically.
   * Throws WrongExpectedRevisionError on a failed check. When the first event carries a
   * `commandId` already appended to this stream, writes nothing and returns the original result.
   */
  append(streamId: string, events: NewEvent[], expectedRevision: ExpectedRevision): Promise<AppendResult>;
  /** Events of a stream; an unknown stream reads as an empty list. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  /** Events of the whole log in global order, after a position. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;
  /** Catch-up then live subscription to the whole log. */
  subscribeToAll(options?: SubscribeOptions): Subscription;
  /** Revision of the stream's last event, or null if the stream does not exist. */
  streamRevision(streamId: string): Promise<number | null>;
  /** Position of the last event in the log (0 when empty). */
  headPosition(): Promise<number>;
  /** The result of an earlier append with this commandId on this stream, or null. */
  findCommand(streamId: string, commandId: string): Promise<AppendResult | null>;
  /**
   * The stream an earlier append with this commandId went to, anywhere in the log, or null.
   * Optional: lets the HTTP layer refuse an Idempotency-Key reused for another target. The
   * SQLite adapter has it (an index); the KurrentDB adapter does not (it would need a
   * server-side projection), so there a key reused on another stream runs as a new command.
   */
  findCommandStream?(commandId: string): Promise<string | null>;
  /**
   * What the store itself records as each stream's head (revision and hash of its last event),
   * all streams or one. Optional: verification compares the chains it walked with these, so a
   * stream cut short at its end is found. The SQLite adapter keeps them in its streams table.
   */
  streamHeads?(streamId?: string): Promise<StreamHead[]>;
  /**
   * A number that stays the same for as long as nothing but this store instance's own appends
   * has been written to the log since it was read, or null when the store cannot tell. Optional:
   * it lets a cache of folded state (the AggregateRepository's) skip reading a stream's tail when
   * nobody else can have appended to it. The SQLite adapter answers SQLite's data_version (which
   * another connection's commit, in this process or another, changes); with its writer thread,
   * or in the KurrentDB adapter, there is no such answer.
   */
  changeToken?(): number | null;
  close(): Promise<void>;
}

/** A stream's last revision and that event's hash, as the store records them apart from the events. */
export interface StreamHead {
  streamId: string;
  revision: number;
  hash: string;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
