/**
 * Commands over HTTP: the service (a child process on a generated store) under the realistic
 * mix of `command-mix.ts` with JWT auth, against a bare Nest + Fastify POST and the same with
 * one durable better-sqlite3 insert per request, measured in the same run.
 * `npm run bench` runs it; alone: node dist/test/bench/http-commands.bench.js. BENCH_PROFILE=1
 * also profiles the service (node --cpu-prof) and prints the top self-time functions.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandMix } from './command-mix';
import { baselineLoad, baselinePost } from './lib/baseline';
import { selfTimes } from './lib/cpu-profile';
import { dataset, removeDatasets, withReadModels } from './lib/dataset';
import { load } from './lib/load';
import { log, scaled } from './lib/measure';
import { BenchRow, atLeast, limit, reported, writeResults } from './lib/report';
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
  const profile = process.env.BENCH_PROFILE === '1' ? mkdtempSync(join(tmpdir(), 'jingsai-prof-')) : null;
  const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '-r', join(__dirname, 'lib', 'exit-on-signal.preload.js')] : [];
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

function printProfile(dir: string): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return log(`no profile written in ${dir}`);
  const { totalMs, top, byArea } = selfTimes(join(dir, file));
  log(`\nCPU profile of the service (${join(dir, file)}), ${Math.round(totalMs)} ms sampled; self time by area:`);
  for (const [area, ms] of Object.entries(byArea).sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`  ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${area}`);
  log('top self-time functions:');
  for (const t of top.slice(0, 25)) log(`  ${t.percent.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
}

if (require.main === module) {
  runHttpCommandsBench().finally(removeDatasets).catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
