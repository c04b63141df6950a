import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { Projection } from './projection';
import { ProjectionRunner } from './projection-runner';
import { ReadModelDatabase } from './read-model-database';
import { Kit, appendMany, expectedTallies, kit, newEvent } from './runner-test-kit.fixture';
import { SideRebuild, sideRebuildPath } from './side-rebuild';
import { latestProjection, tallies, tallyProjection } from './test-projections.fixture';

/** Two projections writing one table, each its own rows (as two owners share `deadlines`). */
const shareholder = (owner: string, type: string): Projection => ({
  name: `share_${owner}`,
  version: 2,
  eventTypes: [type],
  deferredIndexes: [`shared_by_${owner}`],
  setup: (db) =>
    db.exec(`CREATE TABLE IF NOT EXISTS shared (owner TEXT NOT NULL, position INTEGER NOT NULL, doubled INTEGER GENERATED ALWAYS AS (position * 2) VIRTUAL, PRIMARY KEY (owner, position));
             CREATE INDEX IF NOT EXISTS shared_by_${owner} ON shared(position) WHERE owner = '${owner}'`),
  reset: (db) => {
    if (db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'shared'").get()) db.prepare('DELETE FROM shared WHERE owner = ?').run(owner);
  },
  apply: (e, db) => void db.prepare('INSERT OR IGNORE INTO shared (owner, position) VALUES (?, ?)').run(owner, e.position),
});

describe('a rebuild with a side thread', () => {
  let k: Kit;
  beforeEach(() => (k = kit()));
  afterEach(() => k.cleanup());

  const quiet = { log: () => undefined, error: () => undefined };
  /** The side as the worker runs it, here on this thread: its own runner on a file of its own. */
  const inProcess = (names: string[], projections: Projection[], fail?: Error, before?: () => Promise<void>): SideRebuild => ({
    names,
    build: async (path, onProgress) => {
      await before?.();
      const db = new ReadModelDatabase(path);
      try {
        const runner = new ProjectionRunner(k.store, db, projections.filter((p) => names.includes(p.name)), { logger: quiet, rebuildBatchSize: 7 });
        const result = await runner.rebuild({ deferredIndexes: false, onProgress });
        if (fail) throw fail;
        return { byType: result.byType };
      } finally {
        db.close();
      }
    },
  });
  const rows = (sql: string) => k.readDb.db.prepare(sql).all();

  it('builds the side projections in their own file and copies them in: the rows of a rebuild on one thread, each event counted once', async () => {
    await appendMany(k.store, 60);
    await appendMany(k.store, 9, { type: 'Other', offset: 60 });
    const projections = [tallyProjection(), latestProjection, shareholder('a', 'Added'), shareholder('b', 'Other')];
    const runner = k.runner(projections, { rebuildBatchSize: 10 });
    await runner.start();
    await runner.catchUp(5000);
    const progress: Array<[number, number]> = [];
    const result = await runner.rebuild({ side: inProcess(['tally', 'share_b'], projections), onProgress: (done, total) => progress.push([done, total]) });

    // tally reads every type, latest only Added: 69 events, none twice.
    expect(result.events).toBe(69);
    expect(tallies(k.readDb.db)).toEqual({ ...expectedTallies(69) });
    expect(rows('SELECT COUNT(*) AS n FROM latest')).toEqual([{ n: 3 }]);
    expect(rows("SELECT owner, COUNT(*) AS n, SUM(doubled) = 2 * SUM(position) AS generated FROM shared GROUP BY owner")).toEqual([
      { owner: 'a', n: 60, generated: 1 },
      { owner: 'b', n: 9, generated: 1 },
    ]);
    // Both owners' deferred indexes are there again, built once after the copy.
    expect(rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'shared_by_%' ORDER BY name")).toEqual([{ name: 'shared_by_a' }, { name: 'shared_by_b' }]);
    expect(k.readDb.checkpoints().map((c) => [c.name, c.position, c.version])).toEqual([
      ['latest', 69, 1],
      ['share_a', 69, 2],
      ['share_b', 69, 2],
      ['tally', 69, 1],
    ]);
    expect(k.readDb.status().rebuilding).toBe(false);
    expect(progress[progress.length - 1]).toEqual([69, 69]);
    expect(existsSync(sideRebuildPath(k.readDb.path))).toBe(false);

    // The copied projections are followed live as the others are.
    expect(runner.running).toBe(true);
    await k.store.append('acct-0', [newEvent('Other', { amount: 1000 })], 'any');
    expect(await runner.catchUp(3000)).toBe(true);
    expect(tallies(k.readDb.db)['acct-0'].applied).toBe(expectedTallies(69)['acct-0'].applied + 1);
    expect(rows("SELECT COUNT(*) AS n FROM shared WHERE owner = 'b'")).toEqual([{ n: 10 }]);
  });

  it('fails as a whole when the side fails: the read models stay marked as rebuilding and the side file is removed', async () => {
    await appendMany(k.store, 30);
    const projections = [tallyProjection(), latestProjection];
    const runner = k.runner(projections);
    await expect(runner.rebuild({ side: inProcess(['tally'], projections, new Error('disk full')) })).rejects.toThrow('disk full');
    expect(runner.failure?.message).toContain('disk full');
    expect(k.readDb.status()).toMatchObject({ rebuilding: true, rebuildingProjections: ['tally', 'latest'] });
    expect(existsSync(sideRebuildPath(k.readDb.path))).toBe(false);
    // Run again without the side, it completes.
    await runner.rebuild();
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(30));
    expect(k.readDb.status().rebuilding).toBe(false);
  });

  it('refuses a side naming a projection the runner does not have, before emptying anything; `only` ignores the side', async () => {
    await appendMany(k.store, 12);
    const projections = [tallyProjection(), latestProjection];
    const runner = k.runner(projections);
    await runner.start();
    await runner.catchUp(5000);
    await expect(runner.rebuild({ side: inProcess(['board'], projections) })).rejects.toThrow('the side rebuild names projections this runner does not have: board');
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(12));
    let built = false;
    const side: SideRebuild = { names: ['tally'], build: async () => ((built = true), { byType: new Map() }) };
    await runner.rebuild({ only: 'latest', side });
    expect(built).toBe(false);
    expect(rows('SELECT COUNT(*) AS n FROM latest')).toEqual([{ n: 3 }]);
  });

  it('copies over what the service wrote meanwhile: its runner follows the log from the reset checkpoints while a command appends', async () => {
    await appendMany(k.store, 200);
    const projections = [tallyProjection(), latestProjection];
    // The service: another connection to the same files, following the log.
    const service = k.runner(projections, {}, new ReadModelDatabase(k.readDb.path));
    await service.start();
    await service.catchUp(5000);
    const command = async () => {
      await k.store.append('acct-0', [newEvent('Added', { amount: 1000 })], 'any');
      // The service's runner re-reads from the reset checkpoints and writes the side's tables in the read-model file meanwhile.
      await sleep(300);
    };
    const result = await k.runner(projections, { rebuildBatchSize: 10 }).rebuild({ side: inProcess(['tally'], projections, undefined, command) });
    expect(result.events).toBeGreaterThanOrEqual(200);
    expect(await service.catchUp(5000)).toBe(true);
    const want = expectedTallies(200);
    want['acct-0'] = { applied: want['acct-0'].applied + 1, total: want['acct-0'].total + 1000 };
    expect(tallies(k.readDb.db)).toEqual(want);
    expect(k.readDb.status().rebuilding).toBe(false);
  });

  it('keeps the read models marked as rebuilding while only the side works: its progress beats the flag', async () => {
    await appendMany(k.store, 20);
    const projections = [tallyProjection(), latestProjection];
    const reader = new ReadModelDatabase(k.readDb.path);
    let beatSeen = '';
    const slow: SideRebuild = {
      names: ['tally'],
      build: async (path, onProgress, signal) => {
        const result = await inProcess(['tally'], projections).build(path, () => undefined);
        // Past a heartbeat's interval after the runner's own share ended: the side's progress writes it.
        await sleep(5_100, undefined, { signal });
        onProgress(20, 20);
        beatSeen = reader.status().updatedAt ?? '';
        return result;
      },
    };
    const began = Date.now();
    await k.runner(projections).rebuild({ side: slow });
    reader.close();
    expect(Date.parse(beatSeen) - began).toBeGreaterThanOrEqual(5_000);
  }, 15_000);

  it('refuses a second rebuild while another one’s flag beats, and completes the first', async () => {
    await appendMany(k.store, 300);
    const projections = [tallyProjection(), latestProjection];
    const first = k.runner(projections, { rebuildBatchSize: 10 }).rebuild({ side: inProcess(['tally'], projections, undefined, () => sleep(200)) });
    await sleep(50);
    const second = k.runner(projections, {}, new ReadModelDatabase(k.readDb.path));
    await expect(second.rebuild({ side: inProcess(['tally'], projections) })).rejects.toThrow(/another rebuild of these read models is under way \(tally, latest, started/);
    await first;
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(300));
    expect(k.readDb.status().rebuilding).toBe(false);
  });

  it('stops at the first failure of either thread, without waiting for the other', async () => {
    await appendMany(k.store, 2000);
    const slow = (p: Projection): Projection => ({ ...p, apply: (e, db) => (Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1), p.apply(e, db)) });
    const failingSide: SideRebuild = { names: ['tally'], build: () => Promise.reject(new Error('the side rebuild failed: its script did not load')) };
    let t0 = Date.now();
    await expect(k.runner([tallyProjection(), slow(latestProjection)], { rebuildBatchSize: 20 }).rebuild({ side: failingSide })).rejects.toThrow('its script did not load');
    expect(Date.now() - t0).toBeLessThan(1_000);

    let sideStopped = false;
    const patientSide: SideRebuild = {
      names: ['tally'],
      build: async (_path, _progress, signal) => {
        await sleep(10_000, undefined, { signal }).catch((e) => ((sideStopped = true), Promise.reject(e)));
        return { byType: new Map() };
      },
    };
    const broken: Projection = { ...latestProjection, apply: () => { throw new Error('boom'); } };
    t0 = Date.now();
    await expect(k.runner([tallyProjection(), broken]).rebuild({ side: patientSide })).rejects.toThrow('boom');
    expect(Date.now() - t0).toBeLessThan(1_000);
    expect(sideStopped).toBe(true);
  });

  it('refuses to copy tables a trigger writes to, naming it', async () => {
    await appendMany(k.store, 5);
    const triggered: Projection = {
      ...tallyProjection('trig'),
      setup: (db) => {
        tallyProjection('trig').setup(db);
        db.exec('CREATE TABLE IF NOT EXISTS trig_count (n INTEGER); CREATE TRIGGER IF NOT EXISTS trig_counts AFTER INSERT ON trig_rows BEGIN INSERT INTO trig_count VALUES (1); END;');
      },
    };
    const projections = [triggered, latestProjection];
    await expect(k.runner(projections).rebuild({ side: inProcess(['trig'], projections) })).rejects.toThrow(
      "could not copy the side rebuild's tables into the read models: the side's tables have triggers (trig_counts): rebuild those projections on one thread",
    );
  });
});
