import Sqlite from 'better-sqlite3';
import { join } from 'path';
import { UpcasterRegistry } from '../upcasting/upcaster-registry';
import { Kit, appendMany, expectedTallies, kit } from './runner-test-kit.fixture';
import { tallies, tallyProjection } from './test-projections.fixture';

const settled = () => new Promise((r) => setTimeout(r, 100));

describe('ProjectionRunner failures', () => {
  let k: Kit;
  beforeEach(() => (k = kit()));
  afterEach(() => k.cleanup());

  describe('when a projection throws on an event', () => {
    it('stops before that event, reports and logs where, and resumes on a later start', async () => {
      await appendMany(k.store, 25);
      let broken = true;
      const tally = tallyProjection();
      const projection = tallyProjection('tally', {
        apply: (event, db) => {
          if (broken && event.position === 17) throw new Error('amount missing');
          tally.apply(event, db);
        },
      });
      const runner = k.runner([projection], { batchSize: 10 });
      const waiting = runner.waitFor(25, 5000);
      await runner.start();

      expect(await waiting).toBe(false);
      expect(runner.running).toBe(false);
      expect(runner.failure).toMatchObject({ position: 17, streamId: 'acct-1', projection: 'tally' });
      expect(runner.failure?.message).toContain('amount missing');
      expect(k.errors).toHaveLength(1);
      expect(k.errors[0]).toMatch(/stopped at position 17 \(acct-1\) in projection tally/);
      // Events 11..16 of the failed batch are committed on their own; 17 is never skipped.
      expect(runner.position()).toBe(16);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(16));

      broken = false;
      await runner.start();
      expect(runner.failure).toBeNull();
      expect(await runner.catchUp(5000)).toBe(true);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(25));
    });
  });

  describe('when a stored event cannot be read', () => {
    it('stops with the position the store names, then resumes once it is repaired', async () => {
      await appendMany(k.store, 12);
      const raw = new Sqlite(join(k.dir, 'events.db'));
      const good = raw.prepare('SELECT data FROM events WHERE position = 9').pluck().get() as string;
      raw.prepare("UPDATE events SET data = '{not json' WHERE position = 9").run();
      const runner = k.runner([tallyProjection()], { batchSize: 4 });
      await runner.start();
      await settled();

      expect(runner.failure).toMatchObject({ position: 9, streamId: 'acct-2', projection: null });
      expect(runner.failure?.message).toContain('cannot be read');
      expect(runner.position()).toBeLessThan(9);
      expect(k.errors[0]).toContain('position 9');

      raw.prepare('UPDATE events SET data = ? WHERE position = 9').run(good);
      raw.close();
      await runner.start();
      expect(await runner.catchUp(5000)).toBe(true);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(12));
    });
  });

  describe('with upcasters', () => {
    it('gives projections the upcast event, and stops on an upcaster that throws', async () => {
      await appendMany(k.store, 6);
      const upcasters = new UpcasterRegistry().register({
        type: 'Added',
        fromVersion: 1,
        toVersion: 2,
        upcast: (data: { amount: number }) => {
          if (data.amount === 5) throw new Error('no rule for 5');
          return { amount: data.amount * 10 };
        },
      });
      const runner = k.runner([tallyProjection()], { upcasters });
      await runner.start();
      await settled();
      expect(runner.failure).toMatchObject({ position: 5, projection: null });
      expect(runner.failure?.message).toContain('no rule for 5');
      expect(runner.position()).toBe(4);
      expect(tallies(k.readDb.db)).toEqual({
        'acct-0': { applied: 2, total: 50 },
        'acct-1': { applied: 1, total: 20 },
        'acct-2': { applied: 1, total: 30 },
      });
    });
  });
});
