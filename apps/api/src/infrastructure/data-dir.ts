import * as fs from 'node:fs';
import * as path from 'node:path';

/** Make sure the directory exists and is writable; otherwise say so plainly and refuse to start. */
export function ensureWritableDir(dir: string, what: string): void {
  const abs = path.resolve(dir);
  try {
    fs.mkdirSync(abs, { recursive: true });
    const probe = path.join(abs, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.unlinkSync(probe);
  } catch (e) {
    const reason = e instanceof Error ? e.message : String(e);
    throw new Error(`The ${what} directory ${abs} is not writable (${reason}). Set DATA_DIR (or the path variables) to a writable directory.`);
  }
}
