import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GenerationManifest, MANIFEST_FILE, generateProvince } from '../../../libs/testing/src/generator';
import { log, tempDir } from './measure';
import { CLI_MAIN, NodeRun, runNode } from './processes';
import { serviceEnv } from './service';

/** A generated store in a temporary directory, shared by the benchmarks of one run. */
export interface Dataset {
  dir: string;
  manifest: GenerationManifest;
  /** In-process generation time. */
  generateMs: number;
  /** The CLI `rebuild` that built its read models (measured once, reused by every benchmark). */
  rebuild?: NodeRun;
  remove(): void;
}

const cache = new Map<number, Promise<Dataset>>();
const pending: Dataset[] = [];

/** A province of about `events` events (generated once per run and size). */
export function dataset(events: number): Promise<Dataset> {
  let ds = cache.get(events);
  const reuse = process.env.BENCH_DATA_DIR;
  if (!ds && reuse) {
    // Development only: a store generated earlier (its read models are assumed built), used as is.
    ds = Promise.resolve({ dir: reuse, manifest: readManifest(reuse), generateMs: 0, rebuild: { code: 0, stdout: '', stderr: '', ms: 0, peakRssMb: null }, remove: () => undefined });
    cache.set(events, ds);
  }
  if (!ds) {
    ds = (async () => {
      const t = tempDir('jingsai-bench-data-');
      log(`generating ${events.toLocaleString('en-US')} events into ${t.dir}…`);
      const started = Date.now();
      let shown = 0;
      const manifest = await generateProvince({
        path: join(t.dir, 'events.sqlite'),
        events,
        onProgress: (done, total) => {
          if (done - shown >= total / 10) {
            shown = done;
            log(`  ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events`);
          }
        },
      });
      const d: Dataset = { dir: t.dir, manifest, generateMs: Date.now() - started, remove: t.remove };
      pending.push(d);
      log(`generated ${manifest.events.toLocaleString('en-US')} events in ${(d.generateMs / 1000).toFixed(1)} s`);
      return d;
    })();
    cache.set(events, ds);
  }
  return ds;
}

/** Builds the read models of a dataset with the operator command (`cli rebuild`), once. */
export async function withReadModels(ds: Dataset): Promise<NodeRun> {
  if (ds.rebuild) return ds.rebuild;
  log(`rebuilding read models of ${ds.manifest.events.toLocaleString('en-US')} events (cli rebuild)…`);
  const run = await runNode(CLI_MAIN, ['rebuild'], serviceEnv(ds.dir, 0));
  if (run.code !== 0) throw new Error(`cli rebuild failed (${run.code}): ${run.stderr}`);
  ds.rebuild = run;
  return run;
}

/** Removes every dataset generated in this process. */
export function removeDatasets(): void {
  for (const d of pending.splice(0)) d.remove();
  cache.clear();
}

export function readManifest(dir: string): GenerationManifest {
  return JSON.parse(readFileSync(join(dir, MANIFEST_FILE), 'utf8')) as GenerationManifest;
}
