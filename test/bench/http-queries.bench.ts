/**
 * Queries over HTTP: board and supervision reads on a generated store of about 1,000,000
 * events, against a bare Nest + Fastify GET measured in the same run; then each kind of read
 * alone, to say which one is slow. BENCH_PROFILE=1 also profiles the service (node --cpu-prof).
 */
import { queryMix, QUERY_KINDS } from './query-mix';
import { baselineGet, baselineLoad } from './lib/baseline';
import { dataset, removeDatasets, withReadModels } from './lib/dataset';
import { load } from './lib/load';
import { log, scaled } from './lib/measure';
import { BenchRow, atLeast, limit, reported, writeResults } from './lib/report';
import { printProfile, profiling } from './lib/profiling';
import { Service } from './lib/service';

export async function runHttpQueriesBench(): Promise<BenchRow[]> {
  const seconds = scaled(12, 3);
  log(`baseline: bare Nest + Fastify GET, 50 connections, ${seconds} s…`);
  const bare = await baselineLoad('bare', baselineGet, seconds);
  log(`  ${Math.round(bare.rps)} req/s, p99 ${bare.p99} ms`);
  const ds = await dataset(scaled(1_000_000, 20_000));
  await withReadModels(ds);
  const { profile, nodeFlags } = profiling();
  const service = await Service.start(ds.dir, { nodeFlags });
  const rows: BenchRow[] = [reported('HTTP baseline: bare Nest + Fastify GET (req/s)', bare.rps, 'req/s')];
  try {
    await load(service.url, queryMix(ds.manifest), { seconds: 3 });
    log(`service: board + supervision mix on ${ds.manifest.events.toLocaleString('en-US')} events, 50 connections, ${seconds} s…`);
    const mixed = await load(service.url, queryMix(ds.manifest), { seconds });
    log(`  ${Math.round(mixed.rps)} req/s, p50 ${mixed.p50} ms, p99 ${mixed.p99} ms, status ${JSON.stringify(mixed.statusCodes)}`);
    for (const [status, body] of Object.entries(mixed.samples)) log(`  ${status}: ${body}`);
    const k = Math.round(ds.manifest.events / 1000);
    rows.push(
      atLeast(`queries over HTTP: board + supervision mix on ${k}k events vs bare GET`, mixed.rps, 'req/s', bare.rps, 0.5),
      limit('queries over HTTP: p99 latency at 50 connections (baseline: bare GET p99)', mixed.p99, 'ms', bare.p99, { max: 20 }),
      limit(`queries over HTTP: errors and non-2xx of ${mixed.total} requests`, mixed.errors + mixed.non2xx, 'requests', null, { max: 0 }),
    );
    const each = scaled(4, 2);
    for (const kind of QUERY_KINDS) {
      const r = await load(service.url, queryMix(ds.manifest, kind), { seconds: each });
      log(`  ${kind}: ${Math.round(r.rps)} req/s, p99 ${r.p99} ms, status ${JSON.stringify(r.statusCodes)}`);
      rows.push(reported(`  ${kind} alone: p99 (value) at ${Math.round(r.rps)} req/s`, r.p99, 'ms', bare.p99));
    }
  } finally {
    if (profile) service.child.kill('SIGUSR2');
    await service.stop();
  }
  if (profile) printProfile(profile);
  writeResults('http-queries', rows);
  return rows;
}

if (require.main === module) {
  runHttpQueriesBench()
    .finally(removeDatasets)
    .catch((e: unknown) => {
      process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exit(1);
    });
}
