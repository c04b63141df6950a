import { Database } from './projection';

type Row = Record<string, unknown>;
type Value = string | number | bigint | Buffer | null;

interface Entry {
  /** The columns read from the table when the batch first touched the row; null for a row inserted in the batch. */
  base: Row | null;
  /** The row as the batch's events have left it so far. */
  current: Row;
  /** Columns changed since `base` (all of `current` for an inserted row). */
  dirty: Set<string>;
}

/** What `flush` wrote for one row: hooks keep side tables (an index of a JSON column) in step once per row. */
export interface FlushedRow {
  key: string;
  current: Row;
  /** The row as stored before the batch; null when the batch inserted it. */
  base: Row | null;
  dirty: ReadonlySet<string>;
}

/**
 * Write-behind rows of one table for the length of one projection batch (see `Projection.flush`).
 * A project's events come in runs (a rebuild page of 5,000 events touches about 250 projects),
 * and each event used to read its row and write it back: here the row is read once, the events
 * change it in memory, and `flush` writes it once, inside the same transaction as the checkpoint.
 * Nothing outlives the batch: `discard` forgets it all when the transaction rolls back, and
 * another runner on the same file sees only committed rows.
 *
 * Reads by key go through the buffer; a projection that queries the table any other way
 * (a range, a join) must `flush` first.
 */
export class BatchRows {
  private readonly byDb = new WeakMap<Database, Map<string, Entry>>();
  private readonly select: string;

  /**
   * @param table  the table (an identifier, never input)
   * @param key    its primary-key column (TEXT)
   * @param columns the columns `get` returns for a stored row: the ones the projection reads
   */
  constructor(
    private readonly table: string,
    private readonly key: string,
    columns: readonly string[],
  ) {
    if (![table, key, ...columns].every((c) => /^\w+$/.test(c))) throw new Error(`BatchRows: plain identifiers only (${table})`);
    const read = columns.includes(key) ? columns : [key, ...columns];
    this.select = `SELECT ${read.join(', ')} FROM ${table} WHERE ${key} = ?`;
  }

  /** The row as this batch sees it, or undefined when it does not exist. Do not mutate it: use `update`. */
  get(db: Database, key: string): Readonly<Row> | undefined {
    const entries = this.entries(db);
    const entry = entries.get(key);
    if (entry) return entry.current;
    const stored = db.prepare(this.select).get(key) as Row | undefined;
    if (!stored) return undefined;
    const read: Entry = { base: stored, current: { ...stored }, dirty: new Set() };
    entries.set(key, read);
    return read.current;
  }

  /** Inserts the row unless one with its key exists (INSERT OR IGNORE); true when it was new. */
  insert(db: Database, row: Row): boolean {
    const key = String(row[this.key]);
    if (this.get(db, key)) return false;
    this.entries(db).set(key, { base: null, current: { ...row }, dirty: new Set(Object.keys(row)) });
    return true;
  }

  /** Changes columns of an existing row (read by `get` or inserted in this batch). */
  update(db: Database, key: string, changes: Row): void {
    const entry = this.entries(db).get(key);
    if (!entry) throw new Error(`BatchRows ${this.table}: update of ${key} before get`);
    for (const [column, value] of Object.entries(changes)) {
      if (column === this.key) continue;
      entry.current[column] = value;
      entry.dirty.add(column);
    }
  }

  /** Writes every changed row (one statement each) and empties the buffer; `after` runs once per written row. */
  flush(db: Database, after?: (row: FlushedRow) => void): void {
    const entries = this.byDb.get(db);
    if (!entries || entries.size === 0) return;
    this.byDb.delete(db);
    for (const [key, entry] of entries) {
      if (entry.dirty.size === 0) continue;
      if (entry.base === null) {
        const columns = Object.keys(entry.current);
        db.prepare(`INSERT OR IGNORE INTO ${this.table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`).run(
          ...columns.map((c) => entry.current[c] as Value),
        );
      } else {
        const columns = [...entry.dirty];
        db.prepare(`UPDATE ${this.table} SET ${columns.map((c) => `${c} = ?`).join(', ')} WHERE ${this.key} = ?`).run(
          ...columns.map((c) => entry.current[c] as Value),
          key,
        );
      }
      after?.({ key, current: entry.current, base: entry.base, dirty: entry.dirty });
    }
  }

  /** Forgets the batch's rows without writing them (its transaction rolled back). */
  discard(db: Database): void {
    this.byDb.delete(db);
  }

  private entries(db: Database): Map<string, Entry> {
    let entries = this.byDb.get(db);
    if (!entries) this.byDb.set(db, (entries = new Map()));
    return entries;
  }
}
