import { randomUUID } from 'crypto';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { SYSTEM_ACTOR } from '@jingsai/shared';
import { EventStore, NewEvent } from '../event-store.port';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { Projection } from './projection';
import { ProjectionRunner, ProjectionRunnerOptions } from './projection-runner';
import { ReadModelDatabase } from './read-model-database';

export function newEvent(type: string, data: object): NewEvent {
  return {
    type,
    data,
    metadata: { eventId: randomUUID(), correlationId: randomUUID(), actor: SYSTEM_ACTOR, occurredAt: new Date().toISOString(), schemaVersion: 1 },
  };
}

/** Appends `count` events `type` with amount i+1 to streams acct-0..acct-(streams-1), as concurrent appends. */
export async function appendMany(store: EventStore, count: number, options: { streams?: number; type?: string; offset?: number } = {}) {
  const streams = options.streams ?? 3;
  const offset = options.offset ?? 0;
  const results = await Promise.all(
    Array.from({ length: count }, (_, i) =>
      store.append(`acct-${(offset + i) % streams}`, [newEvent(options.type ?? 'Added', { amount: offset + i + 1 })], 'any'),
    ),
  );
  return Math.max(0, ...results.map((r) => r.position));
}

/** Expected tallies for appendMany calls covering amounts 1..count over `streams` streams. */
export function expectedTallies(count: number, streams = 3) {
  const out: Record<string, { applied: number; total: number }> = {};
  for (let i = 0; i < count; i++) {
    const row = (out[`acct-${i % streams}`] ??= { applied: 0, total: 0 });
    row.applied++;
    row.total += i + 1;
  }
  return out;
}

export interface Kit {
  dir: string;
  store: SqliteEventStore;
  readDb: ReadModelDatabase;
  errors: string[];
  runner(projections: Projection[], options?: ProjectionRunnerOptions, readDb?: ReadModelDatabase): ProjectionRunner;
  cleanup(): Promise<void>;
}

/** A file-backed event store and read-model database in a temp dir; runners log into `errors`. */
export function kit(): Kit {
  const dir = mkdtempSync(join(tmpdir(), 'projection-'));
  const store = new SqliteEventStore({ path: join(dir, 'events.db'), synchronous: 'OFF', pollIntervalMs: 20 });
  const readDb = new ReadModelDatabase(join(dir, 'read.db'));
  const errors: string[] = [];
  const runners: ProjectionRunner[] = [];
  const extraDbs: ReadModelDatabase[] = [];
  return {
    dir,
    store,
    readDb,
    errors,
    runner(projections, options = {}, db = readDb) {
      if (db !== readDb) extraDbs.push(db);
      const runner = new ProjectionRunner(store, db, projections, {
        logger: { log: () => undefined, error: (m) => errors.push(m) },
        ...options,
      });
      runners.push(runner);
      return runner;
    },
    async cleanup() {
      for (const r of runners) await r.stop();
      await store.close();
      readDb.close();
      for (const db of extraDbs) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
