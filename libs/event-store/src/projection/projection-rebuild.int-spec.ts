import { Kit, appendMany, expectedTallies, kit } from './runner-test-kit.fixture';
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
});
