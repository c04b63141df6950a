import type BetterSqlite3 from 'better-sqlite3';
import { RecordedEvent } from '@jingsai/shared';

/** A better-sqlite3 connection, as projections receive it. */
export type Database = BetterSqlite3.Database;

/**
 * A read model fed from the event log. The runner calls `apply` inside its own transaction,
 * together with the checkpoint, so `apply` must be synchronous SQL on the given connection
 * (no awaits, no other I/O). It must also be idempotent: applying the same event twice leaves
 * the same rows (checked by `projectionSpec` in `@jingsai/testing`).
 */
export interface Projection {
  /** Unique, stable: the checkpoint row is keyed by it. */
  name: string;
  /** Bump to force a rebuild of this read model (done on the runner's next start). */
  version: number;
  /** Event types it handles (after upcasting), used to filter the subscription; omit for all. */
  eventTypes?: string[];
  /** Idempotent DDL (CREATE TABLE IF NOT EXISTS ...). */
  setup(db: Database): void;
  /**
   * Indexes (by name, created by `setup`) that only queries read, never `apply`. A replay from
   * the start drops them and `setup` builds them again once it is done: sorting a table once is
   * far cheaper than keeping several indexes up to date through every update of a rebuild.
   */
  deferredIndexes?: string[];
  /** Drop its tables (a rebuild then calls `setup` again). */
  reset(db: Database): void;
  /** Synchronous, idempotent SQL for one event. */
  apply(event: RecordedEvent, db: Database): void;
  /**
   * Writes what `apply` kept in memory during a batch (see `BatchRows`): called after the batch's
   * events, inside its transaction, before the checkpoint moves. Whoever calls `apply` directly
   * calls `flush` before reading the tables.
   */
  flush?(db: Database): void;
  /** Forgets what `apply` kept in memory: the batch's transaction is rolled back. */
  discard?(db: Database): void;
}

/** Why a runner stopped: the event it could not get past, and which projection refused it. */
export interface ProjectionFailure {
  /** Position of the event that failed (null when the failure is not tied to an event). */
  position: number | null;
  streamId: string | null;
  /** The projection that threw; null when the store could not read the event. */
  projection: string | null;
  message: string;
  error: unknown;
  at: string;
}

const typeSets = new WeakMap<string[], Set<string>>();

/** The projection's event types as a set (built once per list), or null when it takes every event. */
export function eventTypeSet(projection: Projection): ReadonlySet<string> | null {
  const types = projection.eventTypes;
  if (!types) return null;
  let set = typeSets.get(types);
  if (!set) typeSets.set(types, (set = new Set(types)));
  return set;
}

/** A projection handles an event type when it declares no types or lists this one. */
export function handles(projection: Projection, type: string): boolean {
  return eventTypeSet(projection)?.has(type) ?? true;
}
