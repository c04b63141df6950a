import { Database, Projection } from '@jingsai/event-store';
import { RecordedEvent } from '@jingsai/shared';

/**
 * Read models for the crash test, deliberately NOT idempotent and order-sensitive: a count, a
 * sum and a rolling digest of positions per stream. An event applied twice, skipped or applied
 * out of order changes the rows, so only a runner that never double-applies passes.
 */
export const streamTotals: Projection = {
  name: 'stream_totals',
  version: 1,
  setup: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS stream_totals (
      stream_id TEXT PRIMARY KEY, applied INTEGER NOT NULL, total INTEGER NOT NULL, digest INTEGER NOT NULL)`),
  reset: (db) => db.exec('DROP TABLE IF EXISTS stream_totals'),
  apply: (event: RecordedEvent, db: Database) => {
    const amount = Number((event.data as { amount?: number }).amount ?? 0);
    db.prepare(
      `INSERT INTO stream_totals VALUES (@stream, 1, @amount, @position % 1000000007)
       ON CONFLICT (stream_id) DO UPDATE SET applied = applied + 1, total = total + @amount,
         digest = (digest * 31 + @position) % 1000000007`,
    ).run({ stream: event.streamId, amount, position: event.position });
  },
};

/** Counts by type, for two types only: exercises per-projection type filtering inside a batch. */
export const typeCounts: Projection = {
  name: 'type_counts',
  version: 1,
  eventTypes: ['Deposited', 'Withdrawn'],
  setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS type_counts (type TEXT PRIMARY KEY, n INTEGER NOT NULL)'),
  reset: (db) => db.exec('DROP TABLE IF EXISTS type_counts'),
  apply: (event, db) => {
    db.prepare('INSERT INTO type_counts VALUES (?, 1) ON CONFLICT (type) DO UPDATE SET n = n + 1').run(event.type);
  },
};

export const crashProjections = [streamTotals, typeCounts];

/** The rows of the crash read models, for comparing two files. */
export function crashRows(db: Database) {
  return {
    totals: db.prepare('SELECT * FROM stream_totals ORDER BY stream_id').all(),
    types: db.prepare('SELECT * FROM type_counts ORDER BY type').all(),
  };
}
