import Database from 'better-sqlite3';
import { EventFilter } from '../event-store.port';
import { EVENT_COLUMNS, EVENT_COLUMNS_WITHOUT_HASHES, EventRow } from './sqlite-rows';

/** Every statement the store runs, prepared once per connection. Read statements return raw rows. */
export class SqliteStatements {
  readonly getStream: Database.Statement<[string], [number, string]>;
  readonly streamRevision: Database.Statement<[string], number>;
  readonly upsertStream: Database.Statement<[string, number, Buffer]>;
  readonly insertEvent: Database.Statement<[string, number, string, string, string, string | null, string, Buffer, Buffer]>;
  readonly findCommand: Database.Statement<[string, string], EventRow>;
  readonly commandStream: Database.Statement<[string], string>;
  readonly readForwards: Database.Statement<[string, number, number], EventRow>;
  readonly readForwardsWithoutHashes: Database.Statement<[string, number, number], EventRow>;
  readonly readBackwards: Database.Statement<[string, number, number], EventRow>;
  readonly readAll: Database.Statement<[number, number], EventRow>;
  readonly readAllWithoutHashes: Database.Statement<[number, number], EventRow>;
  readonly head: Database.Statement<[], number>;
  readonly dataVersion: Database.Statement<[], number>;
  readonly streamHeads: Database.Statement<[], [string, number, string]>;
  readonly streamHead: Database.Statement<[string], [string, number, string]>;
  private readonly filtered = new Map<string, Database.Statement<unknown[], EventRow>>();

  constructor(private readonly db: Database.Database) {
    this.getStream = db.prepare<[string], [number, string]>('SELECT revision, lower(hex(last_hash)) FROM streams WHERE stream_id = ?').raw();
    this.streamRevision = db.prepare<[string], number>('SELECT revision FROM streams WHERE stream_id = ?').pluck();
    this.upsertStream = db.prepare(
      'INSERT INTO streams (stream_id, revision, last_hash) VALUES (?, ?, ?) ' +
        'ON CONFLICT (stream_id) DO UPDATE SET revision = excluded.revision, last_hash = excluded.last_hash',
    );
    this.insertEvent = db.prepare(
      'INSERT INTO events (stream_id, revision, type, data, metadata, command_id, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.findCommand = this.rows<[string, string]>('WHERE stream_id = ? AND command_id = ? ORDER BY revision');
    this.commandStream = db.prepare<[string], string>('SELECT stream_id FROM events WHERE command_id = ? LIMIT 1').pluck();
    this.readForwards = this.rows<[string, number, number]>('WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?');
    this.readForwardsWithoutHashes = this.rows<[string, number, number]>('WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?', false);
    this.readBackwards = this.rows<[string, number, number]>('WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT ?');
    this.readAll = this.rows<[number, number]>('WHERE position > ? ORDER BY position LIMIT ?');
    this.readAllWithoutHashes = this.rows<[number, number]>('WHERE position > ? ORDER BY position LIMIT ?', false);
    this.head = db.prepare<[], number>('SELECT coalesce(max(position), 0) FROM events').pluck();
    this.dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck();
    this.streamHeads = db.prepare<[], [string, number, string]>('SELECT stream_id, revision, lower(hex(last_hash)) FROM streams ORDER BY stream_id').raw();
    this.streamHead = db.prepare<[string], [string, number, string]>('SELECT stream_id, revision, lower(hex(last_hash)) FROM streams WHERE stream_id = ?').raw();
  }

  /** Rows after `fromPosition` matching the filter; one cached statement per filter shape. */
  readAllFiltered(fromPosition: number, limit: number, filter: EventFilter, hashes = true): EventRow[] {
    const prefixes = filter.streamPrefixes ?? [];
    const types = filter.eventTypes ?? [];
    const key = `${prefixes.length}/${types.length}/${hashes}`;
    let stmt = this.filtered.get(key);
    if (!stmt) {
      const where = ['position > ?'];
      // substr counts characters, so the prefix length is passed in code points.
      if (prefixes.length) where.push(`(${prefixes.map(() => 'substr(stream_id, 1, ?) = ?').join(' OR ')})`);
      if (types.length) where.push(`type IN (${types.map(() => '?').join(', ')})`);
      stmt = this.rows<unknown[]>(`WHERE ${where.join(' AND ')} ORDER BY position LIMIT ?`, hashes);
      this.filtered.set(key, stmt);
    }
    const params: unknown[] = [fromPosition];
    for (const p of prefixes) params.push([...p].length, p);
    params.push(...types, limit);
    return stmt.all(...params);
  }

  private rows<P extends unknown[]>(tail: string, hashes = true): Database.Statement<P, EventRow> {
    return this.db.prepare<P, EventRow>(`SELECT ${hashes ? EVENT_COLUMNS : EVENT_COLUMNS_WITHOUT_HASHES} FROM events ${tail}`).raw();
  }
}
