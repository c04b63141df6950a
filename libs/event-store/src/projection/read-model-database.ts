import Sqlite from 'better-sqlite3';
import type { Statement } from 'better-sqlite3';
import { Database, Projection } from './projection';
import { withStatementCache } from './statement-cache';

/** A rebuild whose last heartbeat is older than this is taken for dead (its flag is left behind). */
export const REBUILD_HEARTBEAT_STALE_MS = 60_000;
/** How often a running rebuild writes its heartbeat. */
export const REBUILD_HEARTBEAT_EVERY_MS = 5_000;

export interface ReadModelDatabaseOptions {
  /** How long a writer waits for another connection's lock, in ms (default 10 s). */
  busyTimeoutMs?: number;
  /** SQLite page cache of this connection in KiB (default 64 MB). */
  cacheSizeKb?: number;
}

/** A projection's stored progress. */
export interface ProjectionCheckpoint {
  name: string;
  position: number;
  version: number;
  updatedAt: string;
}

export interface ReadModelStatus {
  rebuilding: boolean;
  /** The process that set the flag (this machine's: SQLite files are local), or null when not known. */
  rebuildPid: number | null;
  /** Projections being rebuilt (names), empty when not rebuilding. */
  rebuildingProjections: string[];
  rebuildStartedAt: string | null;
  updatedAt: string | null;
}

/**
 * The read-model SQLite file: every projection's tables plus its checkpoint. WAL and
 * `synchronous = NORMAL`: a power cut may lose the last transactions, which only rewinds
 * checkpoints together with their rows (both are in one transaction), and read models can be
 * rebuilt from the log anyway. Several processes may open one file; writes serialise on
 * SQLite's lock (`BEGIN IMMEDIATE` + busy timeout).
 */
export class ReadModelDatabase {
  readonly db: Database;
  private stamp?: { version: Statement<[], number>; changes: Statement<[], number> };
  private rebuildingAt?: { stamp: string; projections: readonly string[]; heartbeatMs: number };

