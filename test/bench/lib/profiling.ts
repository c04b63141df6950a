import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selfTimes } from './cpu-profile';
import { log } from './measure';

/** With BENCH_PROFILE=1, node flags that make the service write a CPU profile when it is sent SIGUSR2. */
export function profiling(): { profile: string | null; nodeFlags: string[] } {
  const profile = process.env.BENCH_PROFILE === '1' ? mkdtempSync(join(tmpdir(), 'jingsai-prof-')) : null;
  const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`, '-r', join(__dirname, 'exit-on-signal.preload.js')] : [];
  return { profile, nodeFlags };
}

/** The service's top self-time functions and areas, from the profile it wrote in `dir`. */
export function printProfile(dir: string): void {
  const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
  if (!file) return log(`no profile written in ${dir}`);
  const { totalMs, top, byArea } = selfTimes(join(dir, file));
  log(`\nCPU profile of the service (${join(dir, file)}), ${Math.round(totalMs)} ms sampled; self time by area:`);
  for (const [area, ms] of Object.entries(byArea).sort((a, b) => b[1] - a[1]).slice(0, 15)) log(`  ${((ms / totalMs) * 100).toFixed(1).padStart(5)}%  ${area}`);
  log('top self-time functions:');
  for (const t of top.slice(0, 25)) log(`  ${t.percent.toFixed(1).padStart(5)}%  ${t.fn}  ${t.where}`);
}
