import { existsSync, rmSync } from 'node:fs';
import { ResourceLimits, parentPort, workerData as threadData } from 'node:worker_threads';
import { startWorker } from '../worker-thread';
import { Projection } from './projection';
import { toFailure } from './projection-failure';
import type { ProjectionRunner } from './projection-runner';
import { ReadModelDatabase } from './read-model-database';

/**
 * A second thread for a rebuild of every read model. SQLite lets one connection write a file at
 * a time, so the side builds its share of the projections into a file of its own, from the same
 * log, while the runner builds the rest into the read-model file; the runner then copies the
 * side's tables in, with their checkpoints, in one transaction. On two cores a rebuild takes
 * about as long as its larger share plus the copy.
 */
export interface SideRebuild {
  /** The projections the side builds (by name); the runner builds the others. */
  readonly names: readonly string[];
  /**
   * Builds the named projections from the whole log into a new file at `path`: their tables and
   * their checkpoints, without the indexes they defer (the runner builds those after the copy).
   * `onProgress` is told log positions scanned and the total to scan. Resolves with the events
   * its projections were given, by type. Aborted, it stops (its thread ended) and rejects.
   */
  build(path: string, onProgress: (done: number, total: number) => void, signal?: AbortSignal): Promise<{ byType: Map<string, number> }>;
}

/** The side's file beside the read-model file: `<read models>.side-rebuild`. */
export const sideRebuildPath = (readModelPath: string) => `${readModelPath}.side-rebuild`;

