/**
 * Every benchmark, one after another on this machine, each with its own baseline measured in
 * the same run; prints one table and writes test/bench/results/*.json (and growth.svg).
 * `npm run bench`; BENCH_SCALE=0.05 for a quick run. Not part of `npm test`.
 */
import { loadavg } from 'node:os';
import { runStoreBench } from './store.bench';
import { runGeneratorBench } from './generator.bench';
import { runRebuildBench } from './rebuild.bench';
import { runMemoryBench } from './memory.bench';
import { runHttpCommandsBench } from './http-commands.bench';
import { runHttpQueriesBench } from './http-queries.bench';
import { runLongStreamBench } from './long-stream.bench';
import { runGrowthBench } from './growth.bench';
import { removeDatasets } from './lib/dataset';
import { log, timeMs } from './lib/measure';
import { BenchRow, writeResults } from './lib/report';

const BENCHES: Array<[string, () => Promise<BenchRow[]>]> = [
  ['store', runStoreBench],
  ['generator', runGeneratorBench],
  ['rebuild', runRebuildBench],
  ['memory', runMemoryBench],
  ['http-commands', runHttpCommandsBench],
  ['http-queries', runHttpQueriesBench],
  ['long-stream', runLongStreamBench],
  ['growth', () => runGrowthBench()],
];

async function main(): Promise<void> {
  const only = process.env.BENCH_ONLY?.split(',');
  const all: BenchRow[] = [];
  const started = Date.now();
  log(`load average at start: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; BENCH_SCALE=${process.env.BENCH_SCALE ?? '1'}`);
  try {
    for (const [name, run] of BENCHES) {
      if (only && !only.includes(name)) continue;
      log(`\n=== ${name} ===`);
      const ms = await timeMs(async () => void all.push(...(await run()).map((r) => ({ ...r, name: `[${name}] ${r.name}` }))));
      log(`${name}: ${(ms / 1000).toFixed(0)} s`);
    }
  } finally {
    removeDatasets();
  }
  log(`\nload average at end: ${loadavg().map((l) => l.toFixed(2)).join(' ')}; ${((Date.now() - started) / 60000).toFixed(1)} min`);
  writeResults('all', all);
  const failed = all.filter((r) => r.met === false).length;
  log(failed === 0 ? 'every target met' : `${failed} target(s) not met`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
