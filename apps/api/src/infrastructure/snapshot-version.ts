import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The version persisted snapshots are kept under: a hash of the code that folds the states
 * (every source file of the given directories, tests left out). Any change there, a new
 * `evolve` or a new state shape, drops the old snapshots at the next start, so no state folded
 * by other code is ever read back; no one has to remember to bump a number. `also` adds what
 * else a fold depends on that lives elsewhere: the upcasters events are read through.
 */
export function foldingCodeVersion(dirs: string[], also: string[] = []): string {
  const hash = createHash('sha256');
  for (const a of also) hash.update(a).update('\0');
  for (const dir of dirs) {
    const files = readdirSync(dir).filter((f) => /\.(js|ts)$/.test(f) && !/\.(spec|int-spec|d)\.(js|ts)$/.test(f) && !f.endsWith('.fixtures.ts') && !f.endsWith('.fixtures.js')).sort();
    for (const f of files) hash.update(f).update('\0').update(readFileSync(join(dir, f))).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
}
