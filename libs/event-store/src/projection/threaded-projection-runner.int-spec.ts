import { join } from 'node:path';
import { Kit, appendMany, expectedTallies, kit } from './runner-test-kit.fixture';
import { tallies, tallyProjection } from './test-projections.fixture';
import { ThreadedProjectionRunner } from './threaded-projection-runner';

const ENTRY = join(__dirname, 'threaded-worker.fixture.ts');

describe('ThreadedProjectionRunner (projections in a worker thread)', () => {
  let k: Kit;
  const runners: ThreadedProjectionRunner[] = [];
  const threaded = (workerData: object = {}) => {
    const r = new ThreadedProjectionRunner(k.store, k.readDb, [tallyProjection('tally')], {
      entry: ENTRY,
      workerData: { eventsPath: join(k.dir, 'events.db'), readModelPath: join(k.dir, 'read.db'), ...workerData },
      logger: { log: () => undefined, error: (m) => k.errors.push(m) },
    });
    runners.push(r);
    return r;
  };

  beforeEach(() => (k = kit()));
  afterEach(async () => {
    for (const r of runners.splice(0)) await r.stop();
    await k.cleanup();
  });

  it('applies what this thread appends, woken by the append (the worker polls only once a minute), and wakes a reader waiting for it', async () => {
    const runner = threaded();
    await runner.start();
    expect(runner.running).toBe(true);
    // Idle long enough for the worker's poll to back off to sleeps of seconds.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const head = await appendMany(k.store, 30);
    await expect(runner.waitFor(head, 500)).resolves.toBe(true);
    expect(runner.position()).toBe(head);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(30));
    const more = await appendMany(k.store, 12, { offset: 30 });
    await expect(runner.catchUp(5_000)).resolves.toBe(true);
    expect(runner.position()).toBe(more);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(42));
    await expect(runner.lag()).resolves.toEqual({ events: 0, seconds: 0 });
  });

  it('goes on from its checkpoint after a stop, applying nothing twice', async () => {
    const runner = threaded();
    await runner.start();
    await runner.waitFor(await appendMany(k.store, 10), 5_000);
    await runner.stop();
    expect(runner.running).toBe(false);
    const head = await appendMany(k.store, 10, { offset: 10 });
    expect(runner.position()).toBeLessThan(head);
    await runner.start();
    await expect(runner.waitFor(head, 5_000)).resolves.toBe(true);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(20));
  });

  it('reports the worker\'s failure: the event and projection, readiness gives up waiting, and the checkpoint stops just before it', async () => {
    const runner = threaded({ failOnAmount: 7 });
    await runner.start();
    const head = await appendMany(k.store, 10);
    await expect(runner.waitFor(head, 5_000)).resolves.toBe(false);
    expect(runner.failure).toMatchObject({ projection: 'tally', message: expect.stringContaining('amount 7 is refused') });
    expect(runner.running).toBe(false);
    expect(runner.position()).toBe(runner.failure!.position! - 1);
    expect(k.errors.join('\n')).toContain('projection runner stopped');
    await expect(runner.waitFor(head, 100)).resolves.toBe(false);
  });

  it('starts a worker that died unasked again from the checkpoints, applying nothing twice, and says meanwhile that it stopped', async () => {
    const runner = threaded({ dieOnceOnAmount: { amount: 12, marker: join(k.dir, 'died-once') } });
    await runner.start();
    const head = await appendMany(k.store, 20);
    await expect(runner.waitFor(head, 5_000)).resolves.toBe(false);
    expect(runner.failure?.message).toMatch(/exited \(code 7\)/);
    expect(runner.running).toBe(false);
    // Started again after a second, from the checkpoint the dead batch never moved.
    for (const until = Date.now() + 5_000; !runner.running && Date.now() < until; ) await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(runner.waitFor(head, 5_000)).resolves.toBe(true);
    expect(runner.failure).toBeNull();
    expect(runner.running).toBe(true);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(20));
  });

  it('lets a stop finish before a start that comes while it stops, and then follows the log again', async () => {
    const runner = threaded();
    await runner.start();
    const stopping = runner.stop();
    const starting = runner.start();
    await Promise.all([stopping, starting]);
    expect(runner.running).toBe(true);
    const head = await appendMany(k.store, 5);
    await expect(runner.waitFor(head, 5_000)).resolves.toBe(true);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(5));
  });

  it('rebuilds on this thread with the worker stopped, then lets the worker follow the log again', async () => {
    const runner = threaded();
    await runner.start();
    await runner.waitFor(await appendMany(k.store, 15), 5_000);
    await expect(runner.rebuild()).resolves.toMatchObject({ events: 15 });
    expect(runner.running).toBe(true);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(15));
    const head = await appendMany(k.store, 5, { offset: 15 });
    await expect(runner.waitFor(head, 5_000)).resolves.toBe(true);
    expect(tallies(k.readDb.db)).toEqual(expectedTallies(20));
  });
});
