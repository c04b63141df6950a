import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Multiplies benchmark sizes (env BENCH_SCALE, default 1); never below `min`. */
export function scaled(n: number, min = 1): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  return Math.max(min, Math.round(n * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Milliseconds taken by `fn`. */
export async function timeMs(fn: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A fresh temporary directory, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Size of a SQLite database on disk, including its WAL and shared-memory files. */
export function sqliteBytes(path: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => {
    try {
      return sum + statSync(path + suffix).size;
    } catch {
      return sum;
    }
  }, 0);
}

export function log(message: string): void {
  process.stdout.write(`${message}\n`);
}
