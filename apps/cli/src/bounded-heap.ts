import { spawnSync } from 'node:child_process';

/**
 * Runs this same command again in a child with V8's old space capped at `mb`, unless the
 * process already has a cap. A streaming export holds one page at a time, but V8 lets its
 * heap grow far past that before collecting (about 130 MB more over a million events); the
 * cap makes it collect instead, so the export's memory stays bounded whatever the log's size.
 * Returns the child's exit code, or null when this process is the capped one and should work.
 */
export function rerunWithHeapCap(mb: number): number | null {
  if (process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) return null;
  const child = spawnSync(process.execPath, [`--max-old-space-size=${mb}`, ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  if (child.error) throw child.error;
  return child.status ?? 1;
}
