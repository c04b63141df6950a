import { join } from 'path';
import { ReadModelDatabase } from './read-model-database';
import { Kit, appendMany, expectedTallies, kit, newEvent } from './runner-test-kit.fixture';
import { latestProjection, tallies, tallyProjection } from './test-projections.fixture';

describe('ProjectionRunner', () => {
  let k: Kit;
  beforeEach(() => (k = kit()));
  afterEach(() => k.cleanup());

  describe('when events are already in the log', () => {
    it('applies them in batches, each with its checkpoint in the same transaction', async () => {
      await appendMany(k.store, 95);
      const runner = k.runner([tallyProjection()], { batchSize: 20 });
      await runner.start();
      expect(await runner.catchUp(5000)).toBe(true);

      expect(tallies(k.readDb.db)).toEqual(expectedTallies(95));
      const log = k.readDb.db.prepare('SELECT position, checkpoint, in_tx FROM tally_rows_log ORDER BY position').all() as Array<{
        position: number;
        checkpoint: number;
        in_tx: number;
      }>;
      expect(log.map((r) => r.position)).toEqual(Array.from({ length: 95 }, (_, i) => i + 1));
      expect(log.every((r) => r.in_tx === 1)).toBe(true);
      // Inside a batch, every event sees the checkpoint the batch started from; it moves between batches.
      const batches = new Map<number, number[]>();
      for (const r of log) batches.set(r.checkpoint, [...(batches.get(r.checkpoint) ?? []), r.position]);
      for (const [start, positions] of batches) {
        expect(positions[0]).toBe(start + 1);
        expect(positions.length).toBeLessThanOrEqual(20);
      }
      expect(batches.size).toBeGreaterThanOrEqual(5);
      expect(k.readDb.checkpoint('tally')?.position).toBe(95);
      expect(runner.position()).toBe(95);
    });

    it('continues from the checkpoint after a restart', async () => {
      await appendMany(k.store, 30);
      const first = k.runner([tallyProjection()]);
      await first.start();
      await first.catchUp(5000);
      await first.stop();
      await appendMany(k.store, 30, { offset: 30 });
      const second = k.runner([tallyProjection()]);
      await second.start();
      expect(await second.catchUp(5000)).toBe(true);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(60));
    });
  });

  describe('when live', () => {
    it('applies a new event at once, without waiting to fill a batch', async () => {
      const runner = k.runner([tallyProjection()], { batchSize: 500 });
      await runner.start();
      const { position } = await k.store.append('acct-0', [newEvent('Added', { amount: 5 })], 'no_stream');
      const started = Date.now();
      expect(await runner.waitFor(position, 2000)).toBe(true);
      expect(Date.now() - started).toBeLessThan(500);
      expect(tallies(k.readDb.db)).toEqual({ 'acct-0': { applied: 1, total: 5 } });
    });

    it('waitFor resolves false on timeout, and true as soon as a later event arrives', async () => {
      const runner = k.runner([tallyProjection()]);
      await runner.start();
      expect(await runner.waitFor(1, 50)).toBe(false);
      const waiting = runner.waitFor(3, 5000);
      await appendMany(k.store, 3);
      expect(await waiting).toBe(true);
    });

    it('reaches the head through events its type filter skips', async () => {
      await appendMany(k.store, 10);
      await appendMany(k.store, 5, { type: 'Ignored' });
      const runner = k.runner([latestProjection]);
      await runner.start();
      expect(await runner.catchUp(3000)).toBe(true);
      expect(runner.position()).toBe(15);
      expect(await runner.lag()).toEqual({ events: 0, seconds: 0 });
    });
  });

  describe('lag', () => {
    it('is the distance to the head and the age of the oldest unapplied event', async () => {
      await appendMany(k.store, 12);
      const [first] = await k.store.readAll({ maxCount: 1 });
      const now = new Date(Date.parse(first.recordedAt) + 90_000);
      const runner = k.runner([tallyProjection()], { clock: () => now });
      expect(await runner.lag()).toEqual({ events: 12, seconds: 90 });
      await runner.start();
      await runner.catchUp(5000);
      expect(await runner.lag()).toEqual({ events: 0, seconds: 0 });
    });
  });

  describe('when two runners share one read-model file', () => {
    it('never applies an event twice', async () => {
      await appendMany(k.store, 200, { streams: 7 });
      const other = new ReadModelDatabase(join(k.dir, 'read.db'));
      const a = k.runner([tallyProjection()], { batchSize: 7 });
      const b = k.runner([tallyProjection()], { batchSize: 11 }, other);
      await Promise.all([a.start(), b.start()]);
      const more = appendMany(k.store, 300, { streams: 7, offset: 200 });
      const head = await more;
      expect(await a.waitFor(head, 10_000)).toBe(true);
      expect(await b.waitFor(head, 10_000)).toBe(true);
      expect(tallies(k.readDb.db)).toEqual(expectedTallies(500, 7));
      const applied = k.readDb.db.prepare('SELECT COUNT(*) FROM tally_rows_log').pluck().get();
      expect(applied).toBe(500);
      expect(k.errors).toEqual([]);
    });
  });
});
