/**
 * Memory of the streaming paths: `cli export --all` of the generated log (NDJSON to a file) as a
 * child process, its peak RSS against the 200 MB target; the raw scan of the same log in this
 * run is the baseline for its rate.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { rawScan } from './rebuild.bench';
import { dataset, removeDatasets } from './lib/dataset';
import { log, scaled, tempDir } from './lib/measure';
import { CLI_MAIN, runNode } from './lib/processes';
import { BenchRow, limit, reported, writeResults } from './lib/report';
import { serviceEnv } from './lib/service';

export async function runMemoryBench(): Promise<BenchRow[]> {
  const ds = await dataset(scaled(1_000_000, 20_000));
  const k = Math.round(ds.manifest.events / 1000);
  const out = tempDir('jingsai-bench-export-');
  const file = join(out.dir, 'export.ndjson');
  log(`export: cli export --all of ${k}k events…`);
  const run = await runNode(CLI_MAIN, ['export', '--all', '--out', file], serviceEnv(ds.dir, 0));
  if (run.code !== 0) throw new Error(`cli export failed (${run.code}): ${run.stderr}`);
  const bytes = statSync(file).size;
  out.remove();
  const raw = rawScan(join(ds.dir, 'events.sqlite'));
  const rate = (ds.manifest.events / run.ms) * 1000;
  log(`  ${(run.ms / 1000).toFixed(1)} s with start-up, ${(bytes / 1e6).toFixed(0)} MB written, peak RSS ${run.peakRssMb?.toFixed(0)} MB`);
  const rows = [
    limit(`export of ${k}k events (cli export --all, NDJSON): peak RSS`, run.peakRssMb ?? NaN, 'MB', null, { max: 200 }),
    reported(`export of ${k}k events: rate incl. start-up (baseline: raw scan)`, rate, 'events/s', (raw.events / raw.ms) * 1000),
  ];
  writeResults('memory', rows);
  return rows;
}

if (require.main === module) {
  runMemoryBench()
    .finally(removeDatasets)
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
