// Development helper: where the service's memory goes after the command mix (heap, external, SQLite).
import { commandMix } from './command-mix';
import { queryMix } from './query-mix';
import { readManifest } from './lib/dataset';
import { load } from './lib/load';
import { Service } from './lib/service';

async function main(): Promise<void> {
  const dir = process.env.BENCH_DATA_DIR!;
  const env = JSON.parse(process.env.SERVICE_ENV ?? '{}') as Record<string, string>;
  const service = await Service.start(dir, { env, nodeFlags: (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean) });
  const manifest = readManifest(dir);
  // QUERIES=1: the query mix instead of commands (where a query's time goes: event-loop lag, server-side durations).
  const mix = process.env.QUERIES ? { next: queryMix(manifest) } : commandMix(manifest, Number(process.env.SEED ?? 7));
  try {
    await load(service.url, mix.next, { seconds: 3 });
    const r = await load(service.url, mix.next, { seconds: Number(process.env.SECONDS ?? 12) });
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    console.log(metrics.split('\n').filter((l) => /^jingsai_(process_resident|nodejs_heap_size|nodejs_external|nodejs_heap_space_size_(used|total)|nodejs_eventloop_lag_(p50|p99|max)|nodejs_gc_duration_seconds_(sum|count)|http_request_duration_seconds_(bucket|count|sum))/.test(l)).join('\n'));
    if (process.env.HEAP_SNAP) { service.child.kill('SIGUSR1'); await new Promise((r) => setTimeout(r, 20000)); }
    console.log(JSON.stringify({ rps: Math.round(r.rps), p99: r.p99, peak: service.peakRssMb() }));
  } finally {
    await service.stop();
  }
}
void main();
