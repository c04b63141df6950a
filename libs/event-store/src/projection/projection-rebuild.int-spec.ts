import { Kit, appendMany, expectedTallies, kit } from './runner-test-kit.fixture';
import { Projection } from './projection';
import { latestProjection, tallies, tallyProjection } from './test-projections.fixture';

describe('ProjectionRunner rebuild', () => {
  let k: Kit;
  beforeEach(() => (k = kit()));
  afterEach(() => k.cleanup());

  const spoil = () => {
    k.readDb.db.exec("UPDATE tally_rows SET applied = 999; DELETE FROM latest WHERE stream_id = 'acct-0'");
  };

  describe('of all read models', () => {
    it('drops them and replays the whole log in large pages, reporting progress', async () => {
      await appendMany(k.store, 120);
      const runner = k.runner([tallyProjection(), latestProjection], { rebuildBatchSize: 50 });
      await runner.start();
      await runner.catchUp(5000);
      spoil();
      const progress: Array<[number, number]> = [];
      const statusDuring: boolean[] = [];
      const result = await runner.rebuild({
        onProgress: (done, total) => {
          progress.push([done, total]);
          statusDuring.push(k.readDb.status().rebuilding);
        },
      });

      expect(result.events).toBe(120);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(120));
      expect(k.readDb.db.prepare('SELECT COUNT(*) FROM latest').pluck().get()).toBe(3);
      expect(progress.length).toBeGreaterThanOrEqual(3);
      expect(progress[progress.length - 1]).toEqual([120, 120]);
      expect(statusDuring.slice(0, -1).every(Boolean)).toBe(true);
      expect(k.readDb.status().rebuilding).toBe(false);
      // The runner was live before, so it is live again afterwards.
      expect(runner.running).toBe(true);
      await appendMany(k.store, 3, { offset: 120 });
      expect(await runner.catchUp(3000)).toBe(true);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(123));
    });
  });

  describe('of one read model', () => {
    it('rebuilds only that one and leaves the others alone', async () => {
      await appendMany(k.store, 40);
      const runner = k.runner([tallyProjection(), latestProjection]);
      await runner.start();
      await runner.catchUp(5000);
      spoil();
      await runner.rebuild({ only: 'tally' });
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(40));
      expect(k.readDb.db.prepare('SELECT COUNT(*) FROM latest').pluck().get()).toBe(2);
      await expect(runner.rebuild({ only: 'nope' })).rejects.toThrow('no projection named nope');
    });
  });

  describe('when a projection version changed', () => {
    it('rebuilds it on start', async () => {
      await appendMany(k.store, 30);
      const v1 = k.runner([tallyProjection()]);
      await v1.start();
      await v1.catchUp(5000);
      await v1.stop();
      k.readDb.db.exec("UPDATE tally_rows SET applied = 999");

      const v2 = k.runner([tallyProjection('tally', { version: 2 })]);
      await v2.start();
      expect(await v2.catchUp(5000)).toBe(true);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(30));
      expect(k.readDb.checkpoint('tally')).toMatchObject({ position: 30, version: 2 });
    });

    it('stops a runner with the old version that shares the file', async () => {
      await appendMany(k.store, 10);
      const v1 = k.runner([tallyProjection()]);
      await v1.start();
      await v1.catchUp(5000);
      const v2 = k.runner([tallyProjection('tally', { version: 2 })]);
      await v2.start();
      await v2.catchUp(5000);
      await appendMany(k.store, 1, { offset: 10 });
      await v2.catchUp(5000);
      await new Promise((r) => setTimeout(r, 100));
      expect(v1.failure).toMatchObject({ projection: 'tally', position: null });
      expect(v1.failure?.message).toContain('version 2');
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(11));
    });
  });

  describe('with indexes only queries read', () => {
    const indexed = (seen: boolean[]): Projection => ({
      ...latestProjection,
      setup: (db) => {
        latestProjection.setup(db);
        db.exec('CREATE INDEX IF NOT EXISTS latest_amount ON latest(amount)');
      },
      deferredIndexes: ['latest_amount'],
      apply: (event, db) => {
        seen.push(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'latest_amount'").get() !== undefined);
        latestProjection.apply(event, db);
      },
    });
    const hasIndex = () => k.readDb.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'latest_amount'").get() !== undefined;

    it('replays without them and builds them once at the end of a rebuild', async () => {
      await appendMany(k.store, 20);
      const seen: boolean[] = [];
      const runner = k.runner([indexed(seen)]);
      await runner.start();
      await runner.catchUp(5000);
      expect(seen.every(Boolean)).toBe(true);
      seen.length = 0;
      await runner.rebuild();
      expect(seen).toHaveLength(20);
      expect(seen.some(Boolean)).toBe(false);
      expect(hasIndex()).toBe(true);
      const plan = k.readDb.db.prepare('EXPLAIN QUERY PLAN SELECT stream_id FROM latest WHERE amount = 3').all() as Array<{ detail: string }>;
      expect(plan.map((r) => r.detail).join(' ')).toContain('latest_amount');
      await appendMany(k.store, 2, { offset: 20 });
      expect(await runner.catchUp(3000)).toBe(true);
      expect(seen.slice(20).every(Boolean)).toBe(true);
    });

    it('does the same when a new version replays on start', async () => {
      await appendMany(k.store, 10);
      const v1 = k.runner([indexed([])]);
      await v1.start();
      await v1.catchUp(5000);
      await v1.stop();
      const seen: boolean[] = [];
      const v2 = k.runner([{ ...indexed(seen), version: 2 }]);
      await v2.start();
      expect(await v2.catchUp(5000)).toBe(true);
      expect(seen).toEqual(Array(10).fill(false));
      expect(hasIndex()).toBe(true);
    });
  });
});
