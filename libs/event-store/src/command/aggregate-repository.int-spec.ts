import { Actor, Decider, DomainError, DomainEvent } from '@jingsai/shared';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AggregateRepository } from './aggregate-repository';
import { StateCache } from './state-cache';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { CommandContext } from './command-context';

type CounterEvent = DomainEvent<'Incremented', { by: number }>;
type CounterCommand = { type: 'Increment'; by: number; max?: number };
type CounterState = { total: number };

const counter: Decider<CounterState, CounterCommand, CounterEvent> = {
  initialState: () => ({ total: 0 }),
  decide: (c, s) => {
    if (c.max !== undefined && s.total + c.by > c.max) {
      throw DomainError.conflict('COUNTER.MAX', '超过上限', `would exceed ${c.max}`);
    }
    return c.by === 0 ? [] : [{ type: 'Incremented', data: { by: c.by } }];
  },
  evolve: (s, e) => ({ total: s.total + e.data.by }),
};

const actor: Actor = { userId: 'u1', role: 'committee', orgId: 'o1' };
const ctx = (extra: Partial<CommandContext> = {}): CommandContext => ({ actor, now: new Date('2021-07-01T00:00:00Z'), correlationId: 'c1', ...extra });

describe('AggregateRepository (the command loop on a real SQLite store)', () => {
  let store: SqliteEventStore;
  let published: string[];
  let repo: AggregateRepository;

  beforeEach(() => {
    store = new SqliteEventStore({ path: ':memory:' });
    published = [];
    repo = new AggregateRepository(store, new UpcasterRegistry(), {
      stateCache: new StateCache(),
      listeners: [{ onAppended: (events) => published.push(...events.map((e) => `${e.streamId}@${e.revision}`)) }],
    });
  });
  afterEach(() => store.close());

  it('folds, decides and appends with metadata, then publishes only what was stored', async () => {
    const out = await repo.execute('counter-a', counter, { type: 'Increment', by: 2 }, ctx());
    expect(out).toMatchObject({ revision: 0, state: { total: 2 }, replayed: false });
    const [stored] = await store.readStream('counter-a');
    expect(stored!.metadata).toMatchObject({ actor, correlationId: 'c1', occurredAt: '2021-07-01T00:00:00.000Z', schemaVersion: 1 });
    expect(stored!.metadata.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(published).toEqual(['counter-a@0']);
  });

  it('publishes nothing when the decider refuses, and writes nothing', async () => {
    await expect(repo.execute('counter-a', counter, { type: 'Increment', by: 5, max: 3 }, ctx())).rejects.toMatchObject({ code: 'COUNTER.MAX' });
    expect(await store.readStream('counter-a')).toEqual([]);
    expect(published).toEqual([]);
  });

  it('retries on a concurrent writer and decides again on the fresh state', async () => {
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    const results = await Promise.all(Array.from({ length: 10 }, () => repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx())));
    expect(new Set(results.map((r) => r.revision)).size).toBe(10);
    expect((await repo.state('counter-a', counter)).state.total).toBe(11);
  });

  it('returns a 412-kind error for a pinned revision that is stale, and does not retry', async () => {
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    await expect(repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx({ expectedRevision: 0 }))).rejects.toMatchObject({
      code: 'STREAM.REVISION_MISMATCH',
      kind: 'precondition_failed',
      details: { expectedRevision: 0, actualRevision: 1 },
    });
    expect((await store.readStream('counter-a')).length).toBe(2);
  });

  it('replays a repeated command id without deciding or writing again', async () => {
    const first = await repo.execute('counter-a', counter, { type: 'Increment', by: 3, max: 3 }, ctx({ commandId: 'k1', requestHash: 'h' }));
    const again = await repo.execute('counter-a', counter, { type: 'Increment', by: 3, max: 3 }, ctx({ commandId: 'k1', requestHash: 'h' }));
    expect(again).toMatchObject({ replayed: true, revision: first.revision, position: first.position });
    expect((await store.readStream('counter-a')).length).toBe(1);
    await expect(repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx({ commandId: 'k1', requestHash: 'other' }))).rejects.toMatchObject({
      code: 'IDEMPOTENCY.KEY_REUSED',
    });
  });

  it('answers a no-op decision without appending', async () => {
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    const out = await repo.execute('counter-a', counter, { type: 'Increment', by: 0 }, ctx());
    expect(out).toMatchObject({ events: [], revision: 0 });
  });

  it('sees events appended behind the state cache (another process) before deciding', async () => {
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    const other = new AggregateRepository(store);
    await other.execute('counter-a', counter, { type: 'Increment', by: 10 }, ctx());
    const out = await repo.execute('counter-a', counter, { type: 'Increment', by: 1, max: 12 }, ctx());
    expect(out.state.total).toBe(12);
  });
});

