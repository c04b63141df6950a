import { RecordedEvent } from '@jingsai/shared';
import { Database, Projection, eventTypeSet } from './projection';

/** A projection threw on an event; the batch's transaction was rolled back. */
export class ProjectionApplyError extends Error {
  constructor(
    readonly event: RecordedEvent,
    readonly projection: string,
    override readonly cause: unknown,
  ) {
    super(
      `projection ${projection} failed on ${event.type} at position ${event.position} ` +
        `(${event.streamId}@${event.revision}): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
    this.name = 'ProjectionApplyError';
  }
}

/** The read-model file holds another version of a projection than this code (another process rebuilt it). */
export class ProjectionVersionError extends Error {
  constructor(
    readonly projection: string,
    readonly stored: number | null,
    readonly expected: number,
  ) {
    super(
      `projection ${projection} is at version ${stored ?? 'none'} in the read-model file, this code has ` +
        `version ${expected}: restart the runner so it rebuilds, or run the matching code`,
    );
    this.name = 'ProjectionVersionError';
  }
}

export interface BatchOutcome {
  /** Number of (event, projection) applications done. */
  applied: number;
  /** Checkpoints of the given projections after the transaction. */
  checkpoints: Map<string, number>;
  /** Projections whose checkpoint was below the batch start: the batch cannot continue them. */
  gaps: string[];
}

/**
 * Applies the events known to cover the range (from, to] of the log (every event there that
 * the subscription's filter selects, in order) in ONE immediate transaction with the
 * checkpoints. The checkpoints are re-read inside the transaction (compare-and-set), so
 * several runners on one file never apply an event twice: a projection at or past `to` is
 * skipped, one inside the range takes only the events after its checkpoint, and one below
 * `from` is left alone (its missing events are not in this batch) and reported as a gap.
 */
export function applyBatch(
  db: Database,
  projections: Projection[],
  events: RecordedEvent[],
  from: number,
  to: number,
): BatchOutcome {
  const read = db.prepare<[string], { position: number; version: number }>(
    'SELECT position, version FROM projection_checkpoints WHERE name = ?',
  );
  const advance = db.prepare('UPDATE projection_checkpoints SET position = ?, updated_at = ? WHERE name = ?');
  const run = db.transaction((): BatchOutcome => {
    const outcome: BatchOutcome = { applied: 0, checkpoints: new Map(), gaps: [] };
    const now = new Date().toISOString();
    for (const projection of projections) {
      const row = read.get(projection.name);
      if (!row || row.version !== projection.version) {
        throw new ProjectionVersionError(projection.name, row?.version ?? null, projection.version);
      }
      outcome.checkpoints.set(projection.name, row.position);
      if (row.position >= to) continue;
      if (row.position < from) {
        outcome.gaps.push(projection.name);
        continue;
      }
      projection.discard?.(db);
      // Built once per projection, not per batch: a live batch is often one event.
      const types = eventTypeSet(projection);
      try {
        for (const event of events) {
          if (event.position <= row.position || (types !== null && !types.has(event.type))) continue;
          try {
            projection.apply(event, db);
          } catch (e) {
            throw new ProjectionApplyError(event, projection.name, e);
          }
          outcome.applied++;
        }
        projection.flush?.(db);
      } catch (e) {
        // The transaction rolls back: rows kept for it must not reach the next batch.
        projection.discard?.(db);
        throw e;
      }
      advance.run(to, now, projection.name);
      outcome.checkpoints.set(projection.name, to);
    }
    return outcome;
  });
  return run.immediate();
}