/** Removes a side file and its WAL companions (left by a rebuild that died, or done with). */
export function removeSideFile(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/** The runner's own bookkeeping, never copied: the read-model file has its own. */
const BOOKKEEPING = new Set(['projection_checkpoints', 'read_model_status']);

/**
 * Copies what the side built into the read-model file, in one transaction: every table the side
 * file holds (the side's projections' own, and its rows of a table several projections share,
 * such as `deadlines`, appended to the rows this side wrote), then the side's checkpoints.
 * Whatever another runner wrote meanwhile into the side projections' tables (the service's, on
 * the same files, following the log from their reset checkpoints) is reset first: the checkpoint
 * written with the rows is then the truth, and a runner that got further re-reads from it.
 * Columns are named: a generated column takes no value. Returns the rows copied.
 */
export function copySideTables(readDb: ReadModelDatabase, sidePath: string, projections: readonly Projection[]): number {
  if (!existsSync(sidePath)) throw new Error(`the side rebuild left no file at ${sidePath} (removed by another rebuild?)`);
  const db = readDb.db;
  // Attached and detached outside the transaction: SQLite allows neither inside one.
  db.prepare('ATTACH DATABASE ? AS side').run(sidePath);
  try {
    return db.transaction(() => copyAttached(readDb, projections)).immediate();
  } catch (e) {
    throw new Error(`could not copy the side rebuild's tables into the read models: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  } finally {
    db.prepare('DETACH DATABASE side').run();
  }
}

function copyAttached(readDb: ReadModelDatabase, projections: readonly Projection[]): number {
  const db = readDb.db;
  const checkpoints = new Map(
    (db.prepare('SELECT name, position, version FROM side.projection_checkpoints').all() as Array<{ name: string; position: number; version: number }>).map((c) => [c.name, c]),
  );
  for (const p of projections) {
    const c = checkpoints.get(p.name);
    if (!c || c.version !== p.version) throw new Error(`the side rebuild left no checkpoint of ${p.name} at version ${p.version}`);
  }
  // Rows a trigger would write again, or a sequence the copy would not carry, are no plain copy: such projections stay on the runner's thread.
  const triggers = db.prepare("SELECT name FROM side.sqlite_master WHERE type = 'trigger'").pluck().all() as string[];
  if (triggers.length > 0) throw new Error(`the side's tables have triggers (${triggers.join(', ')}): rebuild those projections on one thread`);
  const sequences = db.prepare("SELECT name FROM side.sqlite_master WHERE name = 'sqlite_sequence'").pluck().all() as string[];
  if (sequences.length > 0) throw new Error('the side\'s tables use AUTOINCREMENT: rebuild those projections on one thread');
  for (const p of projections) {
    p.reset(db);
    p.setup(db);
  }
  // Built once after the copy (the runner's last step), not row by row during it.
  for (const name of projections.flatMap((p) => p.deferredIndexes ?? [])) if (/^\w+$/.test(name)) db.exec(`DROP INDEX IF EXISTS main.${name}`);
  const tables = db.prepare("SELECT name FROM side.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  let rows = 0;
  for (const table of tables.filter((t) => !BOOKKEEPING.has(t))) {
    const quoted = `"${table.replaceAll('"', '""')}"`;
    const columns = (db.prepare(`PRAGMA main.table_xinfo(${quoted})`).all() as Array<{ name: string; hidden: number }>)
      .filter((c) => c.hidden === 0)
      .map((c) => `"${c.name.replaceAll('"', '""')}"`)
      .join(', ');
    if (!columns) throw new Error(`the side rebuild wrote table ${table}, which the read-model file does not have`);
    rows += db.prepare(`INSERT INTO main.${quoted} (${columns}) SELECT ${columns} FROM side.${quoted}`).run().changes;
  }
  for (const p of projections) readDb.writeCheckpoint(p.name, checkpoints.get(p.name)!.position, p.version);
  return rows;
}

/** Messages of a side-rebuild worker to its host. */
type FromSide = { type: 'progress'; done: number; total: number } | { type: 'done'; byType: Array<[string, number]> } | { type: 'failed'; message: string; where: string };

/** What the host passes a side-rebuild worker, besides its own `data`. */
interface SideWorkerData {
  names: string[];
  path: string;
  data: unknown;
}

export interface SideRebuildWorkerOptions {
  /** The worker's script, which calls {@link serveSideRebuild} (see `startWorker` for `.ts`). */
  entry: string;
  names: readonly string[];
  /** Passed to the script's `open` (the log's and read models' paths, say). */
  workerData: unknown;
  resourceLimits?: ResourceLimits;
}

/** A {@link SideRebuild} in a worker thread: the thread's own connections, projections and heap. */
export function sideRebuildWorker(options: SideRebuildWorkerOptions): SideRebuild {
  return {
    names: options.names,
    build: (path, onProgress, signal) =>
      new Promise<{ byType: Map<string, number> }>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const workerData: SideWorkerData = { names: [...options.names], path, data: options.workerData };
        const worker = startWorker(options.entry, { workerData, resourceLimits: options.resourceLimits });
        let settled = false;
        // Settled once the thread has ended (its connections with it): the caller then removes the file.
        const onAbort = () => void worker.terminate().then(() => finish(signal!.reason instanceof Error ? signal!.reason : new Error(String(signal!.reason))));
        signal?.addEventListener('abort', onAbort, { once: true });
        const finish = (error: Error | null, byType = new Map<string, number>()) => {
          if (settled) return;
          settled = true;
          signal?.removeEventListener('abort', onAbort);
          if (error) reject(error);
          else resolve({ byType });
        };
        worker.on('message', (m: FromSide) => {
          if (m.type === 'progress') onProgress(m.done, m.total);
          else if (m.type === 'done') finish(null, new Map(m.byType));
          else finish(new Error(`the side rebuild failed${m.where}: ${m.message}`));
        });
        worker.on('error', (e) => finish(new Error(`the side rebuild failed: ${e.message}`)));
        worker.on('exit', (code) => finish(new Error(`the side rebuild's thread exited (code ${code}) before it was done`)));
      }),
  };
}

/**
 * The worker's side of {@link sideRebuildWorker}: `open` gives a runner over the named
 * projections on the log and a read-model database at `path`; it is rebuilt, closed, and the host told.
 */
export function serveSideRebuild(open: (names: readonly string[], path: string, data: unknown) => { runner: ProjectionRunner; close: () => Promise<void> | void }): void {
  const port = parentPort;
  if (!port) throw new Error('serveSideRebuild runs in a worker thread');
  const { names, path, data } = threadData as SideWorkerData;
  void (async () => {
    let opened: ReturnType<typeof open> | null = null;
    try {
      opened = open(names, path, data);
      const result = await opened.runner.rebuild({ deferredIndexes: false, onProgress: (done, total) => port.postMessage({ type: 'progress', done, total } satisfies FromSide) });
      await opened.close();
      opened = null;
      port.postMessage({ type: 'done', byType: [...result.byType] } satisfies FromSide);
    } catch (e) {
      await Promise.resolve(opened?.close()).catch(() => undefined);
      // Where it stopped, as the runner's failure says it (the error itself does not survive the copy to the host).
      const f = toFailure(e, new Date());
      const where = `${f.position === null ? '' : ` at position ${f.position} (${f.streamId})`}${f.projection ? ` in projection ${f.projection}` : ''}`;
      port.postMessage({ type: 'failed', message: f.message, where } satisfies FromSide);
    }
  })();
}