  constructor(readonly path: string, options: ReadModelDatabaseOptions = {}) {
    this.db = withStatementCache(new Sqlite(path));
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
    if (path !== ':memory:') this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`cache_size = -${Math.max(1, Math.floor(options.cacheSizeKb ?? 65_536))}`);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS projection_checkpoints (
        name TEXT PRIMARY KEY,
        position INTEGER NOT NULL,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS read_model_status (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        rebuilding INTEGER NOT NULL DEFAULT 0,
        rebuilding_projections TEXT NOT NULL DEFAULT '[]',
        rebuild_started_at TEXT,
        updated_at TEXT
      );
      INSERT OR IGNORE INTO read_model_status (id) VALUES (1);
    `);
    // Files from before the rebuilder's process was recorded get the column (null: not known).
    const columns = this.db.prepare('PRAGMA table_info(read_model_status)').all() as Array<{ name: string }>;
    if (!columns.some((c) => c.name === 'rebuild_pid')) {
      try {
        this.db.exec('ALTER TABLE read_model_status ADD COLUMN rebuild_pid INTEGER');
      } catch (e) {
        // Another connection (a second process opening the same old file) added it first.
        if (!/duplicate column name/i.test((e as Error).message)) throw e;
      }
    }
  }

  /**
   * Creates the tables of projections whose stored version is current, so queries find them
   * before the runner starts. A projection stored at another version is left alone: its old
   * tables may not take the new DDL, and the runner resets and rebuilds it. One with no
   * checkpoint at all will be replayed from the start anyway, so whatever tables it left are
   * dropped first (an older version's, say, from a run that never wrote a checkpoint).
   */
  setUp(projections: ReadonlyArray<Pick<Projection, 'name' | 'version' | 'setup' | 'reset'>>): void {
    // Under the write lock: another process's runner may be writing its first checkpoint right now.
    this.db
      .transaction(() => {
        for (const p of projections) {
          const stored = this.checkpoint(p.name);
          if (!stored) p.reset(this.db);
          if (!stored || stored.version === p.version) p.setup(this.db);
        }
      })
      .immediate();
  }

  /** The stored checkpoint of a projection, or null before its first start. */
  checkpoint(name: string): ProjectionCheckpoint | null {
    const row = this.db
      .prepare('SELECT name, position, version, updated_at AS updatedAt FROM projection_checkpoints WHERE name = ?')
      .get(name) as ProjectionCheckpoint | undefined;
    return row ?? null;
  }

  checkpoints(): ProjectionCheckpoint[] {
    return this.db
      .prepare('SELECT name, position, version, updated_at AS updatedAt FROM projection_checkpoints ORDER BY name')
      .all() as ProjectionCheckpoint[];
  }

  /** Insert or overwrite a checkpoint (used when a projection is created or reset). */
  writeCheckpoint(name: string, position: number, version: number): void {
    this.db
      .prepare(
        `INSERT INTO projection_checkpoints (name, position, version, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET position = excluded.position, version = excluded.version,
           updated_at = excluded.updated_at`,
      )
      .run(name, position, version, new Date().toISOString());
  }

  status(): ReadModelStatus {
    const row = this.db
      .prepare('SELECT rebuilding, rebuilding_projections, rebuild_started_at, updated_at, rebuild_pid FROM read_model_status WHERE id = 1')
      .get() as { rebuilding: number; rebuilding_projections: string; rebuild_started_at: string | null; updated_at: string | null; rebuild_pid: number | null };
    return {
      rebuilding: row.rebuilding === 1,
      rebuildPid: row.rebuild_pid,
      rebuildingProjections: JSON.parse(row.rebuilding_projections) as string[],
      rebuildStartedAt: row.rebuild_started_at,
      updatedAt: row.updated_at,
    };
  }

  /**
   * Whether a rebuild is under way now (this process's or another's, `cli rebuild`): the flag is
   * set and its heartbeat (`updated_at`, written by the rebuild at least every few seconds) is
   * fresh. A rebuild that died (killed, out of memory) leaves the flag set; it stops counting a
   * minute after its last heartbeat, and the next start catches the read models up from their
   * checkpoints as usual. Read again only when the read models have changed: asked on every query.
   */
  rebuildingNow(nowMs = Date.now()): boolean {
    return this.rebuildingProjectionsNow(nowMs).length > 0;
  }

  /** The projections a rebuild under way now replays (see {@link rebuildingNow}); none when there is none. */
  rebuildingProjectionsNow(nowMs = Date.now()): readonly string[] {
    const stamp = this.changeStamp();
    if (stamp !== this.rebuildingAt?.stamp) {
      const { rebuilding, rebuildingProjections, updatedAt } = this.status();
      this.rebuildingAt = { stamp, projections: rebuilding ? rebuildingProjections : [], heartbeatMs: updatedAt ? Date.parse(updatedAt) : 0 };
    }
    return nowMs - this.rebuildingAt.heartbeatMs < REBUILD_HEARTBEAT_STALE_MS ? this.rebuildingAt.projections : [];
  }

  /** The rebuild's heartbeat: it is still running (see {@link rebuildingNow}); at an old time, it has stopped. */
  rebuildHeartbeat(at = new Date()): void {
    this.db.prepare('UPDATE read_model_status SET updated_at = ? WHERE id = 1 AND rebuilding = 1').run(at.toISOString());
  }

  setRebuilding(projections: string[] | null): void {
    const now = new Date().toISOString();
    this.db
      .prepare(
        `UPDATE read_model_status SET rebuilding = ?, rebuilding_projections = ?, rebuild_started_at = ?,
           updated_at = ?, rebuild_pid = ? WHERE id = 1`,
      )
      .run(projections ? 1 : 0, JSON.stringify(projections ?? []), projections ? now : null, now, projections ? process.pid : null);
  }

  /**
   * A rebuild under way in a live process (see {@link rebuildingNow}): one whose process has
   * ended (killed, say) no longer counts, whatever its last heartbeat. The projections, or none.
   */
  rebuildUnderWay(nowMs = Date.now()): readonly string[] {
    const projections = this.rebuildingProjectionsNow(nowMs);
    const pid = projections.length > 0 ? this.status().rebuildPid : null;
    return pid === null || processAlive(pid) ? projections : [];
  }

  /**
   * Changes whenever the read models may have: a row written through this connection
   * (`total_changes()`, the in-process runner) or a commit by any other connection or process
   * (`data_version`, a separate projector). Equal stamps mean every query would answer the same.
   */
  changeStamp(): string {
    // Two statements, not one: `PRAGMA data_version` costs half of reading it through the pragma's
    // table-valued function (2.3 against 4.2 µs), and total_changes() touches no table (0.1 µs).
    // Every answered query asks, a kept answer included.
    // Plucked again on each call: the connection's statement cache hands the same statements to
    // anyone preparing the same text, who may switch the mode back.
    this.stamp ??= { version: this.db.prepare<[], number>('PRAGMA data_version'), changes: this.db.prepare<[], number>('SELECT total_changes()') };
    return `${this.stamp.version.pluck().get()}.${this.stamp.changes.pluck().get()}`;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: alive, another user's.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Runs `read` in one read transaction, so its statements see one state of the read models: a
 * projection committing from another connection in between (the projection worker, another
 * process) cannot make a page's `total` disagree with its items. Inside a transaction already,
 * it just runs.
 */
export function readTogether<T>(db: Database, read: () => T): T {
  if (db.inTransaction) return read();
  db.prepare('BEGIN').run();
  try {
    return read();
  } finally {
    if (db.inTransaction) db.prepare('COMMIT').run();
  }
}
