import { EventMetadata, RecordedEvent, SYSTEM_ACTOR } from '@jingsai/shared';
import { Database, Projection, ReadModelDatabase, UpcasterRegistry, handles } from '@jingsai/event-store';

export type RecordedOverrides = Partial<Omit<RecordedEvent, 'type' | 'data' | 'metadata'>> & {
  metadata?: Partial<EventMetadata>;
};

let nextPosition = 1;
const nextRevisions = new Map<string, number>();

/**
 * A RecordedEvent for tests. Defaults: the stream from the first `…Id` field of the data
 * (`{ projectId: 'p1' }` → `project-p1`, else `test-1`), the next revision of that stream and the
 * next global position (counters shared by the test file), recordedAt 2025-01-01T00:00:00Z,
 * the system actor, schema version 1. Any of it can be overridden.
 */
export function recorded<T extends string, D extends object>(
  type: T,
  data: D,
  overrides: RecordedOverrides = {},
): RecordedEvent & { type: T; data: D } {
  const streamId = overrides.streamId ?? streamOf(data);
  const position = overrides.position ?? nextPosition;
  nextPosition = Math.max(nextPosition, position + 1);
  const revision = overrides.revision ?? nextRevisions.get(streamId) ?? 0;
  nextRevisions.set(streamId, Math.max(nextRevisions.get(streamId) ?? 0, revision + 1));
  const recordedAt = overrides.recordedAt ?? '2025-01-01T00:00:00.000Z';
  return {
    streamId,
    revision,
    position,
    recordedAt,
    type,
    data: data as D & Record<string, unknown>,
    metadata: {
      eventId: `event-${position}`,
      correlationId: `correlation-${position}`,
      actor: SYSTEM_ACTOR,
      occurredAt: recordedAt,
      schemaVersion: 1,
      ...overrides.metadata,
    },
  };
}

function streamOf(data: object): string {
  for (const [key, value] of Object.entries(data)) {
    if (key.length > 2 && key.endsWith('Id') && typeof value === 'string') return `${key.slice(0, -2)}-${value}`;
  }
  return 'test-1';
}

/**
 * Tests a projection on a real in-memory read-model SQLite, the way the runner feeds it:
 *
 *   projectionSpec(boardProjection)
 *     .given([recorded('ProjectSubmitted', { projectId: 'p1', ... })])
 *     .then((db) => db.prepare('SELECT id, status FROM board').all(), [{ id: 'p1', status: 'submitted' }]);
 *
 * The events are applied as one batch (then `flush`). Every `then` also checks the projection's
 * contract: the rows are the same when every event is applied twice in a row (idempotency), when
 * each event is its own batch, and after `reset` + `setup` + replay (rebuild).
 */
export function projectionSpec(projection: Projection, options: { upcasters?: UpcasterRegistry } = {}) {
  // One batch for all the events, as a rebuild page holds them; `flushEach`: one batch per event, as a live feed may.
  const project = (events: RecordedEvent[], times: number, db: Database = new ReadModelDatabase(':memory:').db, flushEach = false): Database => {
    projection.setup(db);
    projection.setup(db);
    for (const stored of events) {
      const event = options.upcasters ? options.upcasters.upcast(stored) : stored;
      if (!handles(projection, event.type)) continue;
      for (let i = 0; i < times; i++) projection.apply(event, db);
      if (flushEach) projection.flush?.(db);
    }
    projection.flush?.(db);
    return db;
  };
  return {
    given(events: RecordedEvent[]) {
      const run = <R>(query: (db: Database) => R, assert: (actual: R) => void): R => {
        const db = project(events, 1);
        const once = query(db);
        assert(once);
        contract(`applying every event twice changed the rows: ${projection.name}.apply is not idempotent`, () => {
          const twice = project(events, 2);
          expect(query(twice)).toEqual(once);
          twice.close();
        });
        contract(`one batch per event gave other rows than one batch for all: ${projection.name}.flush loses or reorders writes`, () => {
          const each = project(events, 1, undefined, true);
          expect(query(each)).toEqual(once);
          each.close();
        });
        contract(`reset + setup + replay gave other rows: ${projection.name}.reset does not drop everything`, () => {
          projection.reset(db);
          expect(query(project(events, 1, db))).toEqual(once);
        });
        db.close();
        return once;
      };
      return {
        /** The query's result equals `expected` (deep equality). */
        then<R>(query: (db: Database) => R, expected: R): R {
          return run(query, (actual) => expect(actual).toEqual(expected));
        },
        /** The query's result matches `expected` partially (toMatchObject). */
        thenMatches<R extends object>(query: (db: Database) => R, expected: Partial<R> | object): R {
          return run(query, (actual) => expect(actual).toMatchObject(expected));
        },
        /** Free assertions on the read model after the events (the contract checks run too). */
        thenAssert(assert: (db: Database) => void): void {
          run(dumpTables, () => undefined);
          const db = project(events, 1);
          assert(db);
          db.close();
        },
      };
    },
  };
}

/** Every table's rows, sorted, for comparisons that do not depend on a query. */
export function dumpTables(db: Database): Record<string, unknown[]> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const dump: Record<string, unknown[]> = {};
  for (const table of tables) {
    const rows = db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).all();
    dump[table] = rows.map((r) => JSON.stringify(r)).sort().map((r) => JSON.parse(r) as unknown);
  }
  return dump;
}

function contract(message: string, check: () => void): void {
  try {
    check();
  } catch (e) {
    throw new Error(`${message}\n${e instanceof Error ? e.message : String(e)}`);
  }
}
