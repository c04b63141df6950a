import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** A folded state as of one event of its stream. */
export interface Snapshot {
  revision: number;
  /** Hash of the event at `revision`: the snapshot is used only if the log still holds that event. */
  hash: string;
  state: unknown;
}

export interface SnapshotStoreOptions {
  /** A file of its own (or ':memory:'), never the event log. */
  path: string;
  /**
   * The code the states were folded by (e.g. the release). Snapshots of another version are
   * ignored and dropped at open: a change to an `evolve` would otherwise be hidden by old states.
   */
  version: string;
}

/**
 * A persistent cache of folded aggregate state for long streams, so a cold load folds only
 * the events after the snapshot. Never a source of truth: the AggregateRepository uses a
 * snapshot only when the event at its revision still has the recorded hash (the chain makes
 * that event, and so everything before it, fixed), reads every later event from the log, and
 * falls back to a full fold on any doubt; losing this file loses nothing. Audit replay folds
 * from the log and never reads it. States must be plain JSON data (deciders' states are).
 */
export class SqliteSnapshotStore {
  private readonly db: Database.Database;
  private readonly read: Database.Statement<[string, string], { revision: number; hash: string; state: string }>;
  private readonly write: Database.Statement<[string, string, number, string, string]>;
  private readonly drop: Database.Statement<[string]>;

  constructor(options: SnapshotStoreOptions) {
    if (options.path !== ':memory:') mkdirSync(dirname(resolve(options.path)), { recursive: true });
    this.db = new Database(options.path);
    if (options.path !== ':memory:') this.db.pragma('journal_mode = WAL');
    // A cache: a power cut may lose recent snapshots, which only makes a load fold more events.
    this.db.pragma('synchronous = OFF');
    this.db.exec(`CREATE TABLE IF NOT EXISTS snapshots (
      stream_id TEXT PRIMARY KEY, version TEXT NOT NULL, revision INTEGER NOT NULL, hash TEXT NOT NULL, state TEXT NOT NULL) WITHOUT ROWID`);
    this.db.prepare('DELETE FROM snapshots WHERE version <> ?').run(options.version);
    this.read = this.db.prepare('SELECT revision, hash, state FROM snapshots WHERE stream_id = ? AND version = ?');
    this.write = this.db.prepare('INSERT OR REPLACE INTO snapshots (stream_id, version, revision, hash, state) VALUES (?, ?, ?, ?, ?)');
    this.drop = this.db.prepare('DELETE FROM snapshots WHERE stream_id = ?');
    this.version = options.version;
    for (const id of this.db.prepare('SELECT stream_id FROM snapshots').pluck().all() as string[]) this.streams.add(id);
  }

  private readonly version: string;
  /**
   * The streams with a snapshot, so that the cold load of a short stream (nearly every one) does
   * not query the file. A snapshot another process writes meanwhile is seen after a restart:
   * until then it is a cache miss, never a wrong answer.
   */
  private readonly streams = new Set<string>();

  get(streamId: string): Snapshot | undefined {
    if (!this.streams.has(streamId)) return undefined;
    const row = this.read.get(streamId, this.version);
    if (!row) return undefined;
    try {
      return { revision: row.revision, hash: row.hash, state: JSON.parse(row.state) };
    } catch {
      this.delete(streamId);
      return undefined;
    }
  }

  put(streamId: string, snapshot: Snapshot): void {
    this.write.run(streamId, this.version, snapshot.revision, snapshot.hash, JSON.stringify(snapshot.state));
    this.streams.add(streamId);
  }

  delete(streamId: string): void {
    this.drop.run(streamId);
    this.streams.delete(streamId);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
