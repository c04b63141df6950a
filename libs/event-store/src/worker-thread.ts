import { extname } from 'node:path';
import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread on a script next to the caller's module: `.js` when built, `.ts` when the
 * code runs from source (tests, `node -r @swc-node/register`), which is loaded through
 * @swc-node/register as the service itself is then.
 */
export function startWorker(entry: string, options: Pick<WorkerOptions, 'workerData' | 'resourceLimits'>): Worker {
  return extname(entry) === '.ts'
    ? new Worker(`require('@swc-node/register'); require(${JSON.stringify(entry)});`, { ...options, eval: true })
    : new Worker(entry, options);
}

/** The script `name` beside the module at `filename`, with that module's own extension (.js or .ts). */
export function siblingScript(dirname: string, filename: string, name: string): string {
  return `${dirname}/${name}${extname(filename)}`;
}
