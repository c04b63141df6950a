import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ProjectionRunner, ReadModelDatabase, SqliteEventStore, sideRebuildPath } from '@jingsai/event-store';
import { generateProvince } from '../../../../libs/testing/src/generator';
import { checkpoints, readModelTables, rebuildReadModels } from '../../../../test/fixtures/service-read-models';
import { loadConfig } from '../config/app-config';
import { CONTEXT_PROJECTIONS } from '../contexts';
import { SIDE_REBUILD_PROJECTIONS, sideRebuildFor } from './side-rebuild';

// `cli rebuild` builds part of the read models on a worker thread: what it leaves must be what one thread leaves.
describe('the rebuild thread of cli rebuild', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'jingsai-side-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('leaves every read model and checkpoint as a rebuild on one thread does, on a generated province', async () => {
    const eventsPath = join(dir, 'events.sqlite');
    const manifest = await generateProvince({ path: eventsPath, events: 4000, today: '2026-06-15' });
    const alone = join(dir, 'alone.sqlite');
    await rebuildReadModels(eventsPath, alone);

    const config = loadConfig({ SQLITE_PATH: eventsPath, READ_MODEL_PATH: join(dir, 'together.sqlite') });
    const side = sideRebuildFor(config)!;
    expect(side.names).toEqual(SIDE_REBUILD_PROJECTIONS);
    const store = new SqliteEventStore({ path: eventsPath });
    const readDb = new ReadModelDatabase(config.readModelPath);
    const sideProgress: number[] = [];
    try {
      const runner = new ProjectionRunner(store, readDb, CONTEXT_PROJECTIONS, { logger: { log: () => undefined, error: () => undefined } });
      const result = await runner.rebuild({ side, onProgress: (done) => sideProgress.push(done) });
      expect(result.events).toBeGreaterThan(manifest.events * 0.9);
      expect(result.events).toBeLessThanOrEqual(manifest.events);
      expect(readDb.status().rebuilding).toBe(false);
    } finally {
      await store.close();
      readDb.close();
    }
    const together = readModelTables(config.readModelPath);
    expect(Object.keys(together)).toEqual(Object.keys(readModelTables(alone)));
    for (const [table, rows] of Object.entries(readModelTables(alone))) expect([table, together[table]]).toEqual([table, rows]);
    expect(together.board.length).toBeGreaterThan(50);
    expect(checkpoints(config.readModelPath)).toEqual(checkpoints(alone));
    expect(sideProgress[sideProgress.length - 1]).toBe(manifest.events);
    expect(existsSync(sideRebuildPath(config.readModelPath))).toBe(false);
    // Off, or on a file in memory, there is no side.
    expect(sideRebuildFor(loadConfig({ SQLITE_PATH: eventsPath, REBUILD_THREAD: 'false' }))).toBeUndefined();
    expect(sideRebuildFor(loadConfig({ SQLITE_PATH: eventsPath, READ_MODEL_PATH: ':memory:' }))).toBeUndefined();
  }, 120_000);
});
