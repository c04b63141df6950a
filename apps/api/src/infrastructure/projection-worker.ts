/**
 * The projection worker thread of the service (PROJECTIONS_THREAD): the contexts' projections
 * on their own connections to the log and the read models, reporting to the
 * ThreadedProjectionRunner that started it.
 */
import { ProjectionRunner, ReadModelDatabase, SqliteEventStore, UpcasterRegistry, serveProjectionWorker } from '@jingsai/event-store';
import { workerData } from 'node:worker_threads';
import { CONTEXT_PROJECTIONS, CONTEXT_UPCASTERS } from '../contexts';

/** What the host passes: the files and their page caches. */
export interface ProjectionWorkerData {
  eventsPath: string;
  readModelPath: string;
  /** KiB of page cache on the log connection: the worker reads only the log's tail. */
  logCacheKb: number;
  readModelCacheKb: number;
}

serveProjectionWorker((hooks) => {
  const data = workerData as ProjectionWorkerData;
  const store = new SqliteEventStore({ path: data.eventsPath, cacheSizeKb: data.logCacheKb });
  const readDb = new ReadModelDatabase(data.readModelPath, { cacheSizeKb: data.readModelCacheKb });
  const runner = new ProjectionRunner(store, readDb, CONTEXT_PROJECTIONS, { upcasters: new UpcasterRegistry().register(...CONTEXT_UPCASTERS), ...hooks });
  return {
    runner,
    close: async () => {
      await store.close();
      readDb.close();
    },
  };
});
