import { Actor, Decider, DomainEvent } from '@jingsai/shared';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { AggregateRepository } from './aggregate-repository';
import { CommandContext } from './command-context';
import { SqliteSnapshotStore } from './snapshot-store';
import { StateCache } from './state-cache';

type Added = DomainEvent<'Added', { n: number }>;
type State = { total: number; count: number };
const summing: Decider<State, { type: 'Add'; n: number }, Added> = {
  initialState: () => ({ total: 0, count: 0 }),
  decide: (c) => [{ type: 'Added', data: { n: c.n } }],
  evolve: (s, e) => ({ total: s.total + e.data.n, count: s.count + 1 }),
};
const actor: Actor = { userId: 'u1', role: 'committee', orgId: 'o1' };
const ctx: CommandContext = { actor, now: new Date('2021-07-01T00:00:00Z'), correlationId: 'c1' };
const tick = () => new Promise((r) => setImmediate(r));

describe('snapshots of long streams (a cache: used only while the log still holds their event)', () => {
  let dir: string;
  let store: SqliteEventStore;
  let snapshots: SqliteSnapshotStore;
  const repo = (minEvents = 5) => new AggregateRepository(store, new UpcasterRegistry(), { stateCache: new StateCache(), snapshots: { store: snapshots, deciders: [summing], minEvents } });

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jingsai-snap-'));
    store = new SqliteEventStore({ path: path.join(dir, 'events.sqlite') });
    snapshots = new SqliteSnapshotStore({ path: path.join(dir, 'snapshots.sqlite'), version: 'v1' });
    await store.append('sum-a', Array.from({ length: 20 }, (_, i) => ({ type: 'Added', data: { n: i + 1 }, metadata: { eventId: `e${i}`, correlationId: 'c', actor, occurredAt: ctx.now.toISOString(), schemaVersion: 1 } })), 'no_stream');
  });
  afterEach(async () => {
    snapshots.close();
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a cold load leaves a snapshot; the next cold load folds only the events after it, to the same state', async () => {
    expect((await repo().state('sum-a', summing)).state).toEqual({ total: 210, count: 20 });
    await tick();
    expect(snapshots.get('sum-a')).toMatchObject({ revision: 19, state: { total: 210, count: 20 } });
    await repo().execute('sum-a', summing, { type: 'Add', n: 100 }, ctx);
    const spy = jest.spyOn(store, 'readStream');
    expect(await repo().state('sum-a', summing)).toEqual({ state: { total: 310, count: 21 }, revision: 20 });
    expect(spy).toHaveBeenCalledWith('sum-a', { fromRevision: 19 });
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('keeps a state read from a snapshot in the state cache, so the next load neither reads nor parses it again', async () => {
    await repo().state('sum-a', summing);
    await tick();
    const warm = repo();
    const get = jest.spyOn(snapshots, 'get');
    expect(await warm.state('sum-a', summing)).toEqual({ state: { total: 210, count: 20 }, revision: 19 });
    expect(await warm.state('sum-a', summing)).toEqual({ state: { total: 210, count: 20 }, revision: 19 });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('ignores and drops a snapshot whose event the log does not hold (another store, a restore)', async () => {
    snapshots.put('sum-a', { revision: 19, hash: 'f'.repeat(64), state: { total: -1, count: -1 } });
    expect((await repo(1000).state('sum-a', summing)).state).toEqual({ total: 210, count: 20 });
    expect(snapshots.get('sum-a')).toBeUndefined();
  });

  it('ignores snapshots of another code version, and deciders not listed', async () => {
    await repo().state('sum-a', summing);
    await tick();
    snapshots.close();
    snapshots = new SqliteSnapshotStore({ path: path.join(dir, 'snapshots.sqlite'), version: 'v2' });
    expect(snapshots.get('sum-a')).toBeUndefined();
    const other: Decider<State, { type: 'Add'; n: number }, Added> = { ...summing };
    await repo().state('sum-a', other);
    await tick();
    expect(snapshots.get('sum-a')).toBeUndefined();
  });
});
