import { existsSync } from 'node:fs';
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
  const inProcess = (names: string[], projections: Projection[], fail?: Error): SideRebuild => ({
    names,
    build: async (path, onProgress) => {
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
});
