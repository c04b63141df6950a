/**
 * Commands over HTTP: the service (a child process on a generated store) under the realistic
 * mix of `command-mix.ts` with JWT auth, against a bare Nest + Fastify POST and the same with
 * one durable better-sqlite3 insert per request, measured in the same run.
 * `npm run bench` runs it; alone: node dist/test/bench/http-commands.bench.js. BENCH_PROFILE=1
 * also profiles the service (node --cpu-prof) and prints the top self-time functions.
 */
import { commandMix } from './command-mix';
import { baselineLoad, baselinePost } from './lib/baseline';
import { dataset, removeDatasets, withReadModels } from './lib/dataset';
import { load } from './lib/load';
import { log, scaled } from './lib/measure';
import { BenchRow, atLeast, limit, reported, writeResults } from './lib/report';
import { printProfile, profiling } from './lib/profiling';
import { Service } from './lib/service';

export const LOAD_SECONDS = () => scaled(12, 3);

export async function runHttpCommandsBench(): Promise<BenchRow[]> {
  const seconds = LOAD_SECONDS();
  log(`baseline: bare Nest + Fastify POST with ValidationPipe, 50 connections, ${seconds} s…`);
  const bare = await baselineLoad('bare', baselinePost, seconds);
  log(`  ${Math.round(bare.rps)} req/s, p99 ${bare.p99} ms`);
  log('baseline: the same with one better-sqlite3 insert per request (WAL, synchronous=FULL)…');
  const insert = await baselineLoad('insert', baselinePost, seconds);
  log(`  ${Math.round(insert.rps)} req/s, p99 ${insert.p99} ms`);

  const ds = await dataset(scaled(1_000_000, 20_000));
  await withReadModels(ds);
  const { profile, nodeFlags } = profiling();
  const service = await Service.start(ds.dir, { nodeFlags });
  const mix = commandMix(ds.manifest);
  let result;
  let peak: number | null = null;
  try {
    log('service: warm-up 3 s…');
    await load(service.url, mix.next, { seconds: 3 });
    log(`service: command mix on ${ds.manifest.events.toLocaleString('en-US')} events, 50 connections, ${seconds} s…`);
    result = await load(service.url, mix.next, { seconds });
  } finally {
    peak = service.peakRssMb();
    if (profile) service.child.kill('SIGUSR2');
    await service.stop();
  }
  log(`  ${Math.round(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, status ${JSON.stringify(result.statusCodes)}, sent ${JSON.stringify(mix.sent)}`);
  for (const [status, body] of Object.entries(result.samples)) log(`  ${status}: ${body}`);
  if (profile) printProfile(profile);
  const failed = result.errors + result.non2xx;
  const rows = [
    reported('HTTP baseline: bare Nest + Fastify validated POST (req/s)', bare.rps, 'req/s'),
    reported('HTTP baseline: POST + one better-sqlite3 insert, sync FULL (req/s)', insert.rps, 'req/s', bare.rps),
    atLeast(`commands over HTTP: report/score/approve mix on ${Math.round(ds.manifest.events / 1000)}k events vs one-insert baseline`, result.rps, 'req/s', insert.rps, 0.5),
    limit('commands over HTTP: p99 latency at 50 connections (baseline: one-insert p99)', result.p99, 'ms', insert.p99, { max: 25 }),
    limit(`commands over HTTP: errors and non-2xx of ${result.total} requests`, failed, 'requests', null, { max: 0 }),
    limit('commands over HTTP: peak RSS of the service', peak ?? NaN, 'MB', null, { max: 300 }),
  ];
  writeResults('http-commands', rows);
  return rows;
}


if (require.main === module) {
  runHttpCommandsBench().finally(removeDatasets).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
