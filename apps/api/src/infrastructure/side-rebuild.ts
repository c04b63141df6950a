import { SideRebuild, siblingScript, sideRebuildWorker } from '@jingsai/event-store';
import * as path from 'node:path';
import { AppConfig } from '../config/app-config';
import type { RebuildWorkerData } from './rebuild-worker';

/**
 * The projections a rebuild of everything builds on its second thread: about half the work of
 * a rebuild between them (of a 1M-event log's: the board 11%, supervision 7% and eligibility
 * facts 4% of the time, against the deadlines 11%, coverage 6%, assessment statistics 6% and the
 * rest on the runner's thread, which also copies these tables in). Each keeps to its own tables.
 */
export const SIDE_REBUILD_PROJECTIONS = ['board', 'supervision', 'award_project_facts'];

/** The side thread for `cli rebuild` of every read model, or none (REBUILD_THREAD off, or not on SQLite files). */
export function sideRebuildFor(config: AppConfig): SideRebuild | undefined {
  if (!config.REBUILD_THREAD || config.EVENT_STORE !== 'sqlite' || config.sqlitePath === ':memory:' || config.readModelPath === ':memory:') return undefined;
  return sideRebuildWorker({
    entry: siblingScript(__dirname, __filename, 'rebuild-worker'),
    names: SIDE_REBUILD_PROJECTIONS,
    workerData: { eventsPath: path.resolve(config.sqlitePath), readModelCacheKb: (config.READ_MODEL_CACHE_MB * 1024) / 2 } satisfies RebuildWorkerData,
  });
}
