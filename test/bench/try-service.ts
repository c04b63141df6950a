// Development helper (not part of npm run bench): the service on BENCH_DATA_DIR under the command mix.
import { commandMix } from './command-mix';
import { QueryKind, queryMix } from './query-mix';
import { readManifest } from './lib/dataset';
import { load } from './lib/load';
import { Service } from './lib/service';

async function main(): Promise<void> {
  const dir = process.env.BENCH_DATA_DIR!;
  const env = JSON.parse(process.env.SERVICE_ENV ?? '{}') as Record<string, string>;
  const nodeFlags = process.env.EXTRA_FLAGS ? process.env.EXTRA_FLAGS.split(' ') : process.env.PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.PROF_DIR}`, '-r', `${__dirname}/lib/exit-on-signal.preload.js`] : [];
  const service = await Service.start(dir, { env, nodeFlags });
  const mix = commandMix(readManifest(dir), Number(process.env.SEED ?? 7));
  const only = process.env.ONLY;
  const next = process.env.QUERIES ? queryMix(readManifest(dir), (process.env.QUERIES === 'all' ? undefined : process.env.QUERIES) as QueryKind | undefined) : only ? () => { for (;;) { const r = mix.next(); if (r.path.includes(only)) return r; } } : mix.next;
  try {
    await load(service.url, next, { seconds: 2 });
    const cpu0 = service.cpuMs()!;
    const r = await load(service.url, next, { seconds: Number(process.env.SECONDS ?? 5) });
    const cpuPerRequest = (service.cpuMs()! - cpu0) / r.total;
    // Whether the projections kept up: the read models' lag right after the load.
    const ready = (await (await fetch(`${service.url}/ready`)).json()) as { readModels: unknown };
    console.log(JSON.stringify({ readModels: ready.readModels }));
    if (process.env.METRICS) console.log((await (await fetch(`${service.url}/metrics`)).text()).split('\n').filter((l) => /^jingsai_(nodejs_heap_size_used|nodejs_heap_size_total|nodejs_external|process_resident|nodejs_heap_space_size_used)/.test(l)).join('\n'));
    console.log(JSON.stringify({ cpuPerRequest: cpuPerRequest.toFixed(2), rps: Math.round(r.rps), p50: r.p50, p99: r.p99, status: r.statusCodes, peak: service.peakRssMb(), samples: r.samples }));
  } finally {
    if (process.env.PROF_DIR) service.child.kill('SIGUSR2');
    await service.stop();
  }
}
void main();
