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

  it('rebuilds while the service follows the same files and a command appends, leaving what a rebuild of the final log leaves (review 29)', async () => {
    const eventsPath = join(dir, 'live-events.sqlite');
    const readPath = join(dir, 'live-read.sqlite');
    await generateProvince({ path: eventsPath, events: 6000, today: '2026-06-15' });
    const quiet = { log: () => undefined, error: () => undefined };
    // The service: its own connections, its runner following the log.
    const serviceStore = new SqliteEventStore({ path: eventsPath, pollIntervalMs: 20 });
    const serviceDb = new ReadModelDatabase(readPath);
    const service = new ProjectionRunner(serviceStore, serviceDb, CONTEXT_PROJECTIONS, { logger: quiet });
    const cliStore = new SqliteEventStore({ path: eventsPath });
    const cliDb = new ReadModelDatabase(readPath);
    try {
      await service.start();
      expect(await service.catchUp(60_000)).toBe(true);
      const [org] = await serviceStore.readAll({ fromPosition: 0, maxCount: 1, filter: { eventTypes: ['OrganizationRegistered'] } });
      let appended = false;
      const cli = new ProjectionRunner(cliStore, cliDb, CONTEXT_PROJECTIONS, { logger: quiet });
      await cli.rebuild({
        side: sideRebuildFor(loadConfig({ SQLITE_PATH: eventsPath, READ_MODEL_PATH: readPath })),
        // An organisation registered through the service while the rebuild runs: its runner then re-reads the side's projections from 0.
        onProgress: () => {
          if (appended) return;
          appended = true;
          void serviceStore.append('organization-org-live', [{ type: org!.type, data: { ...(org!.data as object), orgId: 'org-live' }, metadata: { ...org!.metadata, eventId: 'live-1' } }], 'no_stream');
        },
      });
      expect(appended).toBe(true);
      expect(cliDb.status().rebuilding).toBe(false);
      expect(await service.catchUp(60_000)).toBe(true);
    } finally {
      await service.stop();
      await serviceStore.close();
      await cliStore.close();
      serviceDb.close();
      cliDb.close();
    }
    const alone = join(dir, 'live-alone.sqlite');
    await rebuildReadModels(eventsPath, alone);
    expect(readModelTables(readPath)).toEqual(readModelTables(alone));
  }, 120_000);
});