describe('AggregateRepository across two repositories (as two processes would be)', () => {
  it('settles a race by optimistic concurrency: every command lands exactly once', async () => {
    const store = new SqliteEventStore({ path: ':memory:' });
    const a = new AggregateRepository(store);
    const b = new AggregateRepository(store);
    const runs = Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).execute('counter-x', counter, { type: 'Increment', by: 1 }, ctx()));
    const settled = await Promise.allSettled(runs);
    const ok = settled.filter((r) => r.status === 'fulfilled').length;
    const events = await store.readStream('counter-x');
    expect(events).toHaveLength(ok);
    expect(events.map((e) => e.revision)).toEqual(events.map((_, i) => i));
    for (const r of settled) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'STREAM.CONCURRENT_UPDATE', kind: 'conflict' });
    await store.close();
  });
});

describe('AggregateRepository as the sole writer of its store (the service)', () => {
  let dir: string;
  let stores: SqliteEventStore[];
  const open = (writerThread = false) => {
    const store = new SqliteEventStore({ path: join(dir, 'events.sqlite'), writerThread });
    stores.push(store);
    return store;
  };
  /** The store's stream reads, counted. */
  const counting = (store: SqliteEventStore) => {
    const reads = { n: 0 };
    const read = store.readStream.bind(store);
    store.readStream = (...args) => {
      reads.n++;
      return read(...args);
    };
    return reads;
  };
  const sole = (store: SqliteEventStore) => new AggregateRepository(store, new UpcasterRegistry(), { stateCache: new StateCache(), soleWriterOfStore: true });

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sole-writer-'));
    stores = [];
  });
  afterEach(async () => {
    for (const s of stores) await s.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads no stream for a kept state while nobody else has written, its own appends included', async () => {
    const store = open();
    const repo = sole(store);
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    const reads = counting(store);
    await repo.execute('counter-a', counter, { type: 'Increment', by: 2 }, ctx());
    expect((await repo.state('counter-a', counter)).state.total).toBe(3);
    expect(reads.n).toBe(0);
  });

  it('reads the tail again once another connection (another process) has written, and decides on it', async () => {
    const store = open();
    const repo = sole(store);
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    await new AggregateRepository(open()).execute('counter-a', counter, { type: 'Increment', by: 10 }, ctx());
    const reads = counting(store);
    const out = await repo.execute('counter-a', counter, { type: 'Increment', by: 1, max: 12 }, ctx());
    expect(out.state.total).toBe(12);
    expect(reads.n).toBeGreaterThan(0);
  });

  it('reads the tail every time when its store writes in a writer thread (another connection)', async () => {
    const store = open(true);
    const repo = sole(store);
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    const reads = counting(store);
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    expect(store.changeToken()).toBeNull();
    expect(reads.n).toBeGreaterThan(0);
  });

  it('is not assumed for a repository that shares its store: another repository’s append is seen', async () => {
    const store = open();
    const repo = new AggregateRepository(store, new UpcasterRegistry(), { stateCache: new StateCache() });
    await repo.execute('counter-a', counter, { type: 'Increment', by: 1 }, ctx());
    await new AggregateRepository(store).execute('counter-a', counter, { type: 'Increment', by: 10 }, ctx());
    expect((await repo.execute('counter-a', counter, { type: 'Increment', by: 1, max: 12 }, ctx())).state.total).toBe(12);
  });
});
