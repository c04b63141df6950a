import type { Database } from 'better-sqlite3';

/**
 * Deadlines are facts in the read model (ARCHITECTURE.md, "Time and processes"): each row says
 * that at `due_at` something must be recorded for `stream_id` unless it is settled first. Rows
 * are owned by the projection that writes them (`owner`), so rebuilding one projection resets
 * only its own deadlines.
 */
export function ensureDeadlineTable(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS deadlines (
      kind TEXT NOT NULL, stream_id TEXT NOT NULL, item_key TEXT NOT NULL,
      due_at TEXT NOT NULL, owner TEXT NOT NULL, payload TEXT NOT NULL DEFAULT '{}',
      settled INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (kind, stream_id, item_key)
    );
    CREATE INDEX IF NOT EXISTS deadlines_due ON deadlines(settled, due_at);
  `);
}

export interface DeadlineRow {
  kind: string;
  streamId: string;
  key: string;
  dueAt: string;
  payload: Record<string, unknown>;
}

/** Set (or move) a deadline; a settled one stays settled unless `reopen`. */
export function upsertDeadline(db: Database, owner: string, d: DeadlineRow, reopen = false): void {
  db.prepare(
    `INSERT INTO deadlines (kind, stream_id, item_key, due_at, owner, payload, settled) VALUES (?, ?, ?, ?, ?, ?, 0)
     ON CONFLICT (kind, stream_id, item_key) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload,
       settled = CASE WHEN ? THEN 0 ELSE deadlines.settled END`,
  ).run(d.kind, d.streamId, d.key, new Date(d.dueAt).toISOString(), owner, JSON.stringify(d.payload), reopen ? 1 : 0);
}

/** The thing happened (or no longer can): the scheduler stops looking at it. */
export function settleDeadline(db: Database, kind: string, streamId: string, key?: string): void {
  // Rows already settled are left alone: rewriting them (and their index entries) changed nothing.
  if (key === undefined) db.prepare('UPDATE deadlines SET settled = 1 WHERE kind = ? AND stream_id = ? AND settled = 0').run(kind, streamId);
  else db.prepare('UPDATE deadlines SET settled = 1 WHERE kind = ? AND stream_id = ? AND item_key = ? AND settled = 0').run(kind, streamId, key);
}

export function resetDeadlines(db: Database, owner: string): void {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'deadlines'").get();
  if (!exists) return;
  // All rows this owner's: a DELETE without WHERE empties the table at once instead of row by row.
  const others = db.prepare('SELECT 1 FROM deadlines WHERE owner <> ? LIMIT 1').get(owner);
  db.prepare(others ? 'DELETE FROM deadlines WHERE owner = ?' : 'DELETE FROM deadlines').run(...(others ? [owner] : []));
}

export function dueDeadlines(db: Database, now: Date, limit = 200): DeadlineRow[] {
  ensureDeadlineTable(db);
  const rows = db
    .prepare('SELECT kind, stream_id AS streamId, item_key AS key, due_at AS dueAt, payload FROM deadlines WHERE settled = 0 AND due_at <= ? ORDER BY due_at LIMIT ?')
    .all(now.toISOString(), limit) as Array<Omit<DeadlineRow, 'payload'> & { payload: string }>;
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
}

/** What a batch's operations leave of a deadline's `settled` flag: as stored, reopened, or settled. */
type SettledAfter = 'stored' | 'open' | 'settled';

interface PendingDeadline {
  owner: string;
  d: DeadlineRow;
  settled: SettledAfter;
}

/**
 * `upsertDeadline` and `settleDeadline` for one projection batch, written once per deadline at
 * `flush` (see `Projection.flush`). A rebuild page sets a project's report due dates and then
 * settles most of them as its reports come in: the row is now inserted once, already settled,
 * instead of inserted and then updated once per report. The rows written equal those of the
 * same calls made one by one; `discard` forgets the batch when its transaction rolls back.
 */
export class DeadlineBatch {
  /** Per connection: the batch's deadlines by stream, then by kind and key. */
  private readonly byDb = new WeakMap<Database, Map<string, Map<string, PendingDeadline>>>();

  upsert(db: Database, owner: string, d: DeadlineRow, reopen = false): void {
    const pending = this.ofStream(db, d.streamId);
    const id = idOf(d.kind, d.key);
    const before = pending.get(id);
    // An upsert keeps the flag it finds unless it reopens; what it finds may be this batch's own settle.
    pending.set(id, { owner, d, settled: reopen ? 'open' : (before?.settled ?? 'stored') });
  }

  settle(db: Database, kind: string, streamId: string, key?: string): void {
    const pending = this.byDb.get(db)?.get(streamId);
    if (key !== undefined) {
      const entry = pending?.get(idOf(kind, key));
      if (entry) entry.settled = 'settled';
      else settleDeadline(db, kind, streamId, key);
      return;
    }
    for (const entry of pending?.values() ?? []) if (entry.d.kind === kind) entry.settled = 'settled';
    settleDeadline(db, kind, streamId);
  }

  /**
   * A settled deadline is looked at again, due when it was (a rejected rectification): the
   * batch's own entry if it has one, else the stored row. Nothing is written before the flush.
   */
  reopen(db: Database, owner: string, kind: string, streamId: string, key: string): void {
    const entry = this.byDb.get(db)?.get(streamId)?.get(idOf(kind, key));
    if (entry) {
      entry.settled = 'open';
      return;
    }
    const row = db.prepare('SELECT due_at AS dueAt, payload FROM deadlines WHERE kind = ? AND stream_id = ? AND item_key = ?').get(kind, streamId, key) as
      | { dueAt: string; payload: string }
      | undefined;
    if (row) this.upsert(db, owner, { kind, streamId, key, dueAt: row.dueAt, payload: JSON.parse(row.payload) as Record<string, unknown> }, true);
  }

  flush(db: Database): void {
    const streams = this.byDb.get(db);
    if (!streams) return;
    this.byDb.delete(db);
    const write = db.prepare(
      `INSERT INTO deadlines (kind, stream_id, item_key, due_at, owner, payload, settled) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (kind, stream_id, item_key) DO UPDATE SET due_at = excluded.due_at, payload = excluded.payload,
         settled = CASE ? WHEN 'stored' THEN deadlines.settled ELSE excluded.settled END`,
    );
    for (const pending of streams.values()) {
      for (const { owner, d, settled } of pending.values()) {
        write.run(d.kind, d.streamId, d.key, new Date(d.dueAt).toISOString(), owner, JSON.stringify(d.payload), settled === 'settled' ? 1 : 0, settled);
      }
    }
  }

  discard(db: Database): void {
    this.byDb.delete(db);
  }

  private ofStream(db: Database, streamId: string): Map<string, PendingDeadline> {
    let streams = this.byDb.get(db);
    if (!streams) this.byDb.set(db, (streams = new Map()));
    let pending = streams.get(streamId);
    if (!pending) streams.set(streamId, (pending = new Map()));
    return pending;
  }
}

const idOf = (kind: string, key: string) => `${kind}\u0000${key}`;
