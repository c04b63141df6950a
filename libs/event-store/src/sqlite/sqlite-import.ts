import Database from 'better-sqlite3';
import { RecordedEvent } from '@jingsai/shared';
import { GENESIS_HASH, computeEventHash } from '../hash/event-hash';
import { SqliteSynchronous, openEventDatabase } from './sqlite-schema';

/** Why an imported event was refused: the first place the incoming chain does not hold. */
export class ImportRefusedError extends Error {
  constructor(
    readonly position: number | null,
    readonly streamId: string | null,
    readonly revision: number | null,
    readonly reason: string,
  ) {
    super(`import refused${position === null ? '' : ` at position ${position} (${streamId}@${revision})`}: ${reason}`);
    this.name = 'ImportRefusedError';
  }
}

export interface SqliteImportOptions {
  path: string;
  synchronous?: SqliteSynchronous;
  busyTimeoutMs?: number;
}

/**
 * Restores exported events into an EMPTY SQLite event store exactly as they were stored:
 * same positions, revisions, recordedAt, data, metadata, prevHash and hash. `append` cannot do
 * this (it stamps its own recordedAt and positions), so this path writes rows directly, and in
 * exchange checks each incoming event against the chain instead of recomputing it: revisions
 * contiguous from 0 per stream, prevHash equal to the previous hash, the stored hash equal to
 * the recomputed one, positions increasing. Everything happens in one transaction: a refused
 * event leaves the store empty. Memory holds one entry per stream.
 */
export class SqliteEventImport {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly chains = new Map<string, { revision: number; hash: string }>();
  private lastPosition = 0;
  private open = false;
  count = 0;

  constructor(options: SqliteImportOptions) {
    this.db = openEventDatabase({ path: options.path, synchronous: options.synchronous ?? 'FULL', busyTimeoutMs: options.busyTimeoutMs ?? 5000 });
    this.insert = this.db.prepare(
      'INSERT INTO events (position, stream_id, revision, type, data, metadata, command_id, recorded_at, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
  }

  /** Takes the write lock and refuses unless the store holds no event. */
  begin(): void {
    this.db.exec('BEGIN IMMEDIATE');
    this.open = true;
    const used = this.db.prepare('SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM streams)').pluck().get() as number;
    if (used > 0) {
      this.rollback();
      throw new ImportRefusedError(null, null, null, 'the target event store is not empty; import only into a new, empty store');
    }
  }

  add(event: RecordedEvent): void {
    if (!this.open) throw new Error('call begin() before add()');
    const { streamId, revision, position, metadata } = event;
    const refuse = (reason: string) => new ImportRefusedError(position ?? null, streamId ?? null, revision ?? null, reason);
    if (typeof streamId !== 'string' || !streamId || typeof event.type !== 'string' || !metadata || typeof metadata !== 'object') {
      throw refuse('not a stored event (streamId, type and metadata are required)');
    }
    if (!Number.isInteger(position) || position <= this.lastPosition) throw refuse(`position must be an integer after ${this.lastPosition}`);
    const chain = this.chains.get(streamId);
    const expectedRevision = chain ? chain.revision + 1 : 0;
    if (revision !== expectedRevision) throw refuse(`revision ${revision} does not follow (expected ${expectedRevision})`);
    const prevHash = chain?.hash ?? GENESIS_HASH;
    if (metadata.prevHash !== prevHash) throw refuse(`prevHash ${String(metadata.prevHash)} does not name the previous event (${prevHash})`);
    const hash = computeEventHash(prevHash, event);
    if (metadata.hash !== hash) throw refuse(`hash ${String(metadata.hash)} does not match the event (recomputed ${hash})`);
    const { prevHash: _p, hash: _h, ...rest } = metadata;
    this.insert.run(
      position,
      streamId,
      revision,
      event.type,
      JSON.stringify(event.data),
      JSON.stringify(rest),
      rest.commandId ?? null,
      event.recordedAt,
      Buffer.from(prevHash, 'hex'),
      Buffer.from(hash, 'hex'),
    );
    this.chains.set(streamId, { revision, hash });
    this.lastPosition = position;
    this.count++;
  }

  /** Writes the stream heads and commits. */
  commit(): { events: number; streams: number } {
    const upsert = this.db.prepare('INSERT INTO streams (stream_id, revision, last_hash) VALUES (?, ?, ?)');
    for (const [streamId, c] of this.chains) upsert.run(streamId, c.revision, Buffer.from(c.hash, 'hex'));
    this.db.exec('COMMIT');
    this.open = false;
    return { events: this.count, streams: this.chains.size };
  }

  rollback(): void {
    if (this.open && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.open = false;
  }

  close(): void {
    this.rollback();
    if (this.db.open) this.db.close();
  }
}
