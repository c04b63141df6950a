import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** dist/ (the benchmarks run compiled, from dist/test/bench). */
export const DIST = join(__dirname, '..', '..', '..');
export const API_MAIN = join(DIST, 'apps', 'api', 'src', 'main.js');
export const CLI_MAIN = join(DIST, 'apps', 'cli', 'src', 'main.js');
const MAX_RSS_PRELOAD = join(__dirname, 'max-rss.preload.js');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Peak resident set size of a running process so far (VmHWM), in MB; null when unknown. */
export function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export interface NodeRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** Peak RSS of the child over its whole life (process.resourceUsage().maxRSS), in MB. */
  peakRssMb: number | null;
}

/** Runs `node [flags] script args` to the end, with its peak RSS recorded by a preload. */
export function runNode(script: string, args: string[], env: Record<string, string>, nodeFlags: string[] = []): Promise<NodeRun> {
  const rssFile = join(tmpdir(), `jingsai-bench-rss-${process.pid}-${Date.now()}-${Math.random()}`);
  const started = Date.now();
  const child = spawn(process.execPath, [...nodeFlags, '-r', MAX_RSS_PRELOAD, script, ...args], {
    env: { ...process.env, ...env, BENCH_MAX_RSS_FILE: rssFile },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-20_000)));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => {
      let peak: number | null = null;
      if (existsSync(rssFile)) {
        peak = Number(readFileSync(rssFile, 'utf8')) / 1024;
        rmSync(rssFile, { force: true });
      }
      resolve({ code, stdout, stderr, ms: Date.now() - started, peakRssMb: peak });
    });
  });
}

/** Waits until `url` answers 200. */
export async function waitForHttp(url: string, timeoutMs: number, child?: ChildProcess): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the process exited with ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Sends SIGTERM, then SIGKILL after a grace period; resolves when the child has exited. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** CPU time (user + system) a running process has used so far, in ms; null when unknown. */
export function cpuMs(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat (11 and 12 after the command name), in clock ticks (100 Hz).
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}
