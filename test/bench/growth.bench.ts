/**
 * Growth: command throughput and query latency of the service as the store grows, at 10^5 and
 * 10^6 events (`npm run bench:growth-long` adds 10^7: GROWTH_SIZES=100000,1000000,10000000),
 * each size generated and rebuilt, then the same command mix and query mix for the same time.
 * Writes results/growth.json and results/growth.svg. The baseline of every size is the
 * smallest size of the same run.
 */
import { join } from 'node:path';
import { commandMix } from './command-mix';
import { queryMix } from './query-mix';
import { dataset, removeDatasets, withReadModels } from './lib/dataset';
import { load } from './lib/load';
import { log, scaled } from './lib/measure';
import { BenchRow, limit, reported, resultsDir, writeResults } from './lib/report';
import { Service } from './lib/service';
import { writeGrowthSvg } from './lib/svg-plot';

interface Point {
  events: number;
  commandRps: number;
  commandP99: number;
  queryRps: number;
  queryP99: number;
  peakRssMb: number;
}

export async function runGrowthBench(sizes = (process.env.GROWTH_SIZES ?? '100000,1000000').split(',').map(Number)): Promise<BenchRow[]> {
  const seconds = scaled(8, 3);
  const points: Point[] = [];
  for (const size of sizes) {
    const ds = await dataset(scaled(size, 10_000));
    await withReadModels(ds);
    const service = await Service.start(ds.dir);
    try {
      const commands = commandMix(ds.manifest, 23);
      await load(service.url, commands.next, { seconds: 2 });
      const c = await load(service.url, commands.next, { seconds });
      const q = await load(service.url, queryMix(ds.manifest, undefined, 29), { seconds });
      const point = { events: ds.manifest.events, commandRps: c.rps, commandP99: c.p99, queryRps: q.rps, queryP99: q.p99, peakRssMb: service.peakRssMb() ?? NaN };
      log(`growth at ${ds.manifest.events.toLocaleString('en-US')} events: commands ${Math.round(c.rps)} req/s p99 ${c.p99} ms (${c.non2xx + c.errors} failed), queries ${Math.round(q.rps)} req/s p99 ${q.p99} ms (${q.non2xx + q.errors} failed)`);
      // What failed, when something did: the status codes and one answer of each.
      if (c.non2xx + c.errors > 0) log(`  commands: ${JSON.stringify(c.statusCodes)} ${JSON.stringify(c.samples).slice(0, 600)}`);
      points.push(point);
    } finally {
      await service.stop();
    }
  }
  const first = points[0]!;
  const rows: BenchRow[] = [];
  for (const p of points) {
    const at = `at ${p.events.toLocaleString('en-US')} events`;
    rows.push(
      limit(`growth ${at}: commands/s (baseline: smallest size)`, p.commandRps, 'req/s', first.commandRps, { min: first.commandRps * 0.5 }),
      reported(`growth ${at}: command p99`, p.commandP99, 'ms', first.commandP99),
      limit(`growth ${at}: query p99 (baseline: smallest size)`, p.queryP99, 'ms', first.queryP99, { max: 20 }),
      reported(`growth ${at}: queries/s`, p.queryRps, 'req/s', first.queryRps),
      reported(`growth ${at}: service peak RSS`, p.peakRssMb, 'MB', first.peakRssMb),
    );
  }
  const name = process.env.GROWTH_SIZES ? 'growth-long' : 'growth';
  writeResults(name, rows);
  const svg = join(resultsDir(), `${name}.svg`);
  writeGrowthSvg(svg, 'Jingsai service as the event store grows (same machine, same run)', 'events in the store (log scale)', [
    { name: 'commands', unit: 'req/s', points: points.map((p) => [p.events, p.commandRps]) },
    { name: 'command p99', unit: 'ms', points: points.map((p) => [p.events, p.commandP99]) },
    { name: 'queries', unit: 'req/s', points: points.map((p) => [p.events, p.queryRps]) },
    { name: 'query p99', unit: 'ms', points: points.map((p) => [p.events, p.queryP99]) },
  ]);
  log(`plot written to ${svg}`);
  return rows;
}

if (require.main === module) {
  runGrowthBench()
    .finally(removeDatasets)
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
