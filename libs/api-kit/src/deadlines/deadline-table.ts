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
  if (exists) db.prepare('DELETE FROM deadlines WHERE owner = ?').run(owner);
}

export function dueDeadlines(db: Database, now: Date, limit = 200): DeadlineRow[] {
  ensureDeadlineTable(db);
  const rows = db
    .prepare('SELECT kind, stream_id AS streamId, item_key AS key, due_at AS dueAt, payload FROM deadlines WHERE settled = 0 AND due_at <= ? ORDER BY due_at LIMIT ?')
    .all(now.toISOString(), limit) as Array<Omit<DeadlineRow, 'payload'> & { payload: string }>;
  return rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
}
