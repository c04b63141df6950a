import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export type SqliteSynchronous = 'FULL' | 'NORMAL' | 'OFF';

/**
 * Emmett-like layout. Hashes are 32-byte BLOBs and `prevHash`/`hash` are kept out of the
 * metadata JSON (they are re-attached on read, hex-encoded by SQLite, which is faster than
 * converting Buffers in JS): about 100 bytes per event less than hex text inside the JSON.
 * `command_id` holds the commandId of the append's first event on every event of that append,
 * so an idempotent replay can return exactly the events of the original append.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS streams (
  stream_id TEXT PRIMARY KEY,
  revision INTEGER NOT NULL,
  last_hash BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  position INTEGER PRIMARY KEY AUTOINCREMENT,
  stream_id TEXT NOT NULL,
  revision INTEGER NOT NULL,
  type TEXT NOT NULL,
  data TEXT NOT NULL,
  metadata TEXT NOT NULL,
  command_id TEXT,
  recorded_at TEXT NOT NULL,
  prev_hash BLOB NOT NULL,
  hash BLOB NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE INDEX IF NOT EXISTS events_stream_command ON events (stream_id, command_id) WHERE command_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS events_command ON events (command_id) WHERE command_id IS NOT NULL;
`;

export interface OpenOptions {
  path: string;
  synchronous: SqliteSynchronous;
  busyTimeoutMs: number;
  /** SQLite page cache of this connection in KiB (SQLite's default is 2 MB). */
  cacheSizeKb?: number;
}

/** Opens (creating the directory and schema if needed) an event store database in WAL mode. */
export function openEventDatabase(options: OpenOptions): Database.Database {
  const memory = options.path === ':memory:';
  let db: Database.Database;
  try {
    if (!memory) mkdirSync(dirname(resolve(options.path)), { recursive: true });
    db = new Database(options.path);
  } catch (e) {
    throw openError(options.path, e);
  }
  try {
    // busy_timeout first: another process may hold the lock while we switch to WAL or create the schema.
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
    if (!memory) db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${options.synchronous}`);
    if (options.cacheSizeKb) db.pragma(`cache_size = -${Math.floor(options.cacheSizeKb)}`);
    db.transaction(() => db.exec(SCHEMA)).immediate();
    return db;
  } catch (e) {
    db.close();
    throw openError(options.path, e);
  }
}

function openError(path: string, cause: unknown): Error {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new Error(
    `cannot open the SQLite event store at ${path === ':memory:' ? path : resolve(path)}: ${reason}. ` +
      'Check that its directory exists or can be created and is writable by this process.',
    { cause },
  );
}
