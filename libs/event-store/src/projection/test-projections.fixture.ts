import { RecordedEvent } from '@jingsai/shared';
import { Database, Projection } from './projection';

/**
 * Deliberately NOT idempotent: counts every application. A runner that applies an event twice,
 * or skips one, shows in its rows; the batch column records the checkpoint seen in the same
 * transaction, which tells the batches apart.
 */
export function tallyProjection(name = 'tally', overrides: Partial<Projection> = {}): Projection {
  const table = `${name}_rows`;
  return {
    name,
    version: 1,
    setup: (db) =>
      db.exec(`CREATE TABLE IF NOT EXISTS ${table} (stream_id TEXT PRIMARY KEY, applied INTEGER NOT NULL, total INTEGER NOT NULL);
               CREATE TABLE IF NOT EXISTS ${table}_log (position INTEGER NOT NULL, checkpoint INTEGER NOT NULL, in_tx INTEGER NOT NULL)`),
    reset: (db) => db.exec(`DROP TABLE IF EXISTS ${table}; DROP TABLE IF EXISTS ${table}_log`),
    apply: (event: RecordedEvent, db: Database) => {
      const amount = Number((event.data as { amount?: number }).amount ?? 1);
      db.prepare(
        `INSERT INTO ${table} (stream_id, applied, total) VALUES (?, 1, ?)
         ON CONFLICT (stream_id) DO UPDATE SET applied = applied + 1, total = total + excluded.total`,
      ).run(event.streamId, amount);
      const checkpoint = db.prepare('SELECT position FROM projection_checkpoints WHERE name = ?').pluck().get(name) as number | undefined;
      db.prepare(`INSERT INTO ${table}_log VALUES (?, ?, ?)`).run(event.position, checkpoint ?? -1, db.inTransaction ? 1 : 0);
    },
    ...overrides,
  };
}

export function tallies(db: Database, name = 'tally'): Record<string, { applied: number; total: number }> {
  const rows = db.prepare(`SELECT stream_id, applied, total FROM ${name}_rows ORDER BY stream_id`).all() as Array<{
    stream_id: string;
    applied: number;
    total: number;
  }>;
  return Object.fromEntries(rows.map((r) => [r.stream_id, { applied: r.applied, total: r.total }]));
}

/** Idempotent: keeps the last amount per stream, guarded by position. */
export const latestProjection: Projection = {
  name: 'latest',
  version: 1,
  eventTypes: ['Added'],
  setup: (db) => db.exec('CREATE TABLE IF NOT EXISTS latest (stream_id TEXT PRIMARY KEY, amount INTEGER NOT NULL, position INTEGER NOT NULL)'),
  reset: (db) => db.exec('DROP TABLE IF EXISTS latest'),
  apply: (event, db) => {
    db.prepare(
      `INSERT INTO latest VALUES (?, ?, ?) ON CONFLICT (stream_id) DO UPDATE SET amount = excluded.amount,
       position = excluded.position WHERE excluded.position > latest.position`,
    ).run(event.streamId, (event.data as { amount: number }).amount, event.position);
  },
};
