import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { ProjectionRunner, ReadModelDatabase, SqliteEventStore } from '@jingsai/event-store';
import { SYSTEM_ACTOR } from '@jingsai/shared';
import { crashProjections, crashRows } from './crash-projections';
import { CrashWorker } from './crash-worker';

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 20);
const SEED = Number(process.env.CRASH_SEED ?? Date.now() % 1_000_000);
const TYPES = ['Deposited', 'Withdrawn', 'Noted'];

/** mulberry32: the same seed (printed on failure) replays the same rounds. */
function random(seed: number): (max: number) => number {
  let a = seed;
  return (max) => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * max);
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe(`projection runner killed with SIGKILL (${ROUNDS} rounds, CRASH_SEED=${SEED})`, () => {
  const rand = random(SEED);
  let dir: string;
  let store: SqliteEventStore;
  let appended = 0;
  const storePath = () => join(dir, 'events.db');
  const readPath = () => join(dir, 'read.db');

  const append = async (count: number) => {
    await Promise.all(
      Array.from({ length: count }, () => {
        const n = appended++;
        return store.append(`acct-${rand(37)}`, [{
          type: TYPES[rand(TYPES.length)],
          data: { amount: rand(1000) - 300 },
          metadata: { eventId: `e-${n}`, correlationId: `c-${n}`, actor: SYSTEM_ACTOR, occurredAt: new Date().toISOString(), schemaVersion: 1 },
        }], 'any');
      }),
    );
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'projection-crash-'));
    store = new SqliteEventStore({ path: storePath(), synchronous: 'NORMAL' });
    await append(2000);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const assertHealthy = (workers: CrashWorker[], round: string) => {
    const problems = workers.flatMap((w) => w.problems());
    if (problems.length > 0) throw new Error(`${round} (CRASH_SEED=${SEED}): ${problems.join('\n')}`);
  };

  /** Pauses inside a batch's open transaction, then is killed there. */
  const midBatch = async (round: string, rebuild: boolean) => {
    const head = await store.headPosition();
    const pauseAtApply = 1 + rand(rebuild ? head : 40);
    const worker = new CrashWorker({ storePath: storePath(), readPath: readPath(), batchSize: 1 + rand(60), pauseAtApply, rebuild });
    const paused = await worker.waitForLine('paused', 15_000);
    await worker.kill();
    assertHealthy([worker], round);
    if (!paused) throw new Error(`${round}: the worker never reached apply #${pauseAtApply} (CRASH_SEED=${SEED})`);
  };

  /** Killed at a random moment (starting, catching up, between batches, idle) while events keep arriving. */
  const randomKill = async (round: string, workers: number) => {
    const running = Array.from({ length: workers }, () =>
      new CrashWorker({ storePath: storePath(), readPath: readPath(), batchSize: 1 + rand(80) }),
    );
    await Promise.all([
      append(rand(80)),
      ...running.map(async (w) => {
        await sleep(300 + rand(900));
        await w.kill();
      }),
    ]);
    assertHealthy(running, round);
  };

  it('leaves a read model equal to a fresh rebuild', async () => {
    for (let i = 0; i < ROUNDS; i++) {
      const round = `round ${i}`;
      await append(40 + rand(60));
      switch (i % 4) {
        case 0: await midBatch(round, false); break;
        case 1: await randomKill(round, 1); break;
        case 2: await randomKill(round, 2); break;
        default: await midBatch(round, i % 8 === 3);
      }
    }

    const last = new CrashWorker({ storePath: storePath(), readPath: readPath(), batchSize: 50, exitWhenCaughtUp: true });
    const caughtUp = await last.waitForLine('caught-up', 30_000);
    expect(await last.exited).toBe(0);
    assertHealthy([last], 'final catch-up');
    const head = await store.headPosition();
    expect(caughtUp).toBe(`caught-up ${head}`);

    const crashed = new ReadModelDatabase(readPath());
    const fresh = new ReadModelDatabase(join(dir, 'fresh.db'));
    try {
      await new ProjectionRunner(store, fresh, crashProjections, { logger: { log: () => undefined, error: () => undefined } }).rebuild();
      const expected = crashRows(fresh.db);
      expect(crashRows(crashed.db)).toEqual(expected);
      expect(crashed.checkpoints().map((c) => [c.name, c.position])).toEqual([['stream_totals', head], ['type_counts', head]]);
      // The oracle agrees too: every event counted exactly once.
      const events = await store.readAll({ maxCount: head });
      const applied = (expected.totals as Array<{ applied: number }>).reduce((sum, r) => sum + r.applied, 0);
      expect(applied).toBe(events.length);
    } finally {
      crashed.close();
      fresh.close();
    }
  }, 60_000 + ROUNDS * 4_000);
});
